"""Lotse's translation catalogs: extract, update, compile, check (README: "For translators").

Two gettext domains: ``lotse`` (the interface, babel.cfg, languages in
app.i18n.LANGUAGES) and ``documents`` (the client documents, babel_documents.cfg,
languages in app.documents.labels.DOCUMENT_LANGUAGES). Every command handles
both unless ``--domain`` names one.

    python scripts/i18n.py extract          # app/**.py -> translations/<domain>.pot
    python scripts/i18n.py update           # pot -> translations/<lang>/LC_MESSAGES/<domain>.po
    python scripts/i18n.py check            # exit 1 listing every gap; nothing is written
    python scripts/i18n.py unmarked         # texts in app/ that bypass _() (before update)
    python scripts/i18n.py compile          # .po -> .mo (build output, not committed)
    python scripts/i18n.py init fr          # start the catalogs of a new language
    python scripts/i18n.py init uk --domain documents   # only the client documents

``update`` never guesses (``--no-fuzzy-matching``): a new or changed message
arrives empty and ``check`` names it, instead of arriving with a wrong
translation that looks done. English is the source language, so ``update``
fills the English catalog's new entries with the source text itself.

``check`` extracts afresh into a temporary template, so a stale
``lotse.pot`` cannot hide a message nobody has translated.
"""

from __future__ import annotations

import argparse
import contextlib
import re
import string
import sys
import tempfile
from pathlib import Path
from typing import NamedTuple

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # the extractor app.i18n_extract, without an install

from babel.messages.catalog import Catalog  # noqa: E402
from babel.messages.frontend import CommandLineInterface  # noqa: E402
from babel.messages.pofile import read_po, write_po  # noqa: E402

from app import i18n  # noqa: E402
from app.documents.labels import DOCUMENT_LANGUAGES  # noqa: E402
from app.i18n import DOMAIN, LANGUAGES, TRANSLATIONS_DIR  # noqa: E402

SOURCE_LANGUAGE = i18n.SOURCE_LANGUAGE


class Domain(NamedTuple):
    """One gettext domain: where its messages are, how they are marked, which languages it ships."""

    name: str
    mapping: Path
    keywords: tuple[str, ...]
    languages: tuple[str, ...]

    @property
    def template(self) -> Path:
        return TRANSLATIONS_DIR / f"{self.name}.pot"


INTERFACE = Domain(DOMAIN, ROOT / "babel.cfg", ("_", "N_", "ngettext:1,2"), tuple(LANGUAGES))
DOCUMENTS = Domain("documents", ROOT / "babel_documents.cfg", ("D_",), DOCUMENT_LANGUAGES)
DOMAINS: dict[str, Domain] = {d.name: d for d in (INTERFACE, DOCUMENTS)}
TEMPLATE = INTERFACE.template
MAPPING = INTERFACE.mapping
KEYWORDS = INTERFACE.keywords
TRANSLATOR_TAG = "TRANSLATORS:"
WIDTH = "100"
_PERCENT = re.compile(r"%(?:\([A-Za-z_]\w*\))?[#0+-]*\d*(?:\.\d+)?[sdifr]")


def pybabel(*args: str, quiet: bool = True) -> None:
    """Run one pybabel command in this process (the same CLI a translator runs), from the
    repository root so that catalogs name source files relative to it."""
    with contextlib.chdir(ROOT):
        status = CommandLineInterface().run(["pybabel", *(["-q"] if quiet else []), *args])
    if status:
        raise SystemExit(status)


def _relative(path: Path) -> str:
    """Paths as pybabel prints them, relative to the repository root where possible."""
    return str(path.relative_to(ROOT)) if path.is_relative_to(ROOT) else str(path)


def po_path(language: str, domain: Domain = INTERFACE) -> Path:
    return TRANSLATIONS_DIR / language / "LC_MESSAGES" / f"{domain.name}.po"


def languages(domain: Domain = INTERFACE) -> list[str]:
    """Every language with a catalog of ``domain`` (at least the ones it ships)."""
    found = {path.parent.parent.name for path in TRANSLATIONS_DIR.glob(f"*/LC_MESSAGES/{domain.name}.po")}
    return sorted(found | set(domain.languages))


