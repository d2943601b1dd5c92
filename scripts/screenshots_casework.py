"""Screenshots of the casework tabs and the agency directory on a demo case (under Xvfb).

    xvfb-run -a -s "-screen 0 1440x900x24" .venv/bin/python scripts/screenshots_casework.py

Builds a throw-away demo vault in a temporary folder (app.services.demo), picks
the richest case, adds a scan and a PDF to it, and saves one PNG per tab to
screenshots/casework-*.png. Inside the real case view when it exists on this
branch, else each tab in a plain window of the case view's size.
"""

from __future__ import annotations

import importlib
import io
import os
import sys
import tempfile
from datetime import date, timedelta
from pathlib import Path

from screenshot_kit import Camera  # scripts/ is on sys.path when a script runs

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "screenshots"
PASSWORD = "Leuchtturm am Rhein 42"

TABS = (
    ("contacts", "app.ui.case_view.contacts_tab:ContactsTab"),
    ("referrals", "app.ui.case_view.referrals_tab:ReferralsTab"),
    ("consents", "app.ui.case_view.consents_tab:ConsentsTab"),
    ("barriers", "app.ui.case_view.barriers_tab:BarriersTab"),
    ("measures", "app.ui.case_view.measures_tab:MeasuresTab"),
    ("documents", "app.ui.case_view.documents_tab:DocumentsTab"),
    ("deadlines", "app.ui.case_view.deadlines_tab:DeadlinesTab"),
)


def _class(target: str):
    module, _sep, name = target.partition(":")
    try:
        return getattr(importlib.import_module(module), name)
    except ModuleNotFoundError:
        return None


def richest_case(vault) -> str:
    from sqlalchemy import func, select

    from app.models import Case, Consent, Contact, Measure, Referral

    with vault.session() as session:
        def counts(model):
            return dict(session.execute(select(model.case_id, func.count()).group_by(model.case_id)).all())

        contacts, consents, referrals, measures = (counts(m) for m in (Contact, Consent, Referral, Measure))
        ids = list(session.scalars(select(Case.id).where(Case.status == "active")))
    return max(ids, key=lambda i: (min(contacts.get(i, 0), 12) + 3 * min(consents.get(i, 0), 3)
                                   + 2 * min(referrals.get(i, 0), 4) + 2 * min(measures.get(i, 0), 4)))


