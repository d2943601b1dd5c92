"""Referral letters: a draft from the case file, and printing behind the consent gate.

``prepare_referral_letter`` fills the template of the agency's legal domain
from the case file and says which consent the letter would rely on (or why
there is none). The user edits subject and body; ``issue_referral_letter``
then checks the consent again, on the day of printing, for exactly the
categories the letter discloses — a withdrawal recorded a minute ago blocks
it — renders the PDF in memory, and records the letter (the recipients an
Art. 15 copy lists) and the print in the audit log.

Without a valid consent the letter is refused with the reason, unless the
user gives a written override reason (the legal basis, e.g. a danger to the
child's welfare under § 8a SGB VIII). The reason goes to the audit log and
the letter row, never into the PDF; the letter then names no consent.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date

from sqlalchemy.orm import Session

from app.documents.data import ConsentStatement, LetterData, Organisation, Recipient
from app.documents.labels import DATA_CATEGORY_LABELS
from app.documents.letter_templates import DEFAULT_CLOSING, DEFAULT_SALUTATION, template_for_domain
from app.documents.referral_letter import normalise_subject, render_referral_letter
from app.errors import PolicyError, ValidationError
from app.i18n import _
from app.models import Agency, Consent, Letter
from app.models.base import utcnow
from app.models.codes import DataCategory
from app.services import audit
from app.services.case_file import load_case_file
from app.services.consent_gate import check_consent
from app.services.consents import valid_consents
from app.services.letter_content import (
    IDENTITY,
    letter_facts,
    ordered_categories,
    salutation_for,
    with_article,
)
from app.services.lookup import actor, get_agency, get_case, get_row
from app.services.organisation import organisation_from_settings, require_sender
from app.services.validation import today as local_today

MIN_OVERRIDE_REASON = 10
DATA_CATEGORIES = tuple(category.value for category in DataCategory)
SIGNER_ROLE = "Case Management"


@dataclass(frozen=True)
class LetterDraft:
    """A filled letter before printing, with the consent it would rely on."""

    case_id: str
    agency_id: str
    reference: str
    agency_name: str
    legal_domain: str
    template_key: str
    recipient: Recipient
    subject: str
    salutation: str
    body: tuple[str, ...]
    closing: str
    categories: tuple[str, ...]  # data-category codes the letter discloses
    consent: ConsentStatement | None  # the consent that covers them, as the letter names it
    consent_id: str | None
    refusal: str | None  # why no consent covers the letter; None when one does
    person_name: str
    case_manager: str
    date: date
    areas: tuple[str, ...] = ()  # goal areas the summary speaks of

    @property
    def allowed(self) -> bool:
        return self.consent is not None

    def letter_data(
        self,
        organisation: Organisation,
        *,
        subject: str | None = None,
        salutation: str | None = None,
        body: Sequence[str] | None = None,
        with_consent: bool = True,
    ) -> LetterData:
        """The renderer's input: the draft with the user's edits (for the preview)."""
        return LetterData(
            sender=organisation,
            recipient=self.recipient,
            reference=self.reference,
            contact_person=self.case_manager,
            phone=organisation.phone,
            email=organisation.email,
            date=self.date,
            subject=self.subject if subject is None else subject,
            salutation=self.salutation if salutation is None else salutation,
            body=clean_body(self.body if body is None else body),
            consent=self.consent if with_consent else None,
            closing=self.closing,
            signer=self.case_manager,
            signer_role=SIGNER_ROLE,
        )


def clean_body(body: Sequence[str] | str) -> tuple[str, ...]:
    """Paragraphs without blank ones; a single string splits at blank lines."""
    if isinstance(body, str):
        body = [part for part in body.replace("\r\n", "\n").split("\n\n")]
    return tuple(" ".join(p.split()) for p in body if p and p.strip())


def clean_categories(categories: Iterable[str] | str | None) -> tuple[str, ...] | None:
    """Known data-category codes, identity always among them; None stays None (the default)."""
    if categories is None:
        return None
    if isinstance(categories, str):
        categories = [c for c in categories.split(",")]
    codes = {c.strip() for c in categories if c and c.strip()}
    unknown = sorted(codes - set(DATA_CATEGORIES))
    if unknown:
        raise ValidationError(
            _("Unknown data category: {unknown}. Known categories: {known}.").format(
                unknown=", ".join(unknown), known=", ".join(DATA_CATEGORIES))
        )
    return ordered_categories(codes | {IDENTITY})


def recipient_of(agency: Agency) -> Recipient:
    town = " ".join(part for part in (agency.postcode, agency.city) if part).strip()
    return Recipient(
        name=agency.name,
        address_lines=tuple(line for line in (agency.street, town) if line),
        department=agency.department,
        contact_person=agency.contact_person,
    )


def consent_statement(consent: Consent, person_name: str, agency_name: str) -> ConsentStatement:
    return ConsentStatement(
        given_by=person_name,
        given_on=consent.given,
        recipient_scope=with_article(agency_name),
        categories=tuple(DATA_CATEGORY_LABELS.get(c, c) for c in ordered_categories(consent.categories or [])),
        purpose=consent.purpose,
        valid_until=consent.valid_until,
    )


def _case_manager(case, by: str) -> str:
    return (case.case_manager or "").strip() or by


def prepare_referral_letter(
    vault,
    *,
    case_id: str,
    agency_id: str,
    categories: Iterable[str] | str | None = None,
    today: date | None = None,
    organisation: Organisation | None = None,
    user: str | None = None,
) -> LetterDraft:
    """The letter as the template fills it, and the consent for its categories (read only)."""
    day = today or local_today()
    chosen = clean_categories(categories)
    org = organisation if organisation is not None else organisation_from_settings()
    by = actor(vault, user)
    with vault.session() as session:
        case = get_case(session, case_id)
        agency = get_agency(session, agency_id)
        template = template_for_domain(agency.legal_domain)
        detail = load_case_file(session, case, on=day)
        case_manager = _case_manager(case, by)

        def facts_for(categories):
            return letter_facts(
                detail, legal_domain=agency.legal_domain, agency_name=agency.name, case_manager=case_manager,
                organisation=org.name, today=day, categories=categories,
                mentions_residence="residence_status" in template.placeholders(),
            )

        facts = facts_for(chosen)
        if chosen is None:
            # By default the letter says no more than the newest valid consent
            # allows: what the content needs, less what the consent leaves out.
            covered = _newest_valid_consent_categories(session, case.id, agency.id, day)
            if covered is not None and not set(facts.categories) <= covered:
                facts = facts_for(ordered_categories((set(facts.categories) & covered) | {IDENTITY}))
        filled = template.fill(facts.values)
        decision = check_consent(session, case.id, agency.id, facts.categories, day)
        consent = (
            consent_statement(get_row(session, Consent, decision.consent_id, "consent"), detail["name"], agency.name)
            if decision.allowed and decision.consent_id else None
        )
        return LetterDraft(
            case_id=case.id,
            agency_id=agency.id,
            reference=case.ref,
            agency_name=agency.name,
            legal_domain=agency.legal_domain,
            template_key=template.key,
            recipient=recipient_of(agency),
            subject=normalise_subject(filled.subject),
            salutation=salutation_for(agency.contact_person, filled.salutation),
            body=clean_body(filled.body),
            closing=filled.closing,
            categories=facts.categories,
            consent=consent,
            consent_id=decision.consent_id if consent else None,
            refusal=None if consent else refusal_message(agency.name, decision.reason),
            person_name=detail["name"],
            case_manager=case_manager,
            date=day,
            areas=facts.areas,
        )


def _newest_valid_consent_categories(session: Session, case_id: str, agency_id: str, day: date) -> set[str] | None:
    consents = valid_consents(session, case_id, agency_id, day, [IDENTITY])
    return set(consents[0].categories or []) if consents else None


def refusal_message(agency_name: str, reason: str) -> str:
    return f"No letter to {agency_name} without a valid consent: {reason}"


def preview_referral_letter(
    draft: LetterDraft,
    organisation: Organisation,
    *,
    subject: str | None = None,
    salutation: str | None = None,
    body: Sequence[str] | str | None = None,
) -> bytes:
    """The PDF of the draft with the user's edits, from memory; nothing is recorded."""
    data = draft.letter_data(organisation, subject=subject, salutation=salutation,
                             body=clean_body(body) if body is not None else None)
    if not clean(data.subject):
        data = replace(data, subject="(ohne Betreff)")
    return render_referral_letter(data)


