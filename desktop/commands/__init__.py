"""Subcommands of the ``archive-browser`` CLI, one module per group."""
