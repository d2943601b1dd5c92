"""The renderers return bytes and leave no file behind: no temp file, no cache."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from app.documents import samples
from app.documents.agreement import render_agreement
from app.documents.consent_form import render_consent_form
from app.documents.referral_letter import render_referral_letter
from app.documents.subject_export import render_subject_export_pdf, subject_export_json


def _snapshot(*folders: Path) -> set[Path]:
    found = set()
    for folder in folders:
        for root, dirs, files in os.walk(folder):
            found |= {Path(root) / name for name in dirs + files}
    return found


def test_renderers_write_no_files(tmp_path, monkeypatch):
    cwd = tmp_path / "cwd"
    tmp = tmp_path / "tmp"
    cwd.mkdir()
    tmp.mkdir()
    monkeypatch.chdir(cwd)
    for name in ("TMPDIR", "TEMP", "TMP"):
        monkeypatch.setenv(name, str(tmp))
    monkeypatch.setattr(tempfile, "tempdir", None)  # let tempfile see the new TMPDIR
    assert tempfile.gettempdir() == str(tmp)
    home = Path(os.environ["LOTSE_HOME"])
    before = _snapshot(cwd, tmp, home)

    outputs = [
        render_referral_letter(samples.letter()),
        render_referral_letter(samples.long_letter()),
        render_agreement(samples.agreement(), "fa"),
        render_consent_form(samples.consent_form()),
        render_subject_export_pdf(samples.subject_export()),
        subject_export_json(samples.subject_export()),
    ]

    assert all(isinstance(out, bytes) and out for out in outputs)
    assert _snapshot(cwd, tmp, home) == before