def extract(output: Path | None = None, domain: Domain = INTERFACE) -> Path:
    output = output or domain.template
    keywords = [arg for keyword in domain.keywords for arg in ("-k", keyword)]
    output.parent.mkdir(parents=True, exist_ok=True)
    pybabel(
        "extract", "-F", str(domain.mapping), "--no-default-keywords", *keywords,
        f"--add-comments={TRANSLATOR_TAG}", "--add-location=file", "--sort-by-file", "-w", WIDTH,
        "--project=Lotse", "--copyright-holder=Lotse contributors", "-o", str(output), ".",
    )
    return output


def update(template: Path | None = None, domain: Domain = INTERFACE) -> None:
    template = template or domain.template
    for language in languages(domain):
        if not po_path(language, domain).exists():
            init(language, template, domain)
            continue
        pybabel(
            "update", "-i", _relative(template), "-d", _relative(TRANSLATIONS_DIR), "-D", domain.name,
            "-l", language, "--no-fuzzy-matching", "--ignore-pot-creation-date", "-w", WIDTH,
        )
    fill_source_language(domain)
    for language in languages(domain):
        drop_shadowed_obsolete(po_path(language, domain))


def drop_shadowed_obsolete(path: Path) -> None:
    """Remove obsolete (``#~``) entries whose message is active again.

    Babel keeps them when a message comes back, but GNU ``msgfmt`` (the tool a
    translator's Poedit runs) rejects the catalog as a duplicate definition.
    """
    if not path.exists():
        return
    catalog = read_catalog(path)
    shadowed = [key for key in catalog.obsolete if key in catalog._messages]  # noqa: SLF001 (Babel's own index)
    if not shadowed:
        return
    for key in shadowed:
        del catalog.obsolete[key]
    with open(path, "wb") as handle:
        write_po(handle, catalog, width=int(WIDTH), include_previous=False)


def init(language: str, template: Path | None = None, domain: Domain = INTERFACE) -> None:
    template = template or domain.template
    pybabel("init", "-i", _relative(template), "-d", _relative(TRANSLATIONS_DIR), "-D", domain.name,
            "-l", language, "-w", WIDTH)
    if language == SOURCE_LANGUAGE:
        fill_source_language(domain)


def fill_source_language(domain: Domain = INTERFACE) -> None:
    """English is the source: an untranslated English entry gets its msgid as msgstr."""
    path = po_path(SOURCE_LANGUAGE, domain)
    if not path.exists():
        return
    catalog = read_catalog(path)
    changed = False
    for message in catalog:
        if not message.id or message.fuzzy:
            continue
        if isinstance(message.id, tuple):
            if not all(message.string or ()):
                message.string = (message.id[0], *([message.id[1]] * (catalog.num_plurals - 1)))
                changed = True
        elif not message.string:
            message.string = message.id
            changed = True
    if changed:
        with open(path, "wb") as handle:
            write_po(handle, catalog, width=int(WIDTH), include_previous=False)


def compile_catalogs(domain: Domain = INTERFACE) -> None:
    if not domain.template.exists() and not any(po_path(lang, domain).exists() for lang in languages(domain)):
        return  # a checkout without catalogs: the app shows English source text
    pybabel("compile", "-d", _relative(TRANSLATIONS_DIR), "-D", domain.name, "--statistics", quiet=False)


def read_catalog(path: Path) -> Catalog:
    with open(path, "rb") as handle:
        return read_po(handle)


def placeholders(text: str) -> list[str]:
    """The ``{name}`` / ``{name:spec}`` and ``%s`` / ``%(name)s`` placeholders in ``text``, sorted."""
    found = [match.group(0) for match in _PERCENT.finditer(text.replace("%%", ""))]
    try:
        for _literal, field, spec, conversion in string.Formatter().parse(text):
            if field is not None:
                found.append("{" + field + (f"!{conversion}" if conversion else "") + (f":{spec}" if spec else "") + "}")
    except ValueError:  # a lone brace: literal text, not a format string
        pass
    return sorted(found)


