"""Reading the parts of zip-based documents (EPUB, DOCX) under the import caps.

The parts are read through ``core/safezip``: sizes and compression ratios are
counted while reading, so a document cannot smuggle a zip bomb past the caps.
"""

from __future__ import annotations

import io
import zipfile

from lxml import etree

from desktop.core.errors import ExtractionError
from desktop.core.safezip import SKIP_MEMBER, ArchiveBudget, read_member

# Every part of one document together, uncompressed.
MAX_DOCUMENT_PARTS_BYTES = 512 * 1024 * 1024


class ZippedDocument:
    """A zip-based document opened from its bytes; parts are read with ``read``."""

    def __init__(self, data: bytes, what: str):
        # Imported here: ``ingest`` imports the extractors, so a module-level import
        # would be circular.
        from desktop.core.ingest.limits import ImportLimits

        self.what = what
        self._limits = ImportLimits()
        self._budget = ArchiveBudget(MAX_DOCUMENT_PARTS_BYTES, SKIP_MEMBER)
        if not data:
            raise ExtractionError("empty file")
        try:
            self._zip = zipfile.ZipFile(io.BytesIO(data))
        except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError) as exc:
            raise ExtractionError(f"not a readable {what} (damaged or not a zip: {exc})") from exc

    def names(self) -> list[str]:
        return self._zip.namelist()

    def read(self, name: str) -> bytes:
        """A part's bytes. Raises ``ExtractionError`` when it is missing or damaged."""
        try:
            info = self._zip.getinfo(name)
        except KeyError as exc:
            raise ExtractionError(f"not a readable {self.what} ({name} is missing)") from exc
        try:
            return read_member(
                self._zip, info, cap=self._limits.max_document_bytes,
                limits=self._limits.zip_limits, budget=self._budget, what=f"{self.what} part",
            )
        except (zipfile.BadZipFile, EOFError, OSError) as exc:
            raise ExtractionError(f"the {self.what} is damaged ({exc})") from exc

    def xml(self, name: str) -> etree._Element:
        """A part parsed as XML, without entities, network or huge trees."""
        return parse_xml(self.read(name), f"{self.what} part {name}")

    def close(self) -> None:
        self._zip.close()


def parse_xml(data: bytes, what: str) -> etree._Element:
    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, huge_tree=False, remove_comments=True,
        remove_pis=True,
    )
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        raise ExtractionError(f"the {what} is not valid XML ({exc})") from exc
    if root is None:
        raise ExtractionError(f"the {what} is empty")
    return root
