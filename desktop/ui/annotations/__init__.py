"""Annotation widgets hosted by the main window: highlights, editor, panels, undo.

``install_annotations(main_window, library)`` wires them in (see ``install.py``).
"""
