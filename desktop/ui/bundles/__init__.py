"""Bundles in the app: export, import and open-read-only actions with their dialogs."""
