"""The dialogs around the vault: create, unlock, recover."""
