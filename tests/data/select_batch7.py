#!/usr/bin/env python3
"""Select a seventh batch of real training articles from ../shared/corpus.

Generated once, before the extractor was run on any of these articles:

    python3 tests/data/select_batch7.py [--corpus ../../shared/corpus/articles.jsonl]

As select_batch6.py (same filters and quotas: Wikinews 4, State Department
8, White House 4), with another seed and corpus-train6 also excluded: the
articles of corpus-train to corpus-train6 and of corpus-test are never
picked, and every article picked here is training material. Writes
tests/data/corpus-train7/articles and SOURCES.md. Gold files are written by
hand by an annotator and checked by a reviewer. Standard library only.
"""

from select_batch2 import select_batch
from select_batch5 import QUOTA

EXCLUDED = (
    "corpus-train",
    "corpus-train2",
    "corpus-train3",
    "corpus-train4",
    "corpus-train5",
    "corpus-train6",
    "corpus-test",
)

if __name__ == "__main__":
    select_batch("corpus-train7", "seventh", 20261207, QUOTA, EXCLUDED)
