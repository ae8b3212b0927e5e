#!/usr/bin/env python3
"""Writes reference.json, the answers tests/query.rs checks `geokg top` and
the algorithms of src/graph.rs against, computed independently by NetworkX
from edges.tsv (the same hand-made graph the Rust test ingests).

The mapping from stored edges to graphs is the one docs/QUERIES.md states:
- an edge is (source, type, target); its count is the number of distinct
  articles that support it;
- PageRank: a DiGraph with weight = the sum of counts of the edges from u to
  v, a symmetric type (met-with, cooperates-with) counting in both
  directions; alpha 0.85, NetworkX's defaults otherwise;
- degree and betweenness: an undirected simple Graph with an edge wherever
  any edge of any type joins two entities; degree = distinct neighbours;
  betweenness normalised (NetworkX's default);
- articles: distinct articles supporting the entity's edges.

Run from anywhere: python3 tests/data/graph-reference/make_reference.py
(needs networkx; the Rust test reads only the JSON it writes).
"""

import csv
import json
import os
from collections import defaultdict

import networkx as nx

HERE = os.path.dirname(os.path.abspath(__file__))
SYMMETRIC = {"met-with", "cooperates-with"}


def main():
    with open(os.path.join(HERE, "edges.tsv"), encoding="utf-8") as f:
        lines = [l for l in f if not l.startswith("#")]
    rows = list(csv.DictReader(lines, delimiter="\t"))
    articles = defaultdict(set)  # (source, type, target) -> articles
    entity_articles = defaultdict(set)
    for r in rows:
        articles[(r["source"], r["type"], r["target"])].add(r["article"])
        entity_articles[r["source"]].add(r["article"])
        entity_articles[r["target"]].add(r["article"])

    directed = nx.DiGraph()
    simple = nx.Graph()
    for (s, t, o), arts in sorted(articles.items()):
        n = len(arts)
        for u, v in [(s, o), (o, s)] if t in SYMMETRIC else [(s, o)]:
            w = directed.get_edge_data(u, v, {"weight": 0})["weight"]
            directed.add_edge(u, v, weight=w + n)
        simple.add_edge(s, o)

    pagerank = nx.pagerank(directed, alpha=0.85, weight="weight")
    betweenness = nx.betweenness_centrality(simple, normalized=True)
    out = {
        "nodes": sorted(simple.nodes()),
        "degree": {n: simple.degree(n) for n in sorted(simple.nodes())},
        "pagerank": {n: round(pagerank[n], 3) for n in sorted(pagerank)},
        "betweenness": {n: round(betweenness[n], 3) for n in sorted(betweenness)},
        "articles": {n: len(a) for n, a in sorted(entity_articles.items())},
        "networkx": nx.__version__,
    }
    with open(os.path.join(HERE, "reference.json"), "w", encoding="utf-8") as f:
        json.dump(out, f, indent=2, ensure_ascii=False)
        f.write("\n")


if __name__ == "__main__":
    main()
