#!/usr/bin/env python3
"""Select a second test split of real articles from ../shared/corpus.

Generated once, before the extractor was run on any of these articles:

    python3 tests/data/select_test2.py [--corpus ../../shared/corpus/articles.jsonl]

The first test split (corpus-test) has been scored at many milestones, and
one session read its false regions. This split is a fresh, never-tuned
measure: the filters of select_batch2.py (400..6000 characters, at least
two states other than the United States named), another seed, every
earlier split excluded, and these quotas: State Department 8, White House
4. No Wikinews article left in the corpus names a state, so none is drawn;
every White House release left is titled as a readout, so the 40% readout
share of the earlier batches is lifted for the White House once its other
releases run out. Writes tests/data/corpus-test2/articles and SOURCES.md. Gold
files are written by hand by an annotator and checked by a reviewer. Test
material only: never develop against it. Standard library only.
"""

import argparse

import json
import random
import re

from select_batch2 import pick, taken
from select_batch7 import EXCLUDED as BATCH7_EXCLUDED
from select_corpus import READOUT, REPO, HERE, state_names, write_set

SEED = 20261208
# Every training split and the first test split.
EXCLUDED = BATCH7_EXCLUDED + ("corpus-train7",)


def readouts(corpus, exclude, seed, source, n):
    """`n` more readouts of `source` under the same filters, seeded."""
    names = state_names()
    pattern = re.compile(r"\b(" + "|".join(sorted(map(re.escape, names), key=len, reverse=True)) + r")\b")
    rows = [json.loads(line) for line in open(corpus, encoding="utf-8")]
    pool = sorted(
        (
            r for r in rows
            if r["id"] not in exclude
            and r["source"] == source
            and 400 <= len(r["text"]) <= 6000
            and len(set(pattern.findall(r["text"]))) >= 2
            and READOUT.search(r["title"])
        ),
        key=lambda r: r["id"],
    )
    random.Random(seed + 1).shuffle(pool)
    return pool[: max(n, 0)]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", default=str(REPO.parent / "shared/corpus/articles.jsonl"))
    args = ap.parse_args()
    exclude = taken(EXCLUDED)
    items = pick(args.corpus, exclude, SEED, {"US Department of State": 8, "The White House": 4})
    items += readouts(args.corpus, exclude, SEED, "The White House", 4 - sum(r["source"] == "The White House" for r in items))
    write_set(
        HERE / "corpus-test2",
        "Real articles, second test split",
        f"{len(items)} articles selected from `shared/corpus/articles.jsonl` by `tests/data/select_test2.py`"
        " (seeded, stratified by source, excluding every earlier split; selected and annotated before the"
        " extractor's output on any of them was read). Test material only: scored at milestones, never"
        " developed against.",
        items,
    )
    print("test2", len(items))


if __name__ == "__main__":
    main()
