#!/usr/bin/env python3
"""Node audit: are the nodes of a whole ingest real entities of the right kind?

A sample of nodes is drawn from a geokg database with a fixed seed, each node
shown with the sentences that mention it; each is judged by a reader against
that evidence, and the judgements are kept here so that the audit can be
re-scored and a later build's sample can reuse them (a node is identified by
its key and kind, which do not change between builds for the same name).

    audit.py sample DB [--n 200] [--seed 15] [--draw hash|random] > sample.tsv
    audit.py score JUDGEMENTS.tsv [DB]        # precision per kind; duplicates
    audit.py dupes DB                          # one-word persons that repeat
                                               # a full-name person's surname
    audit.py carry NEW_SAMPLE.tsv OLD_JUDGEMENTS.tsv... > judgements.tsv
                                               # reuse verdicts, blank the rest

Sample columns: n, key, kind, name, articles, contexts (" || "-separated,
the mention in [[...]]). A judgement file adds `verdict` and `note`:
  ok             a real entity (ONTOLOGY.md's kinds) of the right kind, name
                 without a title or stray word in it
  kind:K         a real entity, but of kind K
  span           the right entity, but the name holds a title or stray word,
                 or is cut short ("Honorable Jeff Fortenberry", "Valéry Giscard")
  no             not an entity at all ("Climate Crisis", "Executive Order")
Only `ok` counts as correct.
"""
import argparse
import hashlib
import csv
import random
import re
import sqlite3
import sys
from collections import Counter, defaultdict

csv.field_size_limit(10**9)


def contexts(db, entity_id, limit=3):
    rows = db.execute(
        "SELECT a.id, a.body, m.start, m.end FROM mention m JOIN article a ON a.id = m.article_id "
        "WHERE m.entity_id = ? ORDER BY a.key, m.start",
        (entity_id,),
    ).fetchall()
    out, seen = [], set()
    for aid, body, start, end in rows:
        if aid in seen:
            continue
        seen.add(aid)
        raw = body.encode("utf-8")
        left = raw[max(0, start - 160):start].decode("utf-8", "ignore")
        mid = raw[start:end].decode("utf-8", "ignore")
        right = raw[end:end + 160].decode("utf-8", "ignore")
        text = f"{left}[[{mid}]]{right}"
        out.append(re.sub(r"\s+", " ", text).strip())
        if len(out) == limit:
            break
    return out


def sample(args):
    db = sqlite3.connect(args.db)
    nodes = db.execute(
        "SELECT e.id, e.key, e.kind, e.name, COUNT(DISTINCT m.article_id) FROM entity e "
        "JOIN mention m ON m.entity_id = e.id GROUP BY e.id ORDER BY e.key"
    ).fetchall()
    if args.draw == "random":
        # How before-judgements.tsv and after-judgements.tsv were drawn.
        rng = random.Random(args.seed)
        picked = sorted(rng.sample(nodes, min(args.n, len(nodes))), key=lambda r: r[1])
    else:
        # The nodes whose keys hash lowest: a node that stays in a later
        # build stays in its sample, so earlier verdicts carry over.
        h = lambda r: hashlib.sha256(f"{args.seed}:{r[1]}:{r[2]}".encode()).hexdigest()
        picked = sorted(sorted(nodes, key=h)[: args.n], key=lambda r: r[1])
    w = csv.writer(sys.stdout, delimiter="\t", lineterminator="\n")
    w.writerow(["n", "key", "kind", "name", "articles", "contexts"])
    for n, (eid, key, kind, name, articles) in enumerate(picked, 1):
        w.writerow([n, key, kind, name, articles, " || ".join(contexts(db, eid))])


def read(path):
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f, delimiter="\t"))


def dupes(db_path):
    db = sqlite3.connect(db_path)
    persons = [n for (n,) in db.execute(
        "SELECT DISTINCT e.name FROM entity e JOIN mention m ON m.entity_id = e.id "
        "WHERE e.kind = 'person'")]
    surnames = defaultdict(list)
    for name in persons:
        words = name.split()
        if len(words) > 1:
            surnames[words[-1].lower()].append(name)
    one = [n for n in persons if len(n.split()) == 1 and n.lower() in surnames]
    return len(persons), one, surnames


def score(args):
    rows = read(args.judgements)
    per = defaultdict(Counter)
    for r in rows:
        v = (r.get("verdict") or "").strip()
        if not v:
            sys.exit(f"{args.judgements}: node {r['n']} ({r['name']}) has no verdict")
        per[r["kind"]][v.split(":")[0]] += 1
        per["all"][v.split(":")[0]] += 1
    print(f"{'kind':<14}{'n':>5}{'ok':>5}{'kind:':>6}{'span':>6}{'no':>5}{'precision':>11}")
    for kind in sorted(per, key=lambda k: (k == "all", k)):
        c = per[kind]
        n = sum(c.values())
        print(f"{kind:<14}{n:>5}{c['ok']:>5}{c['kind']:>6}{c['span']:>6}{c['no']:>5}{c['ok'] / n:>11.3f}")
    if args.db:
        report_dupes(args.db)


def report_dupes(db_path):
    total, one, surnames = dupes(db_path)
    print(f"persons {total}; one-word persons repeating a full-name person's surname: "
          f"{len(one)} ({len(one) / max(total, 1):.1%})")
    for n in sorted(one):
        print(f"  {n}: {', '.join(sorted(surnames[n.lower()])[:4])}")


def carry(args):
    old = {}
    for path in args.old:
        old.update({(r["key"], r["kind"]): r for r in read(path)})
    w = csv.writer(sys.stdout, delimiter="\t", lineterminator="\n")
    w.writerow(["n", "key", "kind", "name", "articles", "verdict", "note", "contexts"])
    for r in read(args.sample):
        o = old.get((r["key"], r["kind"]))
        # A verdict carries over only when the name shown is the same.
        same = o is not None and o["name"] == r["name"]
        w.writerow([r["n"], r["key"], r["kind"], r["name"], r["articles"],
                    o["verdict"] if same else "", o["note"] if same else "", r["contexts"]])


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = p.add_subparsers(dest="cmd", required=True)
    s = sub.add_parser("sample")
    s.add_argument("db")
    s.add_argument("--n", type=int, default=200)
    s.add_argument("--seed", type=int, default=15)
    s.add_argument("--draw", choices=["hash", "random"], default="hash")
    s.set_defaults(run=sample)
    s = sub.add_parser("score")
    s.add_argument("judgements")
    s.add_argument("db", nargs="?")
    s.set_defaults(run=score)
    s = sub.add_parser("dupes")
    s.add_argument("db")
    s.set_defaults(run=lambda a: report_dupes(a.db))
    s = sub.add_parser("carry")
    s.add_argument("sample")
    s.add_argument("old", nargs="+")
    s.set_defaults(run=carry)
    args = p.parse_args()
    args.run(args)


if __name__ == "__main__":
    main()
