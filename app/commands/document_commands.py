"""letter, agreement, consent-form, export-subject: documents that leave the vault.

Every file here is written only where the user says (``-o``) or, for a single
PDF without ``-o``, under a fixed name in the current folder; the command
prints the path so the user knows what now lies outside the vault.
"""

from __future__ import annotations

from pathlib import Path

from app.cli import add_command
from app.errors import DataError, PolicyError
from app.i18n import _


def register(subparsers) -> None:
    letter = add_command(subparsers, "letter", cmd_letter,
                         "referral letter (DIN 5008); refused (exit 5) without a valid consent")
    letter.add_argument("ref", help="the case reference, e.g. 2026-0042")
    letter.add_argument("--to", dest="agency_id", required=True, metavar="AGENCY_ID",
                        help="the recipient's id from 'lotse agency list'")
    letter.add_argument("-o", "--output", type=Path, metavar="FILE.pdf",
                        help="where to save the letter (default: ./Verweis-REF.pdf)")
    letter.add_argument("--categories", metavar="A,B",
                        help="data categories the letter discloses (default: what its text needs); "
                             "health and mental_health only when named here")
    letter.add_argument("--override-reason", metavar="TEXT",
                        help="print without a consent; the legal basis, written to the audit log only")

    agreement = add_command(subparsers, "agreement", cmd_agreement,
                            "the case's Zug-um-Zug agreement as PDF, in German or the client's language")
    agreement.add_argument("ref")
    agreement.add_argument("--lang", default="de", metavar="CODE",
                           help="de (default), en, ar, fa, uk, tr, fr, or 'client' for the person's preferred language")
    agreement.add_argument("--id", dest="agreement_id", metavar="ID",
                           help="this agreement (default: the newest in force, else the newest draft)")
    agreement.add_argument("-o", "--output", type=Path, metavar="FILE.pdf",
                           help="where to save it (default: ./Vereinbarung-REF.pdf)")

    form = add_command(subparsers, "consent-form", cmd_consent_form,
                       "consent form (Einwilligung / Schweigepflichtentbindung) to print for signature")
    form.add_argument("ref")
    form.add_argument("--to", dest="agency_ids", required=True, metavar="AGENCY_ID[,…]",
                      help="recipients, comma-separated ids from 'lotse agency list'")
    form.add_argument("--purpose", required=True, metavar="TEXT")
    form.add_argument("--categories", metavar="A,B", help="data categories to list (default: all)")
    form.add_argument("--valid-until", metavar="DATE", help="YYYY-MM-DD (default: until withdrawn)")
    form.add_argument("--lang", default="de", metavar="CODE",
                      help="de (default), en, ar, fa, uk, tr, fr; a translation prints the German text beside it")
    form.add_argument("-o", "--output", type=Path, metavar="FILE.pdf",
                      help="where to save it (default: ./Einwilligung-REF.pdf)")

    export = add_command(subparsers, "export-subject", cmd_export_subject,
                         "GDPR Art. 15 export: a readable PDF plus a machine-readable JSON")
    export.add_argument("ref")
    export.add_argument("-o", "--output", dest="directory", type=Path, required=True, metavar="DIR",
                        help="the folder to save both files in (created when missing)")


def _open(ctx):
    from app.services.agencies import ensure_default_agencies

    vault = ctx.open_vault()
    ensure_default_agencies(vault)
    return vault


def _safe(ref: str) -> str:
    return "".join(ch if ch.isalnum() or ch in "-_" else "_" for ch in ref.strip())


def _target(output: Path | None, default_name: str) -> Path:
    """``-o`` as given (replacing a file the user named), else a new file in the current folder."""
    if output is not None:
        if output.is_dir():
            return output / default_name
        return output
    path = Path.cwd() / default_name
    if path.exists():
        raise DataError(_("{path} exists already; choose where to save with -o FILE.pdf.").format(path=path))
    return path


def _write(path: Path, data: bytes) -> None:
    from app.storage.files import atomic_write

    try:
        atomic_write(path, data)
    except OSError as exc:
        raise DataError(_("Cannot write {path}: {error}.").format(path=path, error=exc.strerror or exc)) from exc


def _document_lang(typed: str) -> str:
    """The documents' code for a typed language ("fa-AF", "prs" -> "fa", as for the person's own
    languages); an unknown code stays as typed, for the service to refuse by name."""
    from app.services.document_language import document_language

    code = (typed or "").strip()
    return document_language(code) or code.lower() or "de"


