"""Use cases: one function per thing a case manager does. No Qt here.

Each service owns its transaction (``vault.session()``), writes the audit log
and returns plain data or detached objects.
"""
