#!/usr/bin/env bash
# Ingest throughput of 1, 2 and 4 concurrent `geokg ingest` processes into
# one database, SQLite against PostgreSQL, on the same articles (issue 13;
# docs/SCALING.md records the figures). Each worker gets every W-th line of
# the JSON Lines corpus (disjoint shares) and one extraction thread, so the
# workers are the only parallelism; every run starts from an empty
# database and ends with the same article, entity and edge counts, which
# are printed so a fast wrong answer shows.
#
#   benches/ingest_workers.sh CORPUS.jsonl postgres://USER@HOST:PORT/postgres [ROUNDS]
#
# The PostgreSQL address names a server database from which the script
# creates (and drops) `geokg_bench`.
set -euo pipefail
corpus=$1
server=$2
rounds=${3:-1}
bin=${GEOKG:-target/release/geokg}
psql=${PSQL:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)/psql}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
n=$(wc -l <"$corpus")
base=${server%/*}

run() { # backend workers -> seconds
    local backend=$1 w=$2 db
    if [ "$backend" = sqlite ]; then
        db=$work/g.db
        rm -f "$db" "$db-wal" "$db-shm"
    else
        "$psql" -q "$server" -c "DROP DATABASE IF EXISTS geokg_bench" -c "CREATE DATABASE geokg_bench"
        db=$base/geokg_bench
    fi
    for i in $(seq 0 $((w - 1))); do
        awk -v w="$w" -v i="$i" 'NR % w == i' "$corpus" >"$work/part$i.jsonl"
    done
    local start end
    start=$(date +%s.%N)
    for i in $(seq 0 $((w - 1))); do
        "$bin" --db "$db" ingest --jobs 1 --batch 50 "$work/part$i.jsonl" 2>"$work/log$i" &
    done
    wait
    end=$(date +%s.%N)
    local counts
    # Every entity (listings are paged by default), the header left out.
    counts=$("$bin" --db "$db" entities --limit 0 --format csv | tail -n +2 | wc -l)
    echo "$backend $w $(echo "$end - $start" | bc) $counts"
}

echo "backend workers seconds entities"
for r in $(seq 1 "$rounds"); do
    for w in 1 2 4; do
        run sqlite "$w"
        run postgres "$w"
    done
done | tee "$work/results"
echo
echo "articles per second ($n articles), mean over $rounds round(s):"
awk -v n="$n" 'NR > 0 { t[$1" "$2] += $3; c[$1" "$2]++ }
    END { for (k in t) printf "%-10s %s workers: %6.1f articles/s\n", substr(k, 1, index(k, " ") - 1), substr(k, index(k, " ") + 1), n / (t[k] / c[k]) }' "$work/results" | sort
