import Benchmark
import LocalCurrencyImpact

#if canImport(Glibc)
import Glibc
#endif

/// Scan throughput on a SYNTHETIC log generated once per run into /tmp
/// (`lcimpact generate` model, seed 42), plain and gzip-compressed, and generator
/// throughput. MB/s is 10⁶ bytes of (decompressed) CSV per second. The full-size
/// comparison with DuckDB and Polars is Benchmarks/compare/scan_vs_duckdb_polars.py.
/// Runs `body` once and reports `bytes` / elapsed as the MB/s metric.
func measureThroughput(_ benchmark: Benchmark, bytes: Int, _ body: () throws -> Void) rethrows {
    var start = timespec()
    clock_gettime(CLOCK_MONOTONIC, &start)
    try body()
    var end = timespec()
    clock_gettime(CLOCK_MONOTONIC, &end)
    let seconds = Double(end.tv_sec - start.tv_sec) + Double(end.tv_nsec - start.tv_nsec) / 1e9
    benchmark.measurement(.custom("MB/s", polarity: .prefersLarger, useScalingFactor: false), Int(Double(bytes) / 1e6 / seconds))
}

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .peakMemoryResident, .custom("MB/s", polarity: .prefersLarger, useScalingFactor: false)],
        warmupIterations: 1,
        maxDuration: .seconds(10),
        maxIterations: 20,
        thresholds: [
            .wallClock: .init(relative: [.p50: 35.0, .p90: 50.0]),
            .custom("MB/s", polarity: .prefersLarger, useScalingFactor: false): .init(relative: [.p50: 35.0]),
        ]
    )

    let rows = 1_000_000
    let path = "/tmp/lcimpact-bench-\(rows).csv"
    let bytes = (try? SyntheticLogGenerator(rows: rows, seed: 42).write(to: path)) ?? 0

    Benchmark("scan_aggregates_1M_rows") { benchmark in
        for _ in benchmark.scaledIterations {
            try measureThroughput(benchmark, bytes: bytes) { blackHole(try ScanAggregates.scan(path: path)) }
        }
    }

    // The same log gzip-compressed (gzip -1), to compare with `gzip -dc` (target: ≤ 1.2×).
    let gzPath = path + ".gz"
    if access(gzPath, F_OK) != 0 { _ = system("gzip -1 -kf \(path)") }
    var gzStat = stat()
    _ = stat(gzPath, &gzStat)

    Benchmark("scan_gzip_1M_rows") { benchmark in
        for _ in benchmark.scaledIterations {
            // Throughput in decompressed MB/s, comparable with the plain scan.
            try measureThroughput(benchmark, bytes: bytes) { blackHole(try ScanAggregates.scan(path: gzPath)) }
        }
    }

    // The same transactions as a card-company export (Korean headers, names and channels,
    // quoted names, compact timestamps) in CP949: the text walker and encoding checks.
    let exportPath = "/tmp/lcimpact-bench-\(rows)-export-cp949.csv"
    let exportBytes = (try? SyntheticLogGenerator(rows: rows, seed: 42, shape: .cardExport(.cp949)).write(to: exportPath)) ?? 0

    Benchmark("scan_card_export_cp949_1M_rows") { benchmark in
        for _ in benchmark.scaledIterations {
            try measureThroughput(benchmark, bytes: exportBytes) { blackHole(try ScanAggregates.scan(path: exportPath)) }
        }
    }

    // The same export with the timestamp split over 거래일자 and 거래시간 (the text walker's date
    // and time fields).
    let splitPath = "/tmp/lcimpact-bench-\(rows)-export-split-cp949.csv"
    let splitBytes = (try? SyntheticLogGenerator(rows: rows, seed: 42, shape: .cardExport(.cp949, separateDateAndTime: true))
        .write(to: splitPath)) ?? 0

    Benchmark("scan_card_export_split_time_cp949_1M_rows") { benchmark in
        for _ in benchmark.scaledIterations {
            try measureThroughput(benchmark, bytes: splitBytes) { blackHole(try ScanAggregates.scan(path: splitPath)) }
        }
    }

    Benchmark("generate_1M_rows") { benchmark in
        for _ in benchmark.scaledIterations {
            // The output has the same size as the scanned log (same row count and model).
            try measureThroughput(benchmark, bytes: bytes) { _ = try SyntheticLogGenerator(rows: rows, seed: 43).write(to: path + ".gen") }
        }
        unlink(path + ".gen")
    }
}
