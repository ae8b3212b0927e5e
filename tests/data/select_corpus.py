#!/usr/bin/env python3
"""Select and split the real-article annotation sets from ../shared/corpus.

Generated once, before the extractor was run on any of these articles:

    python3 tests/data/select_corpus.py [--corpus ../../shared/corpus/articles.jsonl]

It writes the articles (eval format: headline, date, address, blank line,
body) into tests/data/corpus-train/articles and tests/data/corpus-test/articles,
and a SOURCES.md beside each. Gold files (gold/ID.json) are written by hand,
by an annotator and a reviewer, to ../shared/ONTOLOGY.md; this script never
touches them.

Selection, deterministic (seeded):
- only articles of 400..6000 characters (the annotation budget), that name at
  least two states other than the United States (a country-name test on the
  text, from data/gazetteer/states.tsv), so that each set article has
  relations to find;
- per source: Wikinews 45 (fewer qualify), State Department 115, White House 55; for the two
  US government feeds at most 40% readouts/calls/travel titles, so the sets
  are not only readouts;
- split per source, 35% test, the rest train/dev.
Standard library only.
"""

import argparse
import json
import random
import re
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
SEED = 20261203
QUOTA = {"Wikinews": 45, "US Department of State": 115, "The White House": 55}
READOUT = re.compile(r"Meeting|Call|Readout|Meets|Travel|Visit|Trip|Phone")
TEST_SHARE = 0.35


def state_names():
    names = set()
    with open(REPO / "data/gazetteer/states.tsv", encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or line.startswith("id\t"):
                continue
            cols = line.rstrip("\n").split("\t")
            if len(cols) < 4 or cols[2] == "United States":
                continue
            names.add(cols[2])
    return names


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", default=str(REPO.parent / "shared/corpus/articles.jsonl"))
    args = ap.parse_args()
    names = state_names()
    pattern = re.compile(r"\b(" + "|".join(sorted(map(re.escape, names), key=len, reverse=True)) + r")\b")
    rows = [json.loads(line) for line in open(args.corpus, encoding="utf-8")]
    rows.sort(key=lambda r: r["id"])
    rng = random.Random(SEED)
    chosen = {"train": [], "test": []}
    for source, quota in QUOTA.items():
        pool = [
            r for r in rows
            if r["source"] == source
            and 400 <= len(r["text"]) <= 6000
            and len(set(pattern.findall(r["text"]))) >= 2
        ]
        rng.shuffle(pool)
        picked, readouts = [], 0
        for r in pool:
            if len(picked) == quota:
                break
            if source != "Wikinews" and READOUT.search(r["title"]):
                if readouts >= int(quota * 0.4):
                    continue
                readouts += 1
            picked.append(r)
        n_test = round(len(picked) * TEST_SHARE)
        chosen["test"] += picked[:n_test]
        chosen["train"] += picked[n_test:]
    for split, items in chosen.items():
        write_set(
            HERE / f"corpus-{split}",
            f"Real articles, {split} split",
            f"{len(items)} articles selected from `shared/corpus/articles.jsonl` by `tests/data/select_corpus.py`"
            " (seeded, stratified by source; the split was fixed before the extractor ran on any of them).",
            items,
        )
        print(split, len(items))


def write_set(out, heading, selection, items):
    """Write `items` (corpus rows) into `out`/articles in the eval format, and
    `out`/SOURCES.md: `heading`, the `selection` sentence, the licences, and
    one table row per article."""
    (out / "articles").mkdir(parents=True, exist_ok=True)
    (out / "gold").mkdir(parents=True, exist_ok=True)
    lines = [
        f"# {heading}",
        "",
        selection,
        "Gold annotations in `gold/` were written to `shared/ONTOLOGY.md` by one annotator and checked"
        " against the text by a second.",
        "",
        "Licences: US Department of State and White House releases are works of the US federal government"
        " (public domain, 17 U.S.C. § 105). Wikinews articles are licensed CC BY 2.5"
        " (https://creativecommons.org/licenses/by/2.5/): **From Wikinews, the free news source, CC BY 2.5**,"
        " each at the address given below and on line 3 of its file; changes: whitespace normalised,"
        " dateline and captions removed (see `shared/corpus/SOURCES.md`).",
        "",
        "| id | source | licence | date | headline | address |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    for r in sorted(items, key=lambda r: r["id"]):
        body = r["text"].strip()
        (out / "articles" / f"{r['id']}.txt").write_text(
            f"{r['title']}\n{r['date']}\n{r['url']}\n\n{body}\n", encoding="utf-8"
        )
        title = r["title"].replace("|", "/")
        lines.append(f"| {r['id']} | {r['source']} | {r['licence']} | {r['date']} | {title} | {r['url']} |")
    (out / "SOURCES.md").write_text("\n".join(lines) + "\n", encoding="utf-8")

if __name__ == "__main__":
    main()
