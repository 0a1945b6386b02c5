"""The Whoosh internals module: refuses another Whoosh version, writes terms Whoosh reads."""

from __future__ import annotations

import importlib

import numpy as np
import pytest
import whoosh

from desktop.core.search import whoosh_internals


def test_another_whoosh_version_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(whoosh, "__version__", (2, 7, 6))
    try:
        with pytest.raises(ImportError, match="whoosh-reloaded 2.7.5"):
            importlib.reload(whoosh_internals)
    finally:
        monkeypatch.undo()
        importlib.reload(whoosh_internals)
    assert whoosh_internals.PINNED_VERSION == (2, 7, 5)


def test_private_whoosh_api_is_used_only_there() -> None:
    from pathlib import Path

    package = Path(whoosh_internals.__file__).parent
    offenders = []
    for path in package.glob("*.py"):
        if path.name == "whoosh_internals.py":
            continue
        text = path.read_text(encoding="utf-8")
        for needle in ("._flush_segment", "._postwriter", "._perdoc", "._read_data",
                       "._next_block", "._check_state", "._terms"):
            if needle in text:
                offenders.append(f"{path.name}: {needle}")
    assert offenders == []


def test_counted_terms_read_back_with_their_postings_and_statistics() -> None:
    """Inlined, single-block, several-block and equal-weight terms, some documents
    without a length: every posting and the term statistics read back through Whoosh."""
    from whoosh.codec.whoosh3 import W3Codec
    from whoosh.filedb.filestore import RamStorage

    from desktop.core.search.schema import FoldedText

    terms = {
        "aa": ([1, 5, 9], [2, 1, 3]),
        "bb": (list(range(0, 16, 2)), [1] * 8),
        "cc": (list(range(3, 23)), [n % 4 + 1 for n in range(20)]),
        "dd": (list(range(10)), [2] * 10),
    }
    length_of = np.array([0, 7, 3, 5, 0, 9, 4, 4, 2, 6, 1] + [8] * 12, dtype=np.int64)
    storage = RamStorage()
    codec = W3Codec(blocklimit=8, inlinelimit=4)
    segment = codec.new_segment(storage, "test")
    field = FoldedText()
    fw = codec.field_writer(storage, segment)
    fw.start_field("body", field)
    names = sorted(terms)
    cuts = [0]
    for name in names:
        cuts.append(cuts[-1] + len(terms[name][0]))
    docs = np.concatenate([np.array(terms[n][0], dtype=np.int64) for n in names])
    freqs = np.concatenate([np.array(terms[n][1], dtype=np.int32) for n in names])
    whoosh_internals.write_counted_terms(fw, names, cuts, docs, freqs, length_of)
    fw.finish_field()
    fw.close()

    reader = codec.terms_reader(storage, segment)
    for name, (ids, weights) in terms.items():
        info = reader.term_info("body", name.encode())
        assert info.doc_frequency() == len(ids)
        assert info.weight() == sum(weights)
        assert info.max_weight() == max(weights)
        assert (info.min_id(), info.max_id()) == (ids[0], ids[-1])
        lengths = [int(length_of[d]) for d in ids]
        assert info.max_length() == max(lengths)
        assert info.min_length() == min(x for x in lengths if x)
        matcher = reader.matcher("body", name.encode(), field.format)
        got_ids, got_weights = whoosh_internals.leaf_arrays(matcher)
        assert got_ids.tolist() == ids
        assert got_weights.tolist() == weights
    reader.close()
