#!/usr/bin/env bash
# Compares the scan wall time of two lcimpact builds fairly on a noisy machine: runs them
# alternately (A, B, A, B, …) on the same warm log and prints each one's best, median and
# all wall times with user CPU.
#
#   Benchmarks/compare/alternate.sh OLD_BINARY NEW_BINARY LOG [ROUNDS]
set -euo pipefail
A=$1; B=$2; LOG=$3; ROUNDS=${4:-3}
cat "$LOG" > /dev/null   # page cache hot
out=$(mktemp -d); trap 'rm -rf "$out"' EXIT
for _ in $(seq "$ROUNDS"); do
    for side in A B; do
        bin=$A; [ "$side" = B ] && bin=$B
        /usr/bin/time -f "%e %U" "$bin" scan "$LOG" --format json --quiet 2>>"$out/$side" >/dev/null
    done
done
for side in A B; do
    bin=$A; [ "$side" = B ] && bin=$B
    walls=$(cut -d' ' -f1 "$out/$side" | sort -n)
    echo "$side ($bin): best $(echo "$walls" | head -1) s, median $(echo "$walls" | sed -n "$(( (ROUNDS + 1) / 2 ))p") s, best user $(cut -d' ' -f2 "$out/$side" | sort -n | head -1) s; wall/user: $(tr '\n' ';' < "$out/$side")"
done
