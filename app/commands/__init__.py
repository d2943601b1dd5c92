"""Command groups of the CLI, one module each (see app/cli.py)."""
