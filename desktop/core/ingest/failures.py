"""Grouping an import's failures by reason, so 3,000 alike members read as one line.

The reason is the message without its particulars (sizes and counts in
parentheses), so "too large (1.0 MiB; ...)" and "too large (2.3 MiB; ...)" group.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from desktop.core.models import ImportFailure

# Fewer failures than this with one reason are listed one by one.
GROUP_MIN = 4
_PARTICULARS = re.compile(r"\s*\([^()]*\d[^()]*\)")


@dataclass(frozen=True, slots=True)
class FailureGroup:
    reason: str
    failures: tuple[ImportFailure, ...]

    @property
    def count(self) -> int:
        return len(self.failures)

    @property
    def noun(self) -> str:
        """What failed: members of archives, files, or both."""
        members = sum("!" in f.path for f in self.failures)
        if members == len(self.failures):
            return "members"
        return "files" if members == 0 else "files and members"


def reason_of(error: str) -> str:
    """The kind of failure, without sizes, counts or line numbers."""
    return _PARTICULARS.sub("", error).strip() or error


def group_failures(failures: Sequence[ImportFailure]) -> list[FailureGroup]:
    """Failures by reason, in order of first appearance."""
    groups: dict[str, list[ImportFailure]] = {}
    for failure in failures:
        groups.setdefault(reason_of(failure.error), []).append(failure)
    return [FailureGroup(reason, tuple(items)) for reason, items in groups.items()]


def summary_lines(failures: Sequence[ImportFailure]) -> list[str]:
    """One line per failure, except reasons shared by many: one line for the group."""
    lines: list[str] = []
    for group in group_failures(failures):
        if group.count < GROUP_MIN:
            lines += [f"failed: {f.path}: {f.error}" for f in group.failures]
        else:
            first = group.failures[0]
            example = first.path if first.error == group.reason else f"{first.path}: {first.error}"
            lines.append(f"failed: {group.count:,} {group.noun}: {group.reason} (first: {example})")
    return lines
