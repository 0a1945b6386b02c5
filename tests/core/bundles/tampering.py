"""Rewriting a bundle member by member, to make damaged and lying bundles in tests."""

from __future__ import annotations

import hashlib
import json
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

Change = Callable[[str, bytes], bytes | None]


def rewrite(
    src: Path,
    dst: Path,
    change: Change | None = None,
    *,
    add: dict[str, bytes] | None = None,
    manifest: Callable[[dict[str, Any]], None] | None = None,
    rehash: bool = False,
) -> Path:
    """Copy ``src`` to ``dst``; ``change`` returns new bytes (None drops the member).

    ``manifest`` edits the parsed manifest; ``rehash`` updates its sizes and hashes
    to the changed members (a consistent forgery rather than damage).
    """
    with zipfile.ZipFile(src) as zin:
        members = {n: zin.read(n) for n in zin.namelist()}
    data = json.loads(members.pop("manifest.json"))
    out: dict[str, bytes] = {}
    for name, content in members.items():
        new = change(name, content) if change else content
        if new is not None:
            out[name] = new
    out.update(add or {})
    if rehash:
        for info in data["members"]:
            if info["name"] in out:
                info["size"] = len(out[info["name"]])
                info["sha256"] = hashlib.sha256(out[info["name"]]).hexdigest()
    if manifest:
        manifest(data)
    with zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for name, content in out.items():
            zout.writestr(name, content)
        zout.writestr("manifest.json", json.dumps(data))
    return dst
