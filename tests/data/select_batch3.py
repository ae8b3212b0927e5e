#!/usr/bin/env python3
"""Select a third batch of real training articles from ../shared/corpus.

Generated once, before the extractor was run on any of these articles:

    python3 tests/data/select_batch3.py [--corpus ../../shared/corpus/articles.jsonl]

The first selection (select_corpus.py) fixed the train and test splits;
select_batch2.py added corpus-train2. Relation rules learnt on those two
still reach the test split only partly (a long tail of constructions), so
this batch adds twelve more training articles of the test split's kinds. It
never touches the test split: the articles of corpus-train, corpus-train2 and
corpus-test are excluded, and every article picked here is training material.

Same filters as select_corpus.py (400..6000 characters, at least two states
other than the United States named, at most 40% readout titles for the two
government feeds), a different seed, and these quotas: Wikinews 3, State
Department 6, White House 3. The first selection used up the Wikinews
articles that pass those filters, so for Wikinews this batch takes articles
of up to 9000 characters naming at least one state other than the United
States, those naming two or more first. Writes tests/data/corpus-train3/articles and
SOURCES.md. Gold files are written by hand by an annotator and checked by a
reviewer. Standard library only.
"""

import argparse

from select_batch2 import pick, taken
from select_corpus import REPO, HERE, write_set

SEED = 20261205
QUOTA = {"Wikinews": 3, "US Department of State": 6, "The White House": 3}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", default=str(REPO.parent / "shared/corpus/articles.jsonl"))
    args = ap.parse_args()
    exclude = taken(("corpus-train", "corpus-train2", "corpus-test"))
    items = pick(args.corpus, exclude, SEED, QUOTA)
    write_set(
        HERE / "corpus-train3",
        "Real articles, third training batch",
        f"{len(items)} articles selected from `shared/corpus/articles.jsonl` by `tests/data/select_batch3.py`"
        " (seeded, stratified by source, excluding the train, train2 and test splits; selected and annotated"
        " before the extractor ran on any of them). Training material only.",
        items,
    )
    print("train3", len(items))


if __name__ == "__main__":
    main()
