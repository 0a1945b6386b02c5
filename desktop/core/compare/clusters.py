"""Groups of near-duplicate articles, each built around one representative (star clusters).

Connected components of the pair graph chain unrelated articles (A is like B, B
is like C, A and C share nothing), so clusters are stars instead: the article
with the most near-duplicates not yet grouped becomes a representative, and its
ungrouped near-duplicates join it; repeat until no article has an ungrouped
partner. Every member is therefore a confirmed near-duplicate of its
representative, and its ``similarity`` is that pair's exact figure (at least the
index's threshold). The representative is listed first (similarity 1.0), members
by similarity; largest clusters come first.
"""

from __future__ import annotations

import heapq
from collections import defaultdict
from dataclasses import dataclass

from desktop.core.compare.neardup import NearDuplicateIndex


@dataclass(frozen=True)
class ClusterMember:
    id: str
    similarity: float  # to the cluster's representative (1.0 for the representative)


def find_clusters(index: NearDuplicateIndex, min_size: int = 2) -> list[list[ClusterMember]]:
    """Star clusters of near-duplicates with at least ``min_size`` members."""
    partners: dict[str, dict[str, float]] = defaultdict(dict)
    for (a, b), figures in index.pairs.items():
        partners[a][b] = partners[b][a] = figures.similarity
    sizes = {article_id: int(index.sizes[index.row(article_id)]) for article_id in partners}
    ungrouped = set(partners)
    # Max-heap on (ungrouped partners, length); counts only fall, so a popped entry
    # whose count is still right is the best remaining representative.
    heap = [(-len(p), -sizes[a], a) for a, p in partners.items()]
    heapq.heapify(heap)
    clusters: list[list[ClusterMember]] = []
    while heap:
        neg_count, neg_size, rep = heapq.heappop(heap)
        if rep not in ungrouped:
            continue
        members = [m for m in partners[rep] if m in ungrouped]
        if len(members) != -neg_count:
            heapq.heappush(heap, (-len(members), neg_size, rep))
            continue
        ungrouped.discard(rep)
        if not members:
            continue
        ungrouped.difference_update(members)
        if len(members) + 1 < max(2, min_size):
            continue
        rest = sorted(
            (ClusterMember(m, partners[rep][m]) for m in members),
            key=lambda c: (-c.similarity, c.id),
        )
        clusters.append([ClusterMember(rep, 1.0), *rest])
    clusters.sort(key=lambda c: (-len(c), c[0].id))
    return clusters
