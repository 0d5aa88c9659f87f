import Benchmark
import LocalCurrencyImpact

/// Leontief model benchmarks on SYNTHETIC productive tables (IOTable.synthetic).
/// n = 381 is the Bank of Korea basic classification. The OpenBLAS kernel is printed
/// first: figures are only comparable on the same kernel.
let benchmarks: @Sendable () -> Void = {
    print("OpenBLAS kernel: \(OpenBLASRuntime.coreName), threads: \(OpenBLASRuntime.threadCount)")
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .cpuTotal, .peakMemoryResident],
        warmupIterations: 1,
        maxDuration: .seconds(3),
        maxIterations: 50,
        // A noisy 2-core machine: run-to-run noise near 10 % was seen; alert only on large moves.
        thresholds: [.wallClock: .init(relative: [.p50: 35.0, .p90: 50.0])]
    )

    for n in [381, 1_000] {
        let table = IOTable.synthetic(sectors: n, seed: 1)

        Benchmark("factor_and_multipliers_n\(n)") { benchmark in
            for _ in benchmark.scaledIterations {
                let model = try LeontiefModel(table: table)
                blackHole(try model.multipliers())
            }
        }

        Benchmark("explicit_inverse_n\(n)") { benchmark in
            let model = try LeontiefModel(table: table)
            benchmark.startMeasurement()
            for _ in benchmark.scaledIterations {
                blackHole(try model.fullInverse())
            }
        }
    }

    let table381 = IOTable.synthetic(sectors: 381, seed: 1)
    Benchmark("impact_10000_demands_n381") { benchmark in
        let model = try LeontiefModel(table: table381)
        var demands = Matrix(rows: 381, columns: 10_000)
        var state: UInt64 = 7
        for c in 0..<10_000 {
            for i in 0..<381 {
                state = state &* 6364136223846793005 &+ 1442695040888963407
                demands[i, c] = Double(state >> 40)
            }
        }
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            blackHole(try model.impacts(demands))
        }
    }
}
