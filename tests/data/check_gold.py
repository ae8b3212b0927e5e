#!/usr/bin/env python3
"""Check gold annotation files against the evaluation format of ONTOLOGY.md.

    python3 tests/data/check_gold.py tests/data/corpus-train [tests/data/corpus-test ...]

For every gold/ID.json: the article exists, the JSON has the four keys, every
kind and edge type is in the ontology, every relation endpoint names exactly
one required entity (by name or alias, folded as score.py folds), no alias
names two entities, no self-loops, and `represents` carries a role. Prints
one line per problem and exits 1 if there were any. Standard library only.
"""

import json
import sys
import unicodedata
from pathlib import Path

KINDS = {"person", "state", "region", "alliance", "organization"}
TYPES = {
    "met-with", "visited", "claims", "opposes", "supports", "accuses", "threatens",
    "sanctions", "attacks", "cooperates-with", "member-of", "represents",
}


def fold(name):
    s = unicodedata.normalize("NFKC", name)
    for a, b in (("\u2019", "'"), ("\u2018", "'"), ("\u201c", '"'), ("\u201d", '"'),
                 ("\u2013", "-"), ("\u2014", "-"), ("\u2010", "-")):
        s = s.replace(a, b)
    s = " ".join(s.split()).casefold()
    if s.startswith("the "):
        s = s[4:]
    if s.endswith("'s"):
        s = s[:-2]
    return s


def check(path, problems):
    where = str(path)
    try:
        doc = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as e:
        problems.append(f"{where}: {e}")
        return
    article = path.parent.parent / "articles" / f"{path.stem}.txt"
    if not article.exists():
        problems.append(f"{where}: no article {article}")
    if doc.get("id") != path.stem:
        problems.append(f"{where}: id {doc.get('id')!r} is not the file stem")
    for key in ("entities", "optional_entities", "relations", "optional_relations"):
        if not isinstance(doc.get(key), list):
            problems.append(f"{where}: '{key}' missing or not a list")
            return
    alias = {}
    for e in doc["entities"]:
        if e.get("kind") not in KINDS:
            problems.append(f"{where}: entity {e.get('name')!r} has kind {e.get('kind')!r}")
        for n in [e.get("name", "")] + list(e.get("aliases", [])):
            f = fold(n)
            if not f:
                continue
            if f in alias and alias[f] != e.get("name"):
                problems.append(f"{where}: alias {n!r} names both {alias[f]!r} and {e.get('name')!r}")
            alias[f] = e.get("name")
    for key in ("relations", "optional_relations"):
        for r in doc[key]:
            if r.get("type") not in TYPES:
                problems.append(f"{where}: {key} has type {r.get('type')!r}")
            s, t = alias.get(fold(r.get("source", ""))), alias.get(fold(r.get("target", "")))
            if s is None or t is None:
                problems.append(f"{where}: {key} endpoint is not a required entity: {r}")
            elif s == t:
                problems.append(f"{where}: {key} self-loop: {r}")
            if key == "relations" and r.get("type") == "represents" and not r.get("role"):
                problems.append(f"{where}: represents without a role: {r}")


def main():
    problems, n = [], 0
    for root in sys.argv[1:]:
        for path in sorted(Path(root, "gold").glob("*.json")):
            n += 1
            check(path, problems)
    for p in problems:
        print(p)
    print(f"checked {n} gold files, {len(problems)} problems")
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
