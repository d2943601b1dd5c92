"""Labels of the client-facing documents, per language.

Client documents (agreement, consent form) can be printed in the client's
language. Until the gettext catalogs of the languages issue take over, the
labels live here as one dict per language; ``labels_for`` falls back to German
key by key, so a partly translated language still prints a complete document.
Placeholders (``{page}``) must match across languages; a test checks it.
"""

from __future__ import annotations

from collections.abc import Mapping

DEFAULT_LANGUAGE = "de"
RTL_LANGUAGES = frozenset({"ar", "fa", "ps", "ur", "ckb", "he"})

LABELS: dict[str, dict[str, str]] = {
    "de": {
        "agreement_title": "Zug-um-Zug-Vereinbarung",
        "agreement_intro": (
            "Die Beteiligten vereinbaren die folgenden Schritte in dieser Reihenfolge. "
            "Ein Schritt der Ausländerbehörde wird fällig, wenn die vorhergehenden "
            "Schritte der Person erfüllt sind."
        ),
        "parties": "Beteiligte",
        "party_person": "Person",
        "party_authority": "Ausländerbehörde",
        "party_case_manager": "Case Management",
        "party_other": "Weitere Stelle",
        "steps": "Schritte",
        "steps_person": "Schritte der Person",
        "steps_authority": "Schritte der Ausländerbehörde",
        "reference": "Aktenzeichen",
        "date": "Datum",
        "place_date": "Ort, Datum",
        "due": "fällig bis",
        "done_on": "erledigt am",
        "proof": "Nachweis",
        "status_open": "offen",
        "status_fulfilled": "erfüllt",
        "status_missed": "versäumt",
        "status_waived": "entfallen",
        "signatures": "Unterschriften",
        "sign_person": "Unterschrift der Person",
        "sign_authority": "Unterschrift der Ausländerbehörde",
        "sign_case_manager": "Unterschrift Case Management",
        "page": "Seite {page} von {total}",
        "translation_note": "",
        "consent_title": "Einwilligung und Schweigepflichtentbindung",
        "consent_person": "Ich",
        "consent_birth_date": "geboren am",
        "consent_address": "wohnhaft",
        "consent_intro": (
            "willige ein, dass {organisation} die unten angekreuzten Daten über mich an "
            "die unten angekreuzten Stellen übermittelt und von ihnen erhält, soweit das "
            "für den genannten Zweck nötig ist. Insoweit entbinde ich die Mitarbeitenden "
            "von {organisation} und der genannten Stellen von ihrer Schweigepflicht."
        ),
        "consent_recipients": "Stellen, mit denen Daten ausgetauscht werden dürfen",
        "consent_categories": "Daten, die übermittelt werden dürfen",
        "consent_special": (
            "Besondere Kategorie personenbezogener Daten (Art. 9 DSGVO): nur mit dieser "
            "ausdrücklichen Einwilligung."
        ),
        "consent_purpose": "Zweck",
        "consent_validity": "Gültigkeit",
        "consent_valid_until": "Diese Einwilligung gilt bis zum {date}.",
        "consent_valid_open": (
            "Diese Einwilligung gilt bis zum Abschluss der Beratung, längstens bis zum "
            "Widerruf."
        ),
        "consent_voluntary": (
            "Die Einwilligung ist freiwillig. Wenn ich sie nicht gebe oder widerrufe, "
            "entstehen mir daraus keine Nachteile in der Beratung."
        ),
        "consent_withdraw_title": "Widerruf",
        "consent_withdraw": (
            "Ich kann diese Einwilligung jederzeit ohne Angabe von Gründen ganz oder für "
            "einzelne Stellen oder Daten widerrufen, mündlich oder schriftlich gegenüber "
            "{organisation} (Art. 7 Abs. 3 DSGVO). Der Widerruf wirkt für die Zukunft; "
            "was bis dahin übermittelt wurde, bleibt rechtmäßig."
        ),
        "consent_yes": "ja",
        "consent_signature_person": "Unterschrift der betroffenen Person",
        "consent_signature_staff": "Unterschrift der beratenden Fachkraft",
        "consent_interpreter": "Übersetzt durch (falls zutreffend)",
    },
    "en": {
        "agreement_title": "Step-by-step agreement (Zug-um-Zug)",
        "agreement_intro": (
            "The parties agree on the following steps in this order. A step of the "
            "foreign nationals authority falls due when the person's preceding steps "
            "are fulfilled."
        ),
        "parties": "Parties",
        "party_person": "Person",
        "party_authority": "Foreign nationals authority",
        "party_case_manager": "Case management",
        "party_other": "Other office",
        "steps": "Steps",
        "steps_person": "Steps of the person",
        "steps_authority": "Steps of the foreign nationals authority",
        "reference": "Reference",
        "date": "Date",
        "place_date": "Place, date",
        "due": "due by",
        "done_on": "done on",
        "proof": "Proof",
        "status_open": "open",
        "status_fulfilled": "fulfilled",
        "status_missed": "missed",
        "status_waived": "waived",
        "signatures": "Signatures",
        "sign_person": "Signature of the person",
        "sign_authority": "Signature of the foreign nationals authority",
        "sign_case_manager": "Signature of the case manager",
        "page": "Page {page} of {total}",
        "translation_note": (
            "This translation helps you understand this document; the German version "
            "is the binding one."
        ),
        "consent_title": "Consent and release from confidentiality",
        "consent_person": "I,",
        "consent_birth_date": "born on",
        "consent_address": "living at",
        "consent_intro": (
            "agree that {organisation} may pass the data ticked below about me to the "
            "offices ticked below and receive it from them, as far as the purpose "
            "named needs it. To that extent I release the staff of {organisation} and "
            "of those offices from their duty of confidentiality."
        ),
        "consent_recipients": "Offices that may exchange data",
        "consent_categories": "Data that may be passed on",
        "consent_special": (
            "Special category of personal data (Art. 9 GDPR): only with this explicit "
            "consent."
        ),
        "consent_purpose": "Purpose",
        "consent_validity": "Validity",
        "consent_valid_until": "This consent is valid until {date}.",
        "consent_valid_open": (
            "This consent is valid until the counselling ends, at the latest until I "
            "withdraw it."
        ),
        "consent_voluntary": (
            "This consent is voluntary. If I do not give it or withdraw it, my "
            "counselling will not suffer."
        ),
        "consent_withdraw_title": "Withdrawal",
        "consent_withdraw": (
            "I can withdraw this consent at any time without giving reasons, in whole "
            "or for single offices or data, orally or in writing to {organisation} "
            "(Art. 7 (3) GDPR). The withdrawal applies to the future; what was passed "
            "on before remains lawful."
        ),
        "consent_yes": "yes",
        "consent_signature_person": "Signature of the person concerned",
        "consent_signature_staff": "Signature of the counsellor",
        "consent_interpreter": "Translated by (if applicable)",
    },
    "ar": {
        "agreement_title": "اتفاقية خطوة بخطوة",
        "agreement_intro": (
            "يتفق الأطراف على الخطوات التالية بهذا الترتيب. تصبح خطوة دائرة الأجانب "
            "مستحقة عندما يُنجز الشخص خطواته السابقة."
        ),
        "parties": "الأطراف",
        "party_person": "الشخص",
        "party_authority": "دائرة الأجانب",
        "party_case_manager": "إدارة الحالة",
        "party_other": "جهة أخرى",
        "steps": "الخطوات",
        "steps_person": "خطوات الشخص",
        "steps_authority": "خطوات دائرة الأجانب",
        "reference": "رقم الملف",
        "date": "التاريخ",
        "place_date": "المكان والتاريخ",
        "due": "الموعد النهائي",
        "done_on": "أُنجز في",
        "proof": "الإثبات",
        "status_open": "مفتوح",
        "status_fulfilled": "مُنجز",
        "status_missed": "فات موعده",
        "status_waived": "أُلغي",
        "signatures": "التوقيعات",
        "sign_person": "توقيع الشخص",
        "sign_authority": "توقيع دائرة الأجانب",
        "sign_case_manager": "توقيع مدير الحالة",
        "page": "صفحة {page} من {total}",
        "translation_note": "هذه الترجمة لفهم هذه الوثيقة فقط، والنسخة الألمانية هي الملزمة.",
    },
    "fa": {
        "agreement_title": "توافق‌نامه گام به گام",
        "agreement_intro": (
            "طرفین بر سر گام‌های زیر به همین ترتیب توافق می‌کنند. گام اداره اتباع خارجی "
            "زمانی فرا می‌رسد که گام‌های قبلی شخص انجام شده باشد."
        ),
        "parties": "طرفین",
        "party_person": "شخص",
        "party_authority": "اداره اتباع خارجی",
        "party_case_manager": "مددکار پرونده",
        "party_other": "نهاد دیگر",
        "steps": "گام‌ها",
        "steps_person": "گام‌های شخص",
        "steps_authority": "گام‌های اداره اتباع خارجی",
        "reference": "شماره پرونده",
        "date": "تاریخ",
        "place_date": "محل و تاریخ",
        "due": "مهلت",
        "done_on": "انجام شده در",
        "proof": "مدرک",
        "status_open": "باز",
        "status_fulfilled": "انجام شده",
        "status_missed": "از دست رفته",
        "status_waived": "لغو شده",
        "signatures": "امضاها",
        "sign_person": "امضای شخص",
        "sign_authority": "امضای اداره اتباع خارجی",
        "sign_case_manager": "امضای مددکار پرونده",
        "page": "صفحه {page} از {total}",
        "translation_note": "این ترجمه فقط برای فهم این سند است؛ نسخه آلمانی معتبر است.",
    },
}


