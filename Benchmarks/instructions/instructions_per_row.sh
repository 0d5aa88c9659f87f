#!/usr/bin/env bash
# Instructions per row of `lcimpact scan`, counted by valgrind's cachegrind: a
# deterministic measure (unlike wall time on a shared 2-core VM) for comparing two
# builds of the parser and aggregators. One thread, a generated log, startup
# subtracted (a one-row log is counted too). Needs valgrind (apt-get install valgrind).
#
#   Benchmarks/instructions/instructions_per_row.sh [LCIMPACT_BINARY] [ROWS]
#
# Prints total instructions, per row, and the ten functions with the most.
set -euo pipefail
BIN=${1:-.build/release/lcimpact}
ROWS=${2:-1000000}
command -v valgrind >/dev/null || { echo "valgrind is not installed (apt-get install valgrind)" >&2; exit 2; }
DIR=$(mktemp -d)
trap 'rm -rf "$DIR"' EXIT
# Valgrind 3.19 (Debian 12) cannot read the DWARF 5 that clang writes for the C target; a copy
# without debug information keeps the symbols (per-function counts) and loses only line numbers.
cp "$BIN" "$DIR/lcimpact" && strip --strip-debug "$DIR/lcimpact" && BIN="$DIR/lcimpact"
"$BIN" generate --rows "$ROWS" --seed 11 --out "$DIR/log.csv" >/dev/null 2>&1
head -2 "$DIR/log.csv" > "$DIR/one.csv"
count() {
    valgrind --tool=cachegrind --cache-sim=no --cachegrind-out-file="$2" \
        "$BIN" scan "$1" --format json --quiet --threads 1 2>&1 >/dev/null |
        sed -n 's/.*I *refs: *//p' | tr -d ,
}
BASE=$(count "$DIR/one.csv" /dev/null)
TOTAL=$(count "$DIR/log.csv" "$DIR/cg.out")
echo "rows: $ROWS"
echo "instructions: $TOTAL (startup and one row: $BASE)"
echo "per row: $(( (TOTAL - BASE) / ROWS ))"
echo "top functions (instructions per row):"
cg_annotate "$DIR/cg.out" 2>/dev/null | awk -v rows="$ROWS" '
    /file:function/ { on = 1; getline; next }
    on && NF >= 3 && n < 10 { v = $1; gsub(",", "", v); printf "  %6.0f  %s\n", v / rows, substr($NF, 1, 110); n++ }'