def sample_scan() -> bytes:
    """A PNG that looks like a scanned form, drawn with Qt (no file from anywhere)."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRect, Qt
    from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPen

    image = QImage(1240, 1754, QImage.Format.Format_RGB32)
    image.fill(QColor("#FBFAF7"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QColor("#222222"))
    painter.setFont(QFont("DejaVu Sans", 28, QFont.Weight.Bold))
    painter.drawText(QRect(120, 140, 1000, 60), Qt.AlignmentFlag.AlignLeft, "Einwilligungserklärung")
    painter.setFont(QFont("DejaVu Sans", 16))
    lines = ["Ich bin damit einverstanden, dass meine Daten an die",
             "unten genannte Stelle weitergegeben werden.", "", "Empfänger: Jobcenter Kreis Emsbruch",
             "Zweck: Vermittlung in Ausbildung", "Kategorien: Identität, Aufenthalt, Bildung und Arbeit"]
    for index, line in enumerate(lines):
        painter.drawText(120, 290 + index * 44, line)
    painter.setPen(QPen(QColor("#555555"), 2))
    painter.drawLine(120, 1300, 620, 1300)
    painter.drawText(120, 1340, "Ort, Datum, Unterschrift")
    painter.setPen(QPen(QColor("#1F3F8F"), 3))
    painter.drawArc(160, 1230, 260, 60, 0, 180 * 16)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data.data())


def sample_pdf() -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen.canvas import Canvas

    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=A4)
    for page in (1, 2):
        canvas.setFont("Helvetica-Bold", 18)
        canvas.drawString(72, 770, "Bescheinigung über die Teilnahme am Integrationskurs")
        canvas.setFont("Helvetica", 11)
        for line in range(24):
            canvas.drawString(72, 730 - line * 18, f"Modul {line + 1}: Sprachkurs, 100 Unterrichtseinheiten, teilgenommen.")
        canvas.drawString(72, 60, f"Seite {page} von 2")
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def main() -> int:
    home = Path(tempfile.mkdtemp(prefix="lotse-casework-screens-"))
    os.environ["LOTSE_HOME"] = str(home)
    os.environ["LOTSE_KDF_TARGET_SECONDS"] = "0"
    sys.path.insert(0, str(ROOT))

    from PySide6.QtWidgets import QWidget

    from app import i18n
    from app.services.agencies import ensure_default_agencies
    from app.services.case_file import case_detail
    from app.services.demo import generate_demo
    from app.services.documents import add_document
    from app.services.measures import add_measure
    from app.storage.vault import Vault
    from app.ui.application import make_application

    app = make_application(["lotse"])
    # LOTSE_SCREENSHOT_LANGUAGE=de for the German screens, into screenshots/de/ (English: screenshots/).
    language = os.environ.get("LOTSE_SCREENSHOT_LANGUAGE", "en")
    from app.ui.application import install_qt_translations

    install_qt_translations(i18n.install(language))
    out = OUT if language == "en" else OUT / language
    out.mkdir(parents=True, exist_ok=True)

    vault, _code = Vault.create(home / "vault", PASSWORD, user_name="Miriam Okafor")
    ensure_default_agencies(vault)
    generate_demo(vault, cases=80, seed=7)
    case_id = richest_case(vault)
    today = date.today()
    add_document(vault, case_id=case_id, data=sample_scan(), title="Einwilligung Jobcenter (unterschrieben)",
                 filename="einwilligung-jobcenter.png", doc_type="consent_form", doc_date=today - timedelta(days=20))
    add_document(vault, case_id=case_id, data=sample_pdf(), title="Teilnahmebescheinigung Integrationskurs",
                 filename="teilnahme-integrationskurs.pdf", doc_type="certificate", doc_date=today - timedelta(days=64))
    from app.services.agencies import list_agencies
    from app.services.consents import add_consent, withdraw_consent
    from app.services.contacts import add_contact
    from app.services.deadlines import add_deadline

    add_deadline(vault, case_id=case_id, kind="review", due=today - timedelta(days=6),
                 note="Zwischenbericht an die Ausländerbehörde schicken")
    by_name = {a.name: a.id for a in list_agencies(vault)}
    add_consent(vault, case_id=case_id, recipient_id=by_name["Jobcenter Kreis Emsbruch"],
                categories=["identity", "residence", "education_work"], purpose="Vermittlung in Ausbildung",
                given=today - timedelta(days=340), valid_until=today + timedelta(days=18))
    old = add_consent(vault, case_id=case_id, recipient_id=by_name["Agentur für Arbeit Emsbruch"],
                      categories=["identity", "health"], purpose="Reha-Beratung", given=today - timedelta(days=200))
    withdraw_consent(vault, consent_id=old, withdrawn_on=today - timedelta(days=30))
    add_contact(vault, case_id=case_id, kind="case_conference", date=today - timedelta(days=1), duration_minutes=75,
                participants="Jobcenter U25 (Fr. Brandt), Berufskolleg Emsbruch, Jugendmigrationsdienst",
                areas=["education_work", "language", "residence"],
                note=("Fallkonferenz zur Ausbildungsperspektive. Das Berufskolleg bestätigt den Platz in der "
                      "Ausbildungsvorbereitung ab Februar, sofern das B1-Zertifikat bis Ende Januar vorliegt. "
                      "Das Jobcenter übernimmt die Fahrtkosten und prüft eine Einstiegsqualifizierung als "
                      "Alternative. Der JMD begleitet die Anmeldung zur B1-Prüfung und organisiert Nachhilfe in "
                      "Mathematik. Für die Ausländerbehörde wird ein Schreiben zur Ausbildungsduldung vorbereitet; "
                      "die Unterlagen (Schulzeugnisse, Anmeldebestätigung) bringt die Person zum nächsten Termin "
                      "mit. Nächste Fallkonferenz in sechs Wochen."))
    detail = case_detail(vault, case_id=case_id)
    failed = sum(1 for m in detail["measures"] if m["area"] == "language" and m["outcome"] in ("not_attained", "dropped_out"))
    for n in range(max(0, 3 - failed)):
        add_measure(vault, case_id=case_id, area="language", kind="language_course", title=f"Integrationskurs B1, Anlauf {n + 1}",
                    provider="VHS Emsbruch", start=today - timedelta(days=500 - n * 120),
                    end=today - timedelta(days=420 - n * 120), outcome="dropped_out" if n % 2 else "not_attained")

    camera = Camera(out, prefix="casework-")
    settle, shoot = camera.settle, camera.shoot

    class Context:
        def __init__(self) -> None:
            self.vault, self.case_id = vault, case_id
            self.detail = case_detail(vault, case_id=case_id)
            self.ref = self.detail["ref"]
            self.tabs: list[QWidget] = []

        def changed(self) -> None:
            self.detail = case_detail(vault, case_id=case_id)
            for tab in self.tabs:
                tab.show_case(self.detail)

    only = set(sys.argv[1:])
    case_view_class = _class("app.ui.case_view.case_view:CaseView")  # on main since the container merge
    if case_view_class is not None:
        # The real case view: the tabs as users see them, under the header and the phase cycle.
        from app.ui.case_view.casework_tabs import register_casework_tabs

        register_casework_tabs()
        view = case_view_class(vault, case_id)
        view.setObjectName("pageArea")
        view.setContentsMargins(24, 20, 24, 20)
        view.resize(1180, 860)
        view.show()
        waited = 0
        while view.detail is None and waited < 200:
            settle(50)
            waited += 1
        for key, _target in TABS:
            if only and key not in only:
                continue
            tab = view.show_tab(key)
            shoot(view, key)
            extra = getattr(sys.modules[__name__], f"extra_{key}", None)
            if extra is not None:
                extra(tab, shoot, settle)
        view.close()
    ctx = Context()
    for key, target in TABS:
        if case_view_class is not None:
            break
        cls = _class(target)
        if cls is None or (only and key not in only):
            continue
        tab = cls(ctx)
        ctx.tabs.append(tab)
        tab.setObjectName("pageArea")
        tab.resize(1000, 680)
        tab.show()
        shoot(tab, key)
        extra = getattr(sys.modules[__name__], f"extra_{key}", None)
        if extra is not None:
            extra(tab, shoot, settle)
        tab.close()

    agencies = _class("app.ui.pages.agencies_page:AgenciesPage")
    if agencies is not None and (not only or "agencies" in only):
        page = agencies(vault)
        page.resize(1100, 720)
        page.show()
        shoot(page, "agencies")
        extra_agencies(page, shoot, settle)
        page.close()
    vault.lock()
    app.processEvents()
    return 0


# --- dialogs and viewers, per tab ------------------------------------------------------------

def extra_contacts(tab, shoot, settle) -> None:
    dialog = tab.add_contact()
    dialog.kind.set_code("case_conference")
    dialog.duration.setValue(90)
    dialog.participants.setText("Jobcenter U25 (Fr. Brandt), Berufskolleg, Amina Haddad")
    dialog.areas.set_selected(["education_work", "language"])
    dialog.note.setPlainText("Agreed: application for the Einstiegsqualifizierung by the end of the month.")
    shoot(dialog, "contacts-dialog")
    dialog.mark_clean()
    dialog.reject()


def extra_referrals(tab, shoot, settle) -> None:
    dialog = tab.add_referral()
    shoot(dialog, "referrals-dialog")
    dialog.reject()


def extra_consents(tab, shoot, settle) -> None:
    dialog = tab.add_consent()
    shoot(dialog, "consents-dialog")
    dialog.reject()


def extra_barriers(tab, shoot, settle) -> None:
    dialog = tab.add_barrier()
    dialog.shareable.setChecked(True)
    shoot(dialog, "barriers-dialog")
    dialog.mark_clean()
    dialog.reject()


def extra_measures(tab, shoot, settle) -> None:
    dialog = tab.add_measure()
    shoot(dialog, "measures-dialog")
    dialog.reject()


def extra_documents(tab, shoot, settle) -> None:
    for index, kind in enumerate(("png", "pdf")):
        doc = next(d for d in tab.documents if d["filename"].endswith(kind))
        tab.table.select_id(doc["id"])
        tab.open_selected()
        from app.ui.case_view.document_viewer import DocumentViewer

        waited = 0
        while not any(isinstance(w, DocumentViewer) and w.isVisible() for w in tab.findChildren(DocumentViewer)):
            settle(100)
            waited += 1
            if waited > 100:
                raise TimeoutError("the viewer did not open")
        viewer = tab.viewer
        viewer.resize(900, 700)
        settle(200)
        shoot(viewer, f"documents-viewer-{kind}")
        viewer.close()
        del index


def extra_deadlines(tab, shoot, settle) -> None:
    dialog = tab.add_deadline()
    shoot(dialog, "deadlines-dialog")
    dialog.reject()


def extra_agencies(page, shoot, settle) -> None:
    dialog = page.add_agency()
    shoot(dialog, "agencies-dialog")
    dialog.reject()


if __name__ == "__main__":
    sys.exit(main())