# German labels of the consent data-category codes (app.models.codes.DataCategory)
# for letters and the consent form; health ones are Art. 9 data.
DATA_CATEGORY_LABELS: dict[str, str] = {
    "identity": "Personalien und Identität",
    "residence": "Aufenthaltsstatus und Dokumente",
    "social": "Familiäre und soziale Situation",
    "education_work": "Schule, Ausbildung und Arbeit",
    "financial": "Finanzielle Situation und Leistungen",
    "health": "Gesundheit",
    "mental_health": "Psychische Gesundheit",
}


class Labels(Mapping[str, str]):
    """The labels of one language, German where a key has no translation yet."""

    def __init__(self, lang: str) -> None:
        self.lang = lang if lang in LABELS else DEFAULT_LANGUAGE
        self._own = LABELS[self.lang]
        self._fallback = LABELS[DEFAULT_LANGUAGE]

    def __getitem__(self, key: str) -> str:
        value = self._own.get(key)
        return value if value else self._fallback[key]

    def __iter__(self):
        return iter(self._fallback)

    def __len__(self) -> int:
        return len(self._fallback)

    @property
    def direction(self) -> str:
        return "rtl" if self.lang in RTL_LANGUAGES else "ltr"

    @property
    def is_rtl(self) -> bool:
        return self.direction == "rtl"

    def german(self, key: str) -> str:
        return self._fallback[key]


def labels_for(lang: str | None) -> Labels:
    """Labels for ``lang`` (a code like ``"fa"``); unknown codes give German."""
    code = (lang or DEFAULT_LANGUAGE).split("_")[0].split("-")[0].lower()
    return Labels(code)


def supported_languages() -> tuple[str, ...]:
    return tuple(LABELS)
