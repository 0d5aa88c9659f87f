#!/usr/bin/env bash
# Builds and runs the libFuzzer targets of LocalCurrencyImpact (see Fuzz/README.md).
#
#   Fuzz/run.sh                 build, then run every target for $FUZZ_TIME seconds each, one after another
#   Fuzz/run.sh build           build only
#   Fuzz/run.sh run scan state  run the named targets (scan, schema, iotable, state, gzip) without rebuilding
#   Fuzz/run.sh repro scan FILE run one target once on FILE (a saved crash) and show the report
#
# Environment: FUZZ_TIME (seconds per target, default 120), FUZZ_WORK (working corpus, crashes and
# logs; default /tmp/lcimpact-fuzz), FUZZ_BUILD (scratch path; default <repo>/.build-fuzz),
# FUZZ_JOBS (parallel fuzzing processes per target, default 1: the machine is shared).
#
# The committed seeds in Fuzz/Corpus/<target>/ are read but never written: new inputs go to
# $FUZZ_WORK/corpus/<target>/, crashes to $FUZZ_WORK/artifacts/<target>/. The script exits 1 when a
# target found a crash, naming the saved input.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
time_per_target="${FUZZ_TIME:-120}"
work="${FUZZ_WORK:-/tmp/lcimpact-fuzz}"
build="${FUZZ_BUILD:-$root/.build-fuzz}"
jobs="${FUZZ_JOBS:-1}"
all_targets=(scan schema iotable state gzip)

# Per target: executable, largest input, extra libFuzzer flags.
binary() {
    case "$1" in
        scan) echo FuzzScan ;; schema) echo FuzzSchema ;; iotable) echo FuzzIOTable ;; state) echo FuzzState ;;
        gzip) echo FuzzGzip ;;
        *) echo "unknown target '$1' (targets: ${all_targets[*]})" >&2; exit 64 ;;
    esac
}
max_len() {
    case "$1" in scan) echo 4096 ;; schema) echo 2048 ;; iotable) echo 4096 ;; state) echo 8192 ;; gzip) echo 4096 ;; esac
}

# Swift's crash backtracer would wait on every crash; OpenBLAS threads would only add noise;
# libFuzzer reports leaks itself (ASan's leak check at exit stays on).
export SWIFT_BACKTRACE=enable=no
export OPENBLAS_NUM_THREADS=1
export ASAN_OPTIONS="${ASAN_OPTIONS:-abort_on_error=1:detect_leaks=1:allocator_may_return_null=1}"

do_build() {
    echo "== building fuzz targets (release, -sanitize=fuzzer,address) into $build"
    # --disable-build-manifest-caching: the root package is a path dependency here, and SwiftPM would
    # otherwise keep its cached source lists and miss files added to Sources/ since the last build.
    swift build --package-path "$here" --scratch-path "$build" -c release --disable-build-manifest-caching \
        -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library \
        -Xcc -fsanitize=fuzzer-no-link,address 2>&1 | grep -v "Cannot export local symbol" | grep -v '^\[' || true
    for t in "${all_targets[@]}"; do
        [ -x "$build/release/$(binary "$t")" ] || { echo "build failed: $build/release/$(binary "$t") missing" >&2; exit 1; }
    done
}

do_run() {
    local status=0
    for t in "$@"; do
        local exe="$build/release/$(binary "$t")"
        [ -x "$exe" ] || { echo "$exe is not built: run '$0 build' first" >&2; exit 1; }
        mkdir -p "$work/corpus/$t" "$work/artifacts/$t" "$work/logs"
        local log="$work/logs/$t.log"
        echo "== fuzzing $t for ${time_per_target}s (log: $log)"
        set +e
        ( cd "$work" && "$exe" "$work/corpus/$t" "$here/Corpus/$t" \
            -max_total_time="$time_per_target" -max_len="$(max_len "$t")" -timeout=10 -rss_limit_mb=4096 \
            -close_fd_mask=1 -print_final_stats=1 $( [ "$jobs" -gt 1 ] && echo "-jobs=$jobs -workers=$jobs" ) \
            -artifact_prefix="$work/artifacts/$t/" ) >"$log" 2>&1
        local rc=$?
        set -e
        local runs
        runs="$(grep -Eo 'stat::number_of_executed_units: *[0-9]+' "$log" | awk '{s += $2} END {print s + 0}')"
        if [ "$rc" -eq 0 ]; then
            echo "   $t: no crash, $runs executions"
        else
            status=1
            echo "   $t: CRASH after $runs executions (exit $rc); input saved under $work/artifacts/$t/:"
            ls -1 "$work/artifacts/$t/" | sed 's/^/     /'
            grep -E "FUZZ INVARIANT|Fatal error|ERROR: AddressSanitizer|SUMMARY" "$log" | head -5 | sed 's/^/     /'
        fi
    done
    rm -f /tmp/lcimpact-fuzz-*-mapping.csv
    return $status
}

do_repro() {
    local exe="$build/release/$(binary "$1")"
    "$exe" -runs=1 "$2"
}

case "${1:-all}" in
    build) do_build ;;
    run) shift; do_run "${@:-${all_targets[@]}}" ;;
    repro) shift; do_repro "$@" ;;
    all) do_build; do_run "${all_targets[@]}" ;;
    *) echo "usage: $0 [all | build | run [target…] | repro target FILE]" >&2; exit 64 ;;
esac
