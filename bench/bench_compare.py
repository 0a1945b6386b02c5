"""Benchmark: aligning two ~5,000-word articles (goal: at most 200 ms).

Article A is a concatenation of vn-news articles up to 5,000 words; B is a
rewrite of it: paragraphs reordered, sentences reworded (syllables replaced,
dropped, added), some sentences dropped and new ones added from other articles.
Prints the median and worst time of several runs and the similarity figures.

    python bench/bench_compare.py [--corpus PATH] [--words N] [--runs N]
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import time
import zipfile
from pathlib import Path

from desktop.core.compare import compare_texts
from desktop.core.textnorm import tidy_body

REPO = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = Path(os.environ.get("ARCHIVE_BROWSER_CORPUS", REPO.parent / "shared" / "corpus"))


def corpus_bodies(corpus: Path, count: int, seed: int = 7) -> list[str]:
    with zipfile.ZipFile(corpus / "vn-news-35k.zip") as zf:
        names = sorted(n for n in zf.namelist() if n.endswith(".txt"))
        rng = random.Random(seed)
        picked = rng.sample(names, count)
        bodies = []
        for name in picked:
            text = zf.read(name).decode("utf-8", "replace")
            body = tidy_body(text.split("\n", 1)[1] if "\n" in text else text)
            if len(body.split()) > 50:
                bodies.append(body)
        return bodies


def build_text(bodies: list[str], words: int) -> tuple[str, list[str]]:
    """Concatenate bodies to about ``words`` words; also return the unused bodies."""
    parts: list[str] = []
    n = 0
    rest = list(bodies)
    while rest and n < words:
        body = rest.pop()
        parts.append(body)
        n += len(body.split())
    return "\n\n".join(parts), rest


def rewrite(text: str, spare: list[str], rng: random.Random) -> str:
    """A plausible rewrite: reorder, reword, drop and add sentences."""
    paragraphs = text.split("\n\n")
    rng.shuffle(paragraphs)
    spare_sentences = [s for b in spare for s in b.replace("\n", " ").split(". ") if s]
    out = []
    for para in paragraphs:
        sentences = para.split(". ")
        new: list[str] = []
        for s in sentences:
            roll = rng.random()
            if roll < 0.10:
                continue  # dropped
            if roll < 0.40:
                s = reword(s, rng)
            new.append(s)
            if rng.random() < 0.08 and spare_sentences:
                new.append(rng.choice(spare_sentences))  # added
        if rng.random() < 0.2:
            rng.shuffle(new)
        out.append(". ".join(new))
    return "\n\n".join(out)


def reword(sentence: str, rng: random.Random) -> str:
    words = sentence.split(" ")
    fillers = ["rất", "đã", "cũng", "vừa", "được", "những", "mới", "theo đó"]
    for _ in range(max(1, len(words) // 8)):
        k = rng.randrange(len(words))
        op = rng.random()
        if op < 0.4:
            words[k] = rng.choice(fillers)
        elif op < 0.7 and len(words) > 3:
            del words[k]
        else:
            words.insert(k, rng.choice(fillers))
    return " ".join(words)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--words", type=int, default=5000)
    ap.add_argument("--runs", type=int, default=7)
    args = ap.parse_args(argv)
    if not (args.corpus / "vn-news-35k.zip").is_file():
        print(f"corpus not found at {args.corpus}", file=sys.stderr)
        return 1
    rng = random.Random(42)
    bodies = corpus_bodies(args.corpus, 80)
    a, spare = build_text(bodies, args.words)
    b = rewrite(a, spare, rng)
    times = []
    result = None
    for _ in range(args.runs):
        t0 = time.perf_counter()
        result = compare_texts(a, b, time_budget_ms=None)
        times.append((time.perf_counter() - t0) * 1000)
    assert result is not None
    counts = result.counts()
    print(f"A: {len(a.split())} words, {len(a)} chars; B: {len(b.split())} words, {len(b)} chars")
    print(f"compare: median {statistics.median(times):.1f} ms, worst {max(times):.1f} ms "
          f"over {args.runs} runs (goal <= 200 ms)")
    print(f"a_in_b {result.similarity.a_in_b:.3f}  b_in_a {result.similarity.b_in_a:.3f}  "
          f"pairs {counts}  degraded {result.degraded}")
    big_a = "\n\n".join([a] * 20)
    big_b = "\n\n".join([b] * 20)
    t0 = time.perf_counter()
    big = compare_texts(big_a, big_b, time_budget_ms=1000)
    print(f"100,000-word pair with a 1,000 ms budget: {(time.perf_counter() - t0) * 1000:.0f} ms, "
          f"degraded {big.degraded} ({big.notice})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
