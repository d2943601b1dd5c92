"""Printable documents, built in memory with ReportLab: bytes in, bytes out.

Renderers take the plain dataclasses of ``app.documents.data`` and return PDF
bytes; nothing is written to disk. Import the renderer you need from its
module (``referral_letter``, ``agreement``, ``consent_form``,
``subject_export``); ``letter_templates`` loads the editable letter texts.
"""
