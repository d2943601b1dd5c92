"""The case view: one case's file in a header, the phase cycle and tabs (see case_view.py)."""