def clean(text: str) -> str:
    return " ".join((text or "").split())


def check_override_reason(reason: str | None) -> str:
    text = " ".join((reason or "").split())
    if len(text) < MIN_OVERRIDE_REASON:
        raise ValidationError(
            _("An override needs a written reason of at least {count} characters "
              "(the legal basis for sending the letter without a consent).").format(count=MIN_OVERRIDE_REASON)
        )
    return text


def issue_referral_letter(
    vault,
    *,
    case_id: str,
    agency_id: str,
    subject: str,
    body: Sequence[str] | str,
    categories: Iterable[str] | str | None,
    override_reason: str | None = None,
    user: str | None = None,
    today: date | None = None,
    organisation: Organisation | None = None,
    salutation: str | None = None,
    closing: str | None = None,
) -> bytes:
    """The letter's PDF bytes, only behind a valid consent or a logged override.

    Raises PolicyError (exit 5) saying what is missing when no consent covers
    the recipient and every category on ``today``, and no override reason is
    given. A valid consent always wins: the letter then names it and an
    override reason given anyway is not needed and not recorded.
    """
    day = today or local_today()
    chosen = clean_categories(categories) or (IDENTITY,)
    paragraphs = clean_body(body)
    if not paragraphs:
        raise ValidationError(_("The letter has no text."))
    title = normalise_subject(subject)
    reason = check_override_reason(override_reason) if override_reason is not None and override_reason.strip() else None
    org = require_sender(organisation if organisation is not None else organisation_from_settings())
    by = actor(vault, user)
    with vault.session() as session:
        case = get_case(session, case_id)
        agency = get_agency(session, agency_id)
        decision = check_consent(session, case.id, agency.id, chosen, day)
        consent = None
        if decision.allowed and decision.consent_id:
            consent = get_row(session, Consent, decision.consent_id, "consent")
            reason = None
        elif reason is None:
            raise PolicyError(refusal_message(agency.name, decision.reason))
        case_manager = _case_manager(case, by)
        person_name = case.person.display_name
        letter = LetterData(
            sender=org,
            recipient=recipient_of(agency),
            reference=case.ref,
            contact_person=case_manager,
            phone=org.phone,
            email=org.email,
            date=day,
            subject=title,
            salutation=salutation if salutation is not None else salutation_for(agency.contact_person, DEFAULT_SALUTATION),
            body=paragraphs,
            consent=consent_statement(consent, person_name, agency.name) if consent else None,
            closing=closing if closing is not None else DEFAULT_CLOSING,
            signer=case_manager,
            signer_role=SIGNER_ROLE,
        )
        pdf = render_referral_letter(letter)
        _record(session, by, case.id, agency.id, title, consent, reason, chosen)
        return pdf


def _record(session: Session, by: str, case_id: str, agency_id: str, subject: str, consent: Consent | None,
            reason: str | None, categories: Sequence[str]) -> None:
    row = Letter(case_id=case_id, agency_id=agency_id, kind="referral", sent_at=utcnow(), subject=subject,
                 consent_id=consent.id if consent else None, override_reason=reason or "")
    session.add(row)
    session.flush()
    if reason is not None:
        # The user's own words on the legal basis: kept for the data-protection
        # officer, printed nowhere.
        audit.record(session, by, "letter.override", case_id,
                     f"letter_id={row.id} agency_id={agency_id} reason={reason}")
    basis = f"consent_id={consent.id}" if consent else "override"
    audit.record(session, by, "letter.print", case_id,
                 "letter_id={} agency_id={} {} categories={}".format(row.id, agency_id, basis, ",".join(categories)))
