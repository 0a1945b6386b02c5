"""Portable archive bundles: a library, a search result or a selection as one zip.

``export_bundle`` writes one, ``verify_bundle`` checks one against its manifest,
``import_bundle`` merges one into a library, and ``open_bundle_readonly`` opens
one as a temporary read-only library for the app. Untrusted zips are read
through ``SafeZip``; every problem is an ``UnsafeArchiveError`` naming the member.
See ``manifest.py`` for the layout of a bundle.
"""

from desktop.core.bundles.export import ExportReport, export_bundle
from desktop.core.bundles.importer import BundleImportReport, import_bundle
from desktop.core.bundles.manifest import FORMAT_NAME, FORMAT_VERSION, BundleManifest
from desktop.core.bundles.progress import BundleProgress, ProgressFn
from desktop.core.bundles.readonly import close_bundle, open_bundle_readonly
from desktop.core.bundles.verify import VerifyReport, is_bundle, verify_bundle
from desktop.core.safezip import SafeZip, ZipLimits

__all__ = [
    "FORMAT_NAME",
    "FORMAT_VERSION",
    "BundleImportReport",
    "BundleManifest",
    "BundleProgress",
    "ExportReport",
    "ProgressFn",
    "SafeZip",
    "VerifyReport",
    "ZipLimits",
    "close_bundle",
    "export_bundle",
    "import_bundle",
    "is_bundle",
    "open_bundle_readonly",
    "verify_bundle",
]
