#!/usr/bin/env python3
"""Select a sixth batch of real training articles from ../shared/corpus.

Generated once, before the extractor was run on any of these articles:

    python3 tests/data/select_batch6.py [--corpus ../../shared/corpus/articles.jsonl]

The first selection (select_corpus.py) fixed the train and test splits;
select_batch2.py to select_batch5.py added corpus-train2 to corpus-train5.
This batch adds sixteen more training articles of the test split's kinds.
It never touches the test split: the articles of corpus-train,
corpus-train2 to corpus-train5 and corpus-test are excluded, and every
article picked here is training material.

Same filters as select_corpus.py (400..6000 characters, at least two states
other than the United States named, at most 40% readout titles for the two
government feeds), a different seed, and these quotas: Wikinews 4, State
Department 8, White House 4. As in batches 2 and 3, the first selection used
up the Wikinews articles that pass those filters, so for Wikinews this batch
takes articles of up to 9000 characters naming at least one state other than
the United States, those naming two or more first (the relaxation lives in
select_batch2.pick). Writes tests/data/corpus-train6/articles and SOURCES.md.
Gold files are written by hand by an annotator and checked by a reviewer.
Standard library only.
"""

import argparse

from select_batch2 import pick, taken
from select_corpus import REPO, HERE, write_set

SEED = 20261208
QUOTA = {"Wikinews": 4, "US Department of State": 8, "The White House": 4}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", default=str(REPO.parent / "shared/corpus/articles.jsonl"))
    args = ap.parse_args()
    exclude = taken(("corpus-train", "corpus-train2", "corpus-train3", "corpus-train4", "corpus-train5", "corpus-test"))
    items = pick(args.corpus, exclude, SEED, QUOTA)
    write_set(
        HERE / "corpus-train6",
        "Real articles, sixth training batch",
        f"{len(items)} articles selected from `shared/corpus/articles.jsonl` by `tests/data/select_batch6.py`"
        " (seeded, stratified by source, excluding the train, train2 to train5 and test splits; selected and"
        " annotated before the extractor ran on any of them). Training material only.",
        items,
    )
    print("train6", len(items))


if __name__ == "__main__":
    main()
