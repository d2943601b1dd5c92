"""Storage: the encrypted vault, its key hierarchy, migrations, backup and sync."""
