#!/usr/bin/env bash
# Query latency of the main queries on PostgreSQL against SQLite on one
# graph (issue 13; docs/SCALING.md records the figures). The two databases
# must hold the same graph (ingest into SQLite, then `geokg copy --from
# FILE --to postgres://...`); every command's output on both is compared,
# so a fast wrong answer shows. Each command runs RUNS times (default 5)
# on each backend, alternating; the median wall time is printed, with the
# ratio PostgreSQL / SQLite.
#
#   benches/query_latency.sh SQLITE.db postgres://USER@HOST:PORT/DB [RUNS]
#
# A large graph from the real corpus: N copies of every article, each copy
# at its own address (so stored as a new article naming the same actors):
#
#   benches/query_latency.sh --copies CORPUS.jsonl N > big.jsonl
set -euo pipefail
if [ "${1:-}" = --copies ]; then
    python3 - "$2" "$3" <<'PY'
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
for k in range(int(sys.argv[2])):
    for r in rows:
        r = dict(r)
        r["id"] = f"{r['id']}-c{k}"
        r["url"] = f"{r.get('url') or 'urn:geokg:' + r['id']}#c{k}"
        print(json.dumps(r))
PY
    exit 0
fi
lite=$1
pg=$2
runs=${3:-5}
bin=${GEOKG:-target/release/geokg}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

commands=(
    "entities --kind state"
    "relations --from Russia"
    "show Russia"
    "path|Vladimir Putin|Joe Biden"
    "neighbors Russia --depth 2"
    "top"
    "top --by pagerank"
    "communities"
    "timeline|Antony Blinken"
    "explain|Russia|attacks|Ukraine"
    "diff --before 2022-12-31 --after 2023-01-01"
    "export --format json --around Russia --depth 1"
    "export --format json"
)

# Runs one command line (its words split at '|' when it holds one, else
# at spaces) on a database; prints seconds, output to a file.
run() {
    local db=$1 line=$2 out=$3 start end
    local -a args
    if [[ $line == *"|"* ]]; then
        IFS='|' read -r -a args <<<"$line"
    else
        read -r -a args <<<"$line"
    fi
    start=$(date +%s.%N)
    "$bin" --db "$db" "${args[@]}" >"$out" 2>/dev/null || echo "exit $?" >>"$out"
    end=$(date +%s.%N)
    echo "$end - $start" | bc
}

median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

printf '%-50s %10s %10s %8s %s\n' command "SQLite s" "PG s" "PG/SQL" output
for line in "${commands[@]}"; do
    : >"$work/a"
    : >"$work/b"
    for _ in $(seq 1 "$runs"); do
        run "$lite" "$line" "$work/out-a" >>"$work/a"
        run "$pg" "$line" "$work/out-b" >>"$work/b"
    done
    a=$(median <"$work/a")
    b=$(median <"$work/b")
    if cmp -s "$work/out-a" "$work/out-b"; then same="same ($(wc -c <"$work/out-a") bytes)"; else same=DIFFERENT; fi
    printf '%-50s %10.3f %10.3f %8.2f %s\n' "${line//|/ }" "$a" "$b" "$(echo "$b / $a" | bc -l)" "$same"
done
