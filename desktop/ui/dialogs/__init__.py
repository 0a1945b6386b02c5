"""Small dialogs: About and Settings."""
