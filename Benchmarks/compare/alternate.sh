#!/usr/bin/env bash
# Compares the scan wall time of two or more lcimpact builds fairly on a noisy machine: runs
# them in turn (A, B, C, A, B, C, …) on the same warm log, so that the host's drift hits all
# alike, and prints each one's best and median wall time, its best user CPU, how many rounds
# it used less user CPU than the first build (paired by round), and every wall/user pair.
#
#   Benchmarks/compare/alternate.sh OLD_BINARY NEW_BINARY [MORE_BINARIES…] LOG [ROUNDS]
#
# A "binary" may be a wrapper script (for example one that sets an environment variable for
# an experiment and then execs a build).
set -euo pipefail
args=("$@")
ROUNDS=3
last=${args[${#args[@]}-1]}
if [[ $last =~ ^[0-9]+$ ]]; then ROUNDS=$last; unset 'args[${#args[@]}-1]'; fi
(( ${#args[@]} >= 3 )) || { echo "usage: $0 OLD NEW [MORE…] LOG [ROUNDS]" >&2; exit 64; }
LOG=${args[${#args[@]}-1]}
unset 'args[${#args[@]}-1]'
BINS=("${args[@]}")
[ -r "$LOG" ] || { echo "$0: cannot read the log $LOG" >&2; exit 66; }
for b in "${BINS[@]}"; do [ -x "$b" ] || { echo "$0: $b is not an executable" >&2; exit 66; }; done
cat "$LOG" > /dev/null   # page cache hot
out=$(mktemp -d); trap 'rm -rf "$out"' EXIT
for _ in $(seq "$ROUNDS"); do
    for i in "${!BINS[@]}"; do
        /usr/bin/time -f "%e %U" "${BINS[$i]}" scan "$LOG" --format json --quiet 2>>"$out/$i" >/dev/null
    done
done
letters=(A B C D E F G H I J K L M N O P Q R S T U V W X Y Z)
for i in "${!BINS[@]}"; do
    walls=$(cut -d' ' -f1 "$out/$i" | sort -n)
    wins=""
    if (( i > 0 )); then
        n=$(paste -d' ' "$out/0" "$out/$i" | awk '$4 < $2 { w++ } END { print w + 0 }')
        wins=", less user CPU than A in $n of $ROUNDS rounds"
    fi
    echo "${letters[$((i % 26))]} (${BINS[$i]}): best $(echo "$walls" | head -1) s, median $(echo "$walls" | sed -n "$(( (ROUNDS + 1) / 2 ))p") s, best user $(cut -d' ' -f2 "$out/$i" | sort -n | head -1) s$wins; wall/user: $(tr '\n' ';' < "$out/$i")"
done
