"""Printing a Zug-um-Zug agreement and a consent form for signature.

The agreement PDF shows the person, the foreign nationals authority with its
officer, the case manager, and the steps in the agreed order; it is printed
in German or, for the person to read, in their language (right-to-left
included). The consent form names the recipients, data categories, purpose
and validity the person is asked to agree to. Both are built in memory and
their printing is logged.

Steps come in chain order through the agreement tracker's step logic
(``agreement_steps.step_views``), so the paper shows the same due dates as
the case view and the deadline list.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from app.documents.agreement import render_agreement
from app.documents.consent_form import consent_form_languages, render_consent_form
from app.documents.data import (
    AgreementData,
    AgreementParty,
    AgreementStep,
    ConsentFormData,
    DataCategory,
    Organisation,
)
from app.documents.labels import labels_for, supported_languages
from app.documents.text import format_date
from app.errors import NotFoundError, ValidationError
from app.i18n import _
from app.models import Agency, Agreement, Case
from app.models.codes import AgreementStatus, LegalDomain
from app.services import audit
from app.services.agreement_steps import step_views
from app.services.letter_content import country_name, ordered_categories
from app.services.letters import clean_categories, recipient_of
from app.services.lookup import actor, case_by_ref, get_agency, get_case, get_row
from app.services.organisation import place_of
from app.services.validation import parse_date
from app.services.validation import today as local_today

PRINTABLE_STATUSES = (AgreementStatus.IN_FORCE.value, AgreementStatus.DRAFT.value)
STEP_PARTIES = {"person", "authority", "case_manager", "other"}
STEP_STATUSES = {"open", "fulfilled", "missed", "waived"}


def _load_agreement(session: Session, agreement_id: str) -> Agreement:
    agreement = session.scalars(
        select(Agreement).where(Agreement.id == agreement_id).options(selectinload(Agreement.steps))
    ).first()
    if agreement is None:
        raise NotFoundError(_("No agreement with id {agreement_id}.").format(agreement_id=agreement_id))
    return agreement


def choose_agreement(vault, *, ref: str, agreement_id: str | None = None) -> tuple[str, str]:
    """(case id, agreement id) for ``agreement REF``: the given one, else the newest in force,
    else the newest draft."""
    with vault.session() as session:
        case = case_by_ref(session, ref)
        if agreement_id:
            agreement = get_row(session, Agreement, agreement_id, "agreement")
            if agreement.case_id != case.id:
                raise NotFoundError(
                    _("The agreement {agreement_id} belongs to another case, not to {ref}.").format(
                        agreement_id=agreement_id, ref=case.ref)
                )
            return case.id, agreement.id
        rows = list(session.scalars(select(Agreement).where(Agreement.case_id == case.id)))
        for status in PRINTABLE_STATUSES:
            candidates = [a for a in rows if a.status == status]
            if candidates:
                newest = max(candidates, key=lambda a: (a.concluded_on or date.min, a.title, a.id))
                return case.id, newest.id
        if rows:
            raise NotFoundError(
                _("Case {ref} has no agreement in force or in draft; choose a finished one with --id.").format(ref=case.ref)
            )
        raise NotFoundError(_("Case {ref} has no Zug-um-Zug agreement.").format(ref=case.ref))


def _person_party(case: Case, lang: str) -> AgreementParty:
    person = case.person
    labels = labels_for(lang)
    details = []
    if person.birth_date:
        details.append(labels.both("born", date=format_date(person.birth_date)))
    nations = [country_name(code, labels.lang) for code in person.nationalities or [] if code]
    if nations:
        details.append(", ".join(nations))
    if person.name_original and person.name_original != person.display_name:
        details.append(person.name_original)
    return AgreementParty(
        name=person.display_name or case.ref,
        address_lines=tuple(line.strip() for line in (person.address or "").splitlines() if line.strip()),
        details=tuple(details),
    )


def _authority_party(session: Session, agreement: Agreement) -> AgreementParty:
    """The officer and the authority; its address from the directory when the name matches."""
    name = (agreement.authority_name or "").strip()
    agency = None
    if name:
        agency = session.scalars(select(Agency).where(Agency.name == name)).first()
    if agency is None and not name:
        agency = session.scalars(
            select(Agency).where(Agency.legal_domain == LegalDomain.AUFENTHG.value, Agency.active.is_(True))
            .order_by(Agency.name)
        ).first()
    address = recipient_of(agency).address_lines if agency is not None else ()
    return AgreementParty(
        name=(agreement.authority_officer or "").strip() or "–",
        organisation=name or (agency.name if agency is not None else ""),
        address_lines=address,
    )


def _steps(agreement: Agreement, today: date) -> tuple[AgreementStep, ...]:
    """The chain as the tracker sees it: a relative step shows the day it falls due
    (or its planned day while it waits), a fulfilled one the day it was done."""
    views = step_views(agreement.steps, today=today, in_force=agreement.status == AgreementStatus.IN_FORCE,
                       concluded_on=agreement.concluded_on)
    return tuple(
        AgreementStep(
            party=view.party if view.party in STEP_PARTIES else "other",  # type: ignore[arg-type]
            action=view.action,
            due=view.effective_due or view.planned_due,
            status=view.status if view.status in STEP_STATUSES else "open",  # type: ignore[arg-type]
            proof=view.proof_required,
            done_on=view.fulfilled_on,
        )
        for view in views
    )


def agreement_data(
    session: Session, agreement: Agreement, *, organisation: Organisation, case_manager: str, lang: str,
    today: date,
) -> AgreementData:
    case = get_case(session, agreement.case_id)
    preamble = (agreement.title or "").strip()
    if agreement.other_parties.strip():
        preamble = f"{preamble} – {agreement.other_parties.strip()}" if preamble else agreement.other_parties.strip()
    return AgreementData(
        reference=case.ref,
        person=_person_party(case, lang),
        authority=_authority_party(session, agreement),
        case_manager=AgreementParty(name=(case.case_manager or "").strip() or case_manager,
                                    organisation=organisation.name),
        steps=_steps(agreement, today),
        date=agreement.concluded_on or today,
        place=place_of(organisation),
        organisation=organisation,
        preamble=preamble if lang == "de" else "",  # a German title would not help a reader of another language
    )


def agreement_case(vault, *, agreement_id: str) -> tuple[str, str]:
    """(case id, reference) of the case an agreement belongs to: its person's languages pick the
    document language, its reference names the file."""
    with vault.read_session() as session:
        case_id = get_row(session, Agreement, agreement_id, "agreement").case_id
        return case_id, get_case(session, case_id).ref


def agreement_pdf(
    vault,
    *,
    agreement_id: str,
    organisation: Organisation,
    lang: str = "de",
    user: str | None = None,
    today: date | None = None,
    record: bool = True,
) -> bytes:
    """The agreement as PDF bytes in ``lang``; ``record=False`` for a preview nobody prints."""
    code = (lang or "de").lower()
    if code not in supported_languages():
        raise ValidationError(
            _("The agreement cannot be printed in '{lang}'; available: {available}.").format(
                lang=code, available=", ".join(supported_languages()))
        )
    by = actor(vault, user)
    with vault.session() as session:
        agreement = _load_agreement(session, agreement_id)
        data = agreement_data(session, agreement, organisation=organisation, case_manager=by, lang=code,
                              today=today or local_today())
        pdf = render_agreement(data, code)
        if record:
            audit.record(session, by, "agreement.print", agreement.case_id,
                         f"agreement_id={agreement.id} lang={code}")
        return pdf


def consent_form_pdf(
    vault,
    *,
    case_id: str,
    recipient_ids: Sequence[str],
    categories: Iterable[str] | str,
    purpose: str,
    valid_until: date | str | None,
    organisation: Organisation,
    lang: str = "de",
    user: str | None = None,
    record: bool = True,
) -> bytes:
    """The Einwilligung / Schweigepflichtentbindung to sign, naming exactly these
    recipients, categories and purpose."""
    if not recipient_ids:
        raise ValidationError(_("Name at least one recipient for the consent form."))
    codes = clean_categories(categories) or ()
    text = " ".join((purpose or "").split())
    if not text:
        raise ValidationError(_("The consent form needs a purpose."))
    until = parse_date(valid_until, "validity date")
    if until is not None and until < local_today():
        # E.g. the form prefilled from an expired consent to renew it: it would end before it is signed.
        raise ValidationError(_("The consent form would be valid only until a day that has passed: choose a "
                                "later date, or none (valid until withdrawn)."))
    code = (lang or "de").lower()
    if code not in consent_form_languages():
        raise ValidationError(
            _("The consent form is not translated into '{lang}'; available: {available}.").format(
                lang=code, available=", ".join(consent_form_languages()))
        )
    by = actor(vault, user)
    with vault.session() as session:
        case = get_case(session, case_id)
        agencies = [get_agency(session, agency_id) for agency_id in dict.fromkeys(recipient_ids)]
        person = case.person
        form = ConsentFormData(
            organisation=organisation,
            person_name=person.display_name,
            person_birth_date=person.birth_date or None,
            person_address_lines=tuple(line.strip() for line in (person.address or "").splitlines() if line.strip()),
            reference=case.ref,
            recipients=tuple(recipient_of(agency) for agency in agencies),
            categories=tuple(DataCategory.from_code(c) for c in ordered_categories(codes)),
            purpose=text,
            valid_until=until,
            case_manager=(case.case_manager or "").strip() or by,
            place=place_of(organisation),
        )
        pdf = render_consent_form(form, code)
        if record:
            audit.record(session, by, "consent_form.print", case.id,
                         "case_id={} recipients={} categories={} lang={}".format(
                             case.id, ",".join(a.id for a in agencies), ",".join(codes), code))
        return pdf
