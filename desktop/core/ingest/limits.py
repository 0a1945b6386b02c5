"""Size and nesting caps that keep hostile or broken input from exhausting the machine."""

from __future__ import annotations

from dataclasses import dataclass

from desktop.core.safezip import ZipLimits

MIB = 1024 * 1024


@dataclass(frozen=True, slots=True)
class ImportLimits:
    """Caps applied while reading input. Bytes are counted as read, never trusted from headers."""

    # One document (a text file, an HTML page, a WARC payload, a JSONL line).
    max_document_bytes: int = 64 * MIB
    # A container read into memory or streamed from a zip (nested zip, WARC member).
    max_container_bytes: int = 1024 * MIB
    # A zip inside a zip, which is read into memory.
    max_nested_archive_bytes: int = 256 * MIB
    # Uncompressed bytes read from one zip archive, all members together.
    max_archive_bytes: int = 4096 * MIB
    # Compression ratio a zip member may reach once it is past ``ratio_floor_bytes``.
    max_ratio: int = 100
    ratio_floor_bytes: int = 1 * MIB
    # Zips inside zips.
    max_depth: int = 3
    # Original bytes held at once by an import: documents queued for or being
    # extracted by the worker processes, plus drafts waiting to be committed. One
    # cap across all workers, so memory stays bounded whatever the input.
    max_bytes_in_flight: int = 64 * MIB

    @property
    def zip_limits(self) -> ZipLimits:
        """The ratio and total caps for reading one zip (member caps are passed per read)."""
        return ZipLimits(
            max_total_bytes=self.max_archive_bytes,
            max_ratio=self.max_ratio,
            ratio_floor=self.ratio_floor_bytes,
        )

    def too_large(self, size: int) -> str:
        return (
            f"too large ({size / MIB:.1f} MiB; the limit for one document is "
            f"{self.max_document_bytes // MIB} MiB)"
        )