def problems(template: Path, language: str, path: Path | None = None, domain: Domain = INTERFACE) -> list[str]:
    """Every message of ``template`` the catalog of ``language`` (or the .po at ``path``) lacks,
    has fuzzy or breaks."""
    path = path or po_path(language, domain)
    if not path.exists():
        return [f"{language}: no catalog at {_relative(path)} (run: python scripts/i18n.py update)"]
    catalog = read_catalog(path)
    found = []
    for source in read_catalog(template):
        if not source.id:
            continue
        message = catalog.get(source.id, source.context)
        shown = source.id[0] if isinstance(source.id, tuple) else source.id
        if message is None:
            found.append(f"{language}: not in the catalog (run update): {shown!r}")
            continue
        if message.fuzzy:
            found.append(f"{language}: fuzzy: {shown!r}")
            continue
        forms = list(message.string) if isinstance(message.string, tuple) else [message.string]
        if not all(forms):
            found.append(f"{language}: untranslated: {shown!r}")
            continue
        sources = list(source.id) if isinstance(source.id, tuple) else [source.id]
        for index, form in enumerate(forms):
            expected = sources[min(index, len(sources) - 1)]
            if placeholders(form) != placeholders(expected):
                found.append(
                    f"{language}: placeholders differ in {shown!r}: "
                    f"{placeholders(expected)} in the source, {placeholders(form)} in {form!r}"
                )
    return found


def check(domain: Domain = INTERFACE) -> int:
    with tempfile.TemporaryDirectory() as folder:
        template = extract(Path(folder) / f"{domain.name}.pot", domain)
        found = [problem for language in languages(domain) for problem in problems(template, language, domain=domain)]
        total = sum(1 for message in read_catalog(template) if message.id)
    for problem in found:
        print(problem)
    print(f"{domain.name}: {total} messages; {len(found)} problems in {', '.join(languages(domain))}.")
    return 1 if found else 0


def unmarked() -> int:
    """List user-visible literals in app/ that bypass _() (error messages, Qt texts, CLI output)."""
    from app.i18n_extract import unmarked_texts

    found = 0
    for path in sorted((ROOT / "app").rglob("*.py")):
        if {"demo_data", "migrations"} & set(path.parts):
            continue
        relative = path.relative_to(ROOT)
        printed = relative.parts[1] == "commands" or relative.name == "cli.py"
        for line, text in unmarked_texts(path.read_text(encoding="utf-8"), printed=printed):
            print(f"{relative}:{line}: {text[:100]}")
            found += 1
    print(f"{found} unmarked texts (wrap them in _() with named placeholders, or mark the line '# i18n: skip').")
    return 1 if found else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)
    helps = {
        "extract": "write translations/<domain>.pot from the source",
        "update": "extract, then bring every .po up to date (no fuzzy matching)",
        "compile": "compile every .po into a .mo",
        "check": "list untranslated, fuzzy and placeholder-breaking messages",
    }
    for name, text in helps.items():
        command = commands.add_parser(name, help=text)
        command.add_argument("--domain", choices=sorted(DOMAINS), help="only this domain (default: all)")
    commands.add_parser("unmarked", help="list user-visible texts in app/ that are not wrapped in _()")
    new = commands.add_parser("init", help="start the catalogs of a new language")
    new.add_argument("language", help="the language code, e.g. fr")
    new.add_argument("--domain", choices=sorted(DOMAINS), help="only this domain (default: all)")
    args = parser.parse_args(argv)
    if args.command == "unmarked":
        return unmarked()
    chosen = [DOMAINS[args.domain]] if getattr(args, "domain", None) else list(DOMAINS.values())
    status = 0
    for domain in chosen:
        if args.command == "extract":
            print(extract(domain=domain).relative_to(ROOT))
        elif args.command == "update":
            update(extract(domain=domain), domain)
        elif args.command == "compile":
            compile_catalogs(domain)
        elif args.command == "check":
            status = max(status, check(domain))
        elif args.command == "init":
            init(args.language, extract(domain=domain), domain)
    return status


if __name__ == "__main__":
    sys.exit(main())
