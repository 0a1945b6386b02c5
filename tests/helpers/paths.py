"""Where the tests find the repository, their own fixture files and the shared corpus."""

from __future__ import annotations

import os
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
CORPUS = Path(os.environ.get("ARCHIVE_BROWSER_CORPUS", REPO.parent / "shared" / "corpus"))
FIXTURES = REPO / "tests" / "fixtures"
