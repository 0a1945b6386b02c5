"""Ingest test setup: the text-dump extractor (or its temporary stand-in)."""

from tests.core.ingest._standin import ensure_textdump

ensure_textdump()
