import Benchmark
import LocalCurrencyImpact

/// Leontief model benchmarks on SYNTHETIC productive tables (IOTable.synthetic).
/// n = 381 is the Bank of Korea basic classification, n = 9,800 the size of EXIOBASE.
/// The OpenBLAS kernel is printed first: figures are only comparable on the same kernel
/// (this suite never sets OPENBLAS_CORETYPE; the machine's own choice is what is measured).
let benchmarks: @Sendable () -> Void = {
    print("OpenBLAS kernel: \(OpenBLASRuntime.coreName), threads: \(OpenBLASRuntime.threadCount), cores: \(ConcurrentBLAS.processorCount)")
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

    // All Type I (and II) multipliers at n = 9,800 from a table in memory: building A's
    // single-precision I − A, sgetrf, two refined solves. One iteration: ~10 s, 3 GB.
    // Compare with numpy's inv(I − A) route in Benchmarks/compare/multipliers_vs_numpy.py.
    Benchmark("multipliers_mixed_precision_n9800",
              configuration: .init(metrics: [.wallClock, .peakMemoryResident], warmupIterations: 0, maxDuration: .seconds(1), maxIterations: 1)) { benchmark in
        let table = IOTable.synthetic(sectors: 9_800, seed: 1)
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            let model = try LeontiefModel(table: table, precision: .mixed)
            blackHole(try model.multipliers())
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

    // Monte Carlo at n = 381 (targets: 10,000 demand draws < 0.5 s; 1,000 coefficient draws < 2 s).
    let demand = syntheticCertificateDemand(table: table381)
    let single = RegionalEffectModel.single(try! LeontiefModel(table: table381))
    Benchmark("monte_carlo_10000_demand_draws_n381") { benchmark in
        let simulation = MonteCarloSimulation(model: single, demand: demand, options: MonteCarloOptions(demandDraws: 10_000, coefficientDraws: 0))
        for _ in benchmark.scaledIterations { blackHole(try simulation.runDemandDraws()) }
    }
    for mixed in [true, false] {
        Benchmark("monte_carlo_1000_coefficient_draws_n381_\(mixed ? "dsgesv" : "dgetrf")") { benchmark in
            let simulation = MonteCarloSimulation(model: single, demand: demand,
                                                  options: MonteCarloOptions(demandDraws: 0, coefficientDraws: 1_000, mixedPrecision: mixed))
            for _ in benchmark.scaledIterations { blackHole(try simulation.runCoefficientDraws()) }
        }
    }

    // The same in the two-region model (2n = 762): region = 15 % of every sector's jobs.
    let employment = table381.employment!
    let sizes = RegionalSectorSizes(measure: .employment, values: employment.enumerated().map { $0.element * (0.05 + 0.2 * Double($0.offset % 7) / 6) }, source: "synthetic")
    let twoRegion = RegionalEffectModel.twoRegion(try! TwoRegionModel(regionalization: Regionalization(national: table381, sizes: sizes, method: .flq)))
    Benchmark("monte_carlo_10000_demand_draws_two_region_n381") { benchmark in
        let simulation = MonteCarloSimulation(model: twoRegion, demand: demand, options: MonteCarloOptions(demandDraws: 10_000, coefficientDraws: 0))
        for _ in benchmark.scaledIterations { blackHole(try simulation.runDemandDraws()) }
    }
    Benchmark("monte_carlo_200_coefficient_draws_two_region_n381") { benchmark in
        let simulation = MonteCarloSimulation(model: twoRegion, demand: demand, options: MonteCarloOptions(demandDraws: 0, coefficientDraws: 200))
        for _ in benchmark.scaledIterations { blackHole(try simulation.runCoefficientDraws()) }
    }
}

/// Certificate spending spread over the synthetic table: 40 codes, four of them retail
/// codes with a margin row (so that margin draws have work to do).
func syntheticCertificateDemand(table: IOTable) -> CertificateDemand {
    let codes = (0..<40).map { "C\($0)" }
    var map = "ksic,sector\n"
    for (k, code) in codes.enumerated() { map += "\(code),\(table.sectorCodes[(k * 9) % table.sectorCount])\n" }
    let concordance = try! Concordance(csv: map, source: "benchmark", table: table)
    var margins = "ksic,component,sector,share\n"
    for k in 0..<4 {
        margins += "C\(k),own,,0.25\nC\(k),margin,\(table.sectorCodes[1]),0.05\nC\(k),tax,,0.09\nC\(k),goods,\(table.sectorCodes[10 + k]),0.61\n"
    }
    let bridge = try! MarginTable(csv: margins, source: "benchmark", table: table)
    let spending = codes.enumerated().map { (code: $0.element, won: Int64(1_000_000 * (1 + $0.offset % 5))) }
    return concordance.demand(spending: spending, margins: bridge, sectorCount: table.sectorCount, wonPerUnit: 1e6)
}
