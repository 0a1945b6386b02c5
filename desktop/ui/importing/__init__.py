"""Importing from the UI: the writer thread, the progress panel and the report dialog."""