def _organisation():
    from app.services.organisation import organisation_from_settings

    return organisation_from_settings()


def cmd_letter(args, ctx) -> int:
    from app.documents.text import format_date
    from app.services.cases import case_id_for_ref
    from app.services.letters import (
        check_override_reason,
        issue_referral_letter,
        prepare_referral_letter,
    )
    from app.services.organisation import require_sender

    if args.override_reason is not None:
        check_override_reason(args.override_reason)
    organisation = require_sender(_organisation())
    vault = _open(ctx)
    case_id = case_id_for_ref(vault, args.ref)
    draft = prepare_referral_letter(vault, case_id=case_id, agency_id=args.agency_id, categories=args.categories,
                                    organisation=organisation)
    if draft.refusal and not args.override_reason:
        raise PolicyError(draft.refusal)  # before anything else: exit 5 says why
    target = _target(args.output, f"Verweis-{_safe(draft.reference)}.pdf")
    pdf = issue_referral_letter(
        vault, case_id=case_id, agency_id=args.agency_id, subject=draft.subject, salutation=draft.salutation,
        body=draft.body, closing=draft.closing, categories=draft.categories, override_reason=args.override_reason,
        organisation=organisation,
    )
    _write(target, pdf)
    if draft.consent is not None:
        basis = _("relies on the consent of {date}").format(date=format_date(draft.consent.given_on))
    elif args.override_reason:
        basis = _("printed WITHOUT a consent; your reason is in the audit log, not in the letter")
    else:  # a consent became valid between draft and print (another device synced it)
        basis = _("relies on a valid consent")
    print(_("Letter to {agency} saved: {target} ({basis}).").format(agency=draft.agency_name, target=target, basis=basis))
    print(_("Categories disclosed: {categories}.").format(categories=", ".join(draft.categories)))
    return 0


def cmd_agreement(args, ctx) -> int:
    from app.services.agreement_document import agreement_pdf, choose_agreement
    from app.services.document_language import client_languages, default_document_language

    vault = _open(ctx)
    case_id, agreement_id = choose_agreement(vault, ref=args.ref, agreement_id=args.agreement_id)
    lang = _document_lang(args.lang)
    if lang == "client":
        lang = default_document_language(vault, case_id=case_id)
        if lang == "de" and not client_languages(vault, case_id=case_id):
            print(_("The person's languages have no translation of the agreement yet; printing German."))
    suffix = "" if lang == "de" else f"-{lang}"
    target = _target(args.output, f"Vereinbarung-{_safe(args.ref)}{suffix}.pdf")
    pdf = agreement_pdf(vault, agreement_id=agreement_id, organisation=_organisation(), lang=lang)
    _write(target, pdf)
    print(_("Agreement {agreement_id} ({lang}) saved: {target}").format(agreement_id=agreement_id, lang=lang, target=target))
    return 0


def cmd_consent_form(args, ctx) -> int:
    from app.services.agreement_document import consent_form_pdf
    from app.services.cases import case_id_for_ref
    from app.services.letters import DATA_CATEGORIES

    vault = _open(ctx)
    case_id = case_id_for_ref(vault, args.ref)
    recipients = [part.strip() for part in args.agency_ids.split(",") if part.strip()]
    target = _target(args.output, f"Einwilligung-{_safe(args.ref)}.pdf")
    pdf = consent_form_pdf(
        vault, case_id=case_id, recipient_ids=recipients, categories=args.categories or DATA_CATEGORIES,
        purpose=args.purpose, valid_until=args.valid_until, organisation=_organisation(),
        lang=_document_lang(args.lang),
    )
    _write(target, pdf)
    print(_("Consent form saved: {target}").format(target=target))
    return 0


def cmd_export_subject(args, ctx) -> int:
    from app.commands.report_commands import retention_periods
    from app.services.cases import case_id_for_ref
    from app.services.subject_export import export_subject

    vault = _open(ctx)
    case_id = case_id_for_ref(vault, args.ref)
    pdf_path, json_path = export_subject(
        vault, case_id=case_id, directory=args.directory, organisation=_organisation(),
        retention_years=retention_periods(),
    )
    print(_("Saved the Art. 15 copy: {path}").format(path=pdf_path))
    print(_("Saved the machine-readable copy: {path}").format(path=json_path))
    print(_("These files hold the person's data unencrypted: hand them over securely and delete them afterwards."))
    return 0
