"""A case file to print from, built through the real services (unit, UI and e2e tests).

Amina Haddad (أمينة حداد), Syrian, with a Duldung, open goals in language,
education/work, networks and health, and an agreement in force with the
foreign nationals authority whose first step is fulfilled.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from app.documents.data import Organisation
from app.services.agencies import ensure_default_agencies
from app.services.agreement_editing import add_step, create_agreement
from app.services.agreement_progress import conclude_agreement, fulfil_step
from app.services.cases import create_case
from app.services.consents import add_consent
from app.services.goal_areas import add_goal
from app.services.persons import add_residence_document, update_person

TODAY = date.today()
JOBCENTER = "261f7889-7090-5a20-a1dc-564ef0fc0c26"
ABH = "67584884-6491-56cd-a31e-3c8ba6d5e364"
HEALTH_OFFICE = "751f8afa-cb24-593f-b4dc-229914c9c832"
ARABIC_NAME = "أمينة حداد"
REF = "2026-0042"

ORGANISATION = Organisation(
    name="Kreis Emsbruch – Kommunales Integrationszentrum",
    address_lines=("Kreishausplatz 1", "48431 Emsbruch"),
    phone="05971 399-0",
    email="kim@kreis-emsbruch.example",
)

LANGUAGE_GOAL = "B2-Kurs an der VHS abschließen"
WORK_GOAL = "Ausbildungsplatz als Elektronikerin finden"
NETWORK_GOAL = "Sportverein in Emsbruch kennenlernen"
HEALTH_GOAL = "Therapieplatz bei einer Traumaambulanz finden"
STEP_ACTIONS = ("Pass bei der Botschaft beantragen", "Beschäftigungserlaubnis erteilen",
                "Ausbildung beginnen")


@dataclass(frozen=True)
class DocumentCase:
    case_id: str
    ref: str
    agreement_id: str


def build_document_case(vault, *, ref: str = REF, languages: tuple[str, ...] = ("ar", "de")) -> DocumentCase:
    ensure_default_agencies(vault)
    created = create_case(
        vault, ref=ref, given_names="Amina", family_name="Haddad", name_original=ARABIC_NAME,
        birth_date="2001-04-12", nationalities=["SY"], opened=TODAY - timedelta(days=200),
    )
    case_id = created.case_id
    update_person(vault, case_id=case_id, languages=list(languages), address="Dutumer Straße 5\n48431 Emsbruch")
    add_residence_document(vault, case_id=case_id, doc_type="duldung", paragraph="§ 60a AufenthG",
                           issued=TODAY - timedelta(days=60), valid_until=TODAY + timedelta(days=120))
    add_goal(vault, case_id=case_id, area="language", text=LANGUAGE_GOAL, target_date=TODAY + timedelta(days=90))
    add_goal(vault, case_id=case_id, area="education_work", text=WORK_GOAL)
    add_goal(vault, case_id=case_id, area="networks", text=NETWORK_GOAL)
    add_goal(vault, case_id=case_id, area="health", text=HEALTH_GOAL)
    agreement = create_agreement(vault, case_id=case_id, title="Identität, Pass und Ausbildung",
                                 authority_name="Ausländerbehörde Kreis Emsbruch", authority_officer="Herr Brinkmann")
    agreement_id = agreement.id
    for position, (party, action) in enumerate(zip(("person", "authority", "person"), STEP_ACTIONS, strict=True)):
        add_step(vault, agreement_id, party=party, action=action, due=TODAY + timedelta(days=30 * (position + 1)),
                 proof_required="Quittung" if party == "person" else "")
    view = conclude_agreement(vault, agreement_id, on=TODAY - timedelta(days=30))
    fulfil_step(vault, view.steps[0].id, on=TODAY - timedelta(days=2))
    return DocumentCase(case_id, ref, agreement_id)


def give_consent(vault, case_id: str, recipient: str = JOBCENTER, categories=("identity", "residence", "education_work"),
                 *, given: date | None = None, valid_until: date | None = None) -> str:
    return add_consent(vault, case_id=case_id, recipient_id=recipient, categories=list(categories),
                       purpose="Vermittlung in Ausbildung und Arbeit", given=given or TODAY - timedelta(days=10),
                       valid_until=valid_until if valid_until is not None else TODAY + timedelta(days=300))
