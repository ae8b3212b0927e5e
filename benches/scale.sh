#!/usr/bin/env bash
# The scale benchmark of issue 11: for each size, a realistic corpus
# (benches/scale_corpus.rs) ingested into an empty SQLite database, then
# every query command timed as a whole process for 20 entities of varying
# degree. Prints, per size: ingest articles/s and MB/s, CPU use (cores
# busy on average), peak RSS, bytes written to the disk, database bytes per
# article, nodes and edges; and p50/p95 wall time and the largest peak RSS
# of every query command. The last table is the scaling curve; a query
# whose time grows with the corpus rather than with its answer shows there.
#
#   benches/scale.sh [SIZE ...]            (default: 10000 100000)
#
# Environment: GEOKG (the binary; default target/release/geokg), WORK (a
# folder for corpora and databases, kept; default a new temporary one,
# removed), JOBS (ingest --jobs; default the number of cores), SEED (11),
# ENTITIES (how many entities are timed; default 20), LIMIT (seconds one
# query may run before it is stopped and counted at the limit; default 120).
# The 20 entities are chosen on the first size's database (ranks spread
# geometrically from the busiest to the least named), and the same
# ones are timed at every size (the corpora of one seed share their first
# articles; they are named by name, as a user would), so times compare for the same entity. The totals (nodes,
# edges, articles) are printed beside the times, so a fast wrong answer
# shows.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${GEOKG:-target/release/geokg}
jobs=${JOBS:-$(nproc)}
seed=${SEED:-11}
count=${ENTITIES:-20}
limit=${LIMIT:-120}
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(10000 100000)
if [ -n "${WORK:-}" ]; then
    work=$WORK
    mkdir -p "$work"
else
    work=$(mktemp -d)
    trap 'rm -rf "$work"' EXIT
fi
cargo build --release --quiet
cargo bench --quiet --bench scale_corpus --no-run 2>/dev/null

# run LABEL CMD...: runs CMD once as a whole process, output thrown away;
# appends "LABEL seconds peak_kib" to $work/times.
run() {
    local label=$1 t0 t1
    shift
    t0=$EPOCHREALTIME
    if ! timeout "$limit" /usr/bin/time -o "$work/rss" -f %M "$@" >/dev/null 2>"$work/err"; then
        echo "failed or over ${limit} s: $* ($(head -c 300 "$work/err"))" >&2
        echo 0 >"$work/rss"
    fi
    t1=$EPOCHREALTIME
    echo "$label $(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.4f", b - a }') $(tail -n 1 "$work/rss")" >>"$work/times"
}

# p50, p95 (nearest rank) and max peak RSS of one label, in ms and MiB.
stats() {
    awk -v l="$1" '$1 == l { print $2 * 1000, $3 }' "$work/times" | sort -n |
        awk '{ t[++n] = $1; if ($2 > m) m = $2 }
        END {
            if (n == 0) { print "-"; exit }
            i50 = int(0.50 * n + 0.999); i95 = int(0.95 * n + 0.999)
            printf "%d runs  p50 %8.1f ms  p95 %8.1f ms  peak %6.1f MiB\n", n, t[i50], t[i95], m / 1024
        }'
}

curve=$work/curve
: >"$curve"
entities_file=$work/entities
first=1
for n in "${sizes[@]}"; do
    corpus=$work/scale-$n.jsonl
    db=$work/scale-$n.db
    [ -s "$corpus" ] || cargo bench --quiet --bench scale_corpus -- --articles "$n" --seed "$seed" --out "$corpus" 2>/dev/null
    rm -f "$db" "$db-wal" "$db-shm"
    corpus_bytes=$(stat -c %s "$corpus")
    t0=$EPOCHREALTIME
    /usr/bin/time -o "$work/ingest.time" -f "%U %S %M %O" \
        "$bin" --db "$db" ingest --jobs "$jobs" "$corpus" 2>"$work/ingest.log"
    t1=$EPOCHREALTIME
    read -r user sys rss_kib out_blocks <"$work/ingest.time"
    wall=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.2f", b - a }')
    db_bytes=$(stat -c %s "$db")
    [ ! -e "$db-wal" ] || db_bytes=$((db_bytes + $(stat -c %s "$db-wal")))
    summary=$(tail -n 1 "$work/ingest.log")
    nodes=$("$bin" --db "$db" entities --limit 0 --format csv | tail -n +2 | wc -l)
    edges=$(echo "$summary" | sed -n 's/.* and \([0-9]*\) edges added.*/\1/p')
    echo "== $n articles: $summary"
    awk -v n="$n" -v w="$wall" -v u="$user" -v s="$sys" -v r="$rss_kib" -v o="$out_blocks" \
        -v b="$corpus_bytes" -v d="$db_bytes" -v nodes="$nodes" -v edges="$edges" 'BEGIN {
        printf "ingest: %.1f s, %.0f articles/s, %.2f MB/s of JSON Lines, CPU %.2f cores (user %.1f s, sys %.1f s), peak RSS %.1f MiB, written %.1f MB (%.1f x the database)\n",
            w, n / w, b / 1e6 / w, (u + s) / w, u, s, r / 1024, o * 512 / 1e6, o * 512 / d
        printf "database: %.1f MB, %.0f bytes per article (%.2f x the JSON Lines); %d nodes, %s edges\n",
            d / 1e6, d / n, d / b, nodes, edges
    }' | tee "$work/ingest-$n.txt"

    if [ $first = 1 ]; then
        # Ranks 1, 2, 3, ... spread geometrically to the last entity.
        # From the JSON: CSV names and aliases may hold quoted commas.
        "$bin" --db "$db" entities --limit 0 --format json |
            grep -o '"name": *"[^"]*"' | sed 's/.*"\([^"]*\)"$/\1/' >"$work/all-ids"
        total=$(wc -l <"$work/all-ids")
        awk -v total="$total" -v c="$count" 'BEGIN {
            for (k = 0; k < c; k++) { r = int(exp(log(total) * k / (c - 1)) + 0.5); if (r < 1) r = 1; if (!(r in seen)) { seen[r] = 1; print r } }
        }' | while read -r r; do sed -n "${r}p" "$work/all-ids"; done >"$entities_file"
        echo "entities timed: $(paste -sd ' ' "$entities_file")"
        first=0
    fi

    : >"$work/times"
    while read -r x; do
        run relations "$bin" --db "$db" relations --from "$x" --format json
        run show "$bin" --db "$db" show "$x"
        run export-around "$bin" --db "$db" export --format dot --around "$x" --depth 2
        run render-around "$bin" --db "$db" render --around "$x" --depth 1 --top 50 --out "$work/r.svg"
        run entities "$bin" --db "$db" entities
    done <"$entities_file"
    for _ in 1 2 3; do
        run export-json "$bin" --db "$db" export --format json
    done
    for label in relations show entities export-around render-around export-json; do
        printf "%-14s %s\n" "$label" "$(stats $label)"
        echo "$n $label $(stats $label)" >>"$curve"
    done
done

echo
echo "== scaling curve (p50 / p95 ms, peak MiB, by size)"
for label in relations show entities export-around render-around export-json; do
    printf "%-14s" "$label"
    for n in "${sizes[@]}"; do
        awk -v n="$n" -v l="$label" '$1 == n && $2 == l { printf "  %s: %s / %s ms, %s MiB", n, $6, $9, $12 }' "$curve"
    done
    echo
done
for n in "${sizes[@]}"; do
    cat "$work/ingest-$n.txt" | sed "s/^/$n  /"
done
