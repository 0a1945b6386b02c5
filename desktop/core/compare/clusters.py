"""Groups of near-duplicate articles: connected components of the pair graph.

Each cluster lists its representative first (the member with the most
near-duplicate links, then the longest); every member's ``similarity`` is its
overlap with the representative (exact when the two form a confirmed pair, the
signature estimate otherwise). Largest clusters come first.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from desktop.core.compare.neardup import NearDuplicateIndex


@dataclass(frozen=True)
class ClusterMember:
    id: str
    similarity: float  # to the cluster's representative (1.0 for the representative)


class UnionFind:
    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, x: str) -> str:
        parent = self.parent.setdefault(x, x)
        if parent != x:
            root = self.find(parent)
            self.parent[x] = root
            return root
        return x

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            if ra < rb:
                self.parent[rb] = ra
            else:
                self.parent[ra] = rb


def find_clusters(index: NearDuplicateIndex, min_size: int = 2) -> list[list[ClusterMember]]:
    """Connected groups of near-duplicates with at least ``min_size`` members."""
    uf = UnionFind()
    degree: dict[str, int] = defaultdict(int)
    for a, b in index.pairs:
        uf.union(a, b)
        degree[a] += 1
        degree[b] += 1
    groups: dict[str, list[str]] = defaultdict(list)
    for article_id in degree:
        groups[uf.find(article_id)].append(article_id)
    sizes = {article_id: int(index.sizes[index.row(article_id)]) for article_id in degree}
    clusters: list[list[ClusterMember]] = []
    for members in groups.values():
        if len(members) < max(2, min_size):
            continue
        rep = min(members, key=lambda m: (-degree[m], -sizes[m], m))
        rest: list[ClusterMember] = []
        for m in members:
            if m == rep:
                continue
            figures = index.estimate(m, rep)
            rest.append(ClusterMember(m, figures.similarity if figures else 0.0))
        rest.sort(key=lambda c: (-c.similarity, c.id))
        clusters.append([ClusterMember(rep, 1.0), *rest])
    clusters.sort(key=lambda c: (-len(c), c[0].id))
    return clusters
