#!/usr/bin/env python3
"""Select a second batch of real training articles from ../shared/corpus.

Generated once, before the extractor was run on any of these articles:

    python3 tests/data/select_batch2.py [--corpus ../../shared/corpus/articles.jsonl]

The first selection (select_corpus.py) fixed the train and test splits. The
test split's recall stayed far below train's, so this batch adds training
articles of the test split's kinds (State Department and White House
releases, Wikinews) to learn from. It never touches the test split: the
articles of corpus-train and corpus-test are excluded, and every article
picked here is training material.

Same filters as select_corpus.py (400..6000 characters, at least two states
other than the United States named, at most 40% readout titles for the two
government feeds), a different seed, and these quotas: Wikinews 8, State
Department 16, White House 10. The first selection used up the Wikinews
articles that pass those filters, so for Wikinews this batch takes articles
of up to 9000 characters naming at least one state other than the United
States, those naming two or more first. Writes tests/data/corpus-train2/articles and
SOURCES.md. Gold files are written by hand by an annotator and checked by a
reviewer. Standard library only.
"""

import argparse
import json
import random
import re
from pathlib import Path

from select_corpus import READOUT, REPO, HERE, state_names, write_set

SEED = 20261204
QUOTA = {"Wikinews": 8, "US Department of State": 16, "The White House": 10}


def taken(splits=("corpus-train", "corpus-test")):
    ids = set()
    for split in splits:
        for p in (HERE / split / "articles").glob("*.txt"):
            ids.add(p.stem)
    return ids


def pick(corpus, exclude, seed, quotas):
    """The articles of `corpus` (a JSON Lines path) not in `exclude`, drawn
    per source with `seed` under the filters above and `quotas`."""
    names = state_names()
    pattern = re.compile(r"\b(" + "|".join(sorted(map(re.escape, names), key=len, reverse=True)) + r")\b")
    rows = [json.loads(line) for line in open(corpus, encoding="utf-8")]
    rows = [r for r in rows if r["id"] not in exclude]
    rows.sort(key=lambda r: r["id"])
    rng = random.Random(seed)
    items = []
    for source, quota in quotas.items():
        wiki = source == "Wikinews"
        pool = [
            r for r in rows
            if r["source"] == source
            and 400 <= len(r["text"]) <= (9000 if wiki else 6000)
            and len(set(pattern.findall(r["text"]))) >= (1 if wiki else 2)
        ]
        rng.shuffle(pool)
        # Stable: the shuffled order is kept within each group.
        pool.sort(key=lambda r: len(set(pattern.findall(r["text"]))) < 2)
        picked, readouts = [], 0
        for r in pool:
            if len(picked) == quota:
                break
            if source != "Wikinews" and READOUT.search(r["title"]):
                if readouts >= int(quota * 0.4):
                    continue
                readouts += 1
            picked.append(r)
        items += picked
    return items


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", default=str(REPO.parent / "shared/corpus/articles.jsonl"))
    args = ap.parse_args()
    items = pick(args.corpus, taken(), SEED, QUOTA)
    write_set(
        HERE / "corpus-train2",
        "Real articles, second training batch",
        f"{len(items)} articles selected from `shared/corpus/articles.jsonl` by `tests/data/select_batch2.py`"
        " (seeded, stratified by source, excluding the train and test splits; selected and annotated"
        " before the extractor ran on any of them). Training material only.",
        items,
    )
    print("train2", len(items))


def select_batch(name, ordinal, seed, quota, excluded):
    """Selects one later training batch into tests/data/NAME: the articles
    of the `excluded` splits are never picked (the test split among them)."""
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", default=str(REPO.parent / "shared/corpus/articles.jsonl"))
    args = ap.parse_args()
    items = pick(args.corpus, taken(excluded), seed, quota)
    short = [e.replace("corpus-", "") for e in excluded]
    write_set(
        HERE / name,
        f"Real articles, {ordinal} training batch",
        f"{len(items)} articles selected from `shared/corpus/articles.jsonl` by `tests/data/select_{name.replace('corpus-train', 'batch')}.py`"
        f" (seeded, stratified by source, excluding the {', '.join(short[:-1])} and {short[-1]} splits; selected and"
        " annotated before the extractor ran on any of them). Training material only.",
        items,
    )
    print(name.replace("corpus-", ""), len(items))


if __name__ == "__main__":
    main()
