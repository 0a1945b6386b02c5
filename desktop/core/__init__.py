"""The application core: plain Python, never Qt.

Models, the SQLite store, import and extraction, search, compare, annotations
and bundles live here. The UI (``desktop.ui``) and the CLI (``desktop.cli``)
sit on top; nothing in here knows about either.
"""
