import LinearAlgebra

/// Percentile bands of the net effects of certificate spending under uncertain
/// assumptions (`MonteCarloOptions`).
///
/// Demand draws vary the incremental share s and the margin rates. A draw's demand is
/// linear in them: f_d = s_d·(b₀ + Σₖ oₖ,d·bₖᵒʷⁿ + gₖ,d·bₖᵍᵒᵒᵈˢ) with fixed basis vectors
/// (the unbridged own output, and each margin group's own-plus-margin and goods parts,
/// placed by the model) and per-draw scales. So all D demands are one product
/// F = B·C (`dgemm`), all outputs one multi-right-hand-side solve X = L·F with the model's
/// single factorization (and one more for Type II), and all totals one product Wᵀ·X.
///
/// Coefficient draws also perturb the inter-industry block column by column (see
/// `MonteCarloOptions.coefficientVariation`); each draw factors its own I − A′ (LAPACK
/// `dsgesv`, single-precision LU refined in double, or `dgetrf`) in a per-thread
/// workspace, with OpenBLAS at one thread inside the parallel loop, and closes households
/// by block elimination on the same factors (`HouseholdBorder`).
public struct MonteCarloSimulation: Sendable {
    public let model: RegionalEffectModel
    public let demand: CertificateDemand
    public let options: MonteCarloOptions

    public init(model: RegionalEffectModel, demand: CertificateDemand, options: MonteCarloOptions) {
        self.model = model
        self.demand = demand
        self.options = options
    }

    /// Basis B (rows × (1 + 2K)): b₀, then each group's own-plus-margin part, then each group's goods.
    var basis: Matrix {
        let groups = demand.groups, k = groups.count, n = demand.sectorCount
        let zeros = [Double](repeating: 0, count: n)
        var columns = [model.place(own: demand.unbridgedOwn, supplied: zeros)]
        for g in groups { columns.append(model.place(own: g.own, supplied: g.margins)) }
        for g in groups { columns.append(model.place(own: zeros, supplied: g.goods)) }
        return Matrix(rows: model.rows, columns: 1 + 2 * k, columnMajor: columns.flatMap { $0 })
    }

    /// Draw d's scales (1 + 2K values) into `c`: s·(1, own scales…, goods scales…).
    func drawScales(_ rng: inout SplitMix64, into c: inout [Double]) {
        let range = options.incrementalShareRange
        let s = range.lowerBound + (range.upperBound - range.lowerBound) * rng.nextUnit()
        let k = demand.groups.count
        c[0] = s
        for (index, group) in demand.groups.enumerated() {
            let u = 1 + options.marginSpread * rng.nextSymmetric()
            let (ownScale, goodsScale) = CertificateDemand.scales(group: group, factor: u)
            c[1 + index] = s * ownScale
            c[1 + k + index] = s * goodsScale
        }
    }

    /// Weights W (rows × measures) and what each column is.
    var weights: (matrix: Matrix, entries: [(measure: EffectMeasure, place: EffectPlace)]) {
        let w = model.measureWeights
        return (Matrix(rows: model.rows, columns: w.count, columnMajor: w.flatMap(\.weights)), w.map { ($0.measure, $0.place) })
    }

    /// Demand-side draws: one factorization, one multi-right-hand-side solve.
    public func runDemandDraws() throws -> MonteCarloSummary {
        let draws = options.demandDraws
        let b = basis
        var scales = Matrix(rows: b.columns, columns: draws)
        var column = [Double](repeating: 0, count: b.columns)
        for d in 0..<draws {
            var rng = SplitMix64(seed: options.seed, stream: UInt64(d))
            drawScales(&rng, into: &column)
            for r in 0..<b.columns { scales[r, d] = column[r] }
        }
        let demands = try b.multiplied(by: scales)                       // F = B·C
        let (w, entries) = weights
        let t1 = try w.multiplied(by: try model.solveTypeI(demands), transposeSelf: true)
        let t2 = try model.solveTypeII(demands).map { try w.multiplied(by: $0, transposeSelf: true) }
        return summarize(kind: "demand", draws: draws, entries: entries, typeI: t1, typeII: t2, fallbacks: 0)
    }

    /// Draws that also perturb the coefficients, in parallel.
    public func runCoefficientDraws() throws -> MonteCarloSummary {
        let draws = options.coefficientDraws
        let rows = model.rows
        let a = model.coefficientBlock
        let border = model.householdBorder
        let b = basis
        let (w, entries) = weights
        let k = border?.households ?? 0
        let kw = entries.count
        let perDraw = kw * (border == nil ? 1 : 2) + 1   // totals I, totals II, fallback flag
        let spread = options.coefficientVariation * 3.0.squareRoot()
        let mixed = options.mixedPrecision
        let workers = ConcurrentBLAS.processorCount
        let blocks = try ConcurrentBLAS.map(min(workers, max(draws, 1)), workers: workers) { worker -> [Double] in
            let threads = min(workers, max(draws, 1))
            let range = (draws * worker / threads)..<(draws * (worker + 1) / threads)
            var out = [Double](repeating: 0, count: range.count * perDraw)
            var workspace = SolveWorkspace(order: rows, rightHandSides: 1 + k)
            var scales = [Double](repeating: 0, count: b.columns)
            var demandColumn = [Double](repeating: 0, count: rows)
            for (slot, d) in range.enumerated() {
                // Streams 2³² + d: independent of the demand draws' streams.
                var rng = SplitMix64(seed: options.seed, stream: (1 << 32) &+ UInt64(d))
                drawScales(&rng, into: &scales)
                for i in 0..<rows {
                    var s = 0.0
                    for c in 0..<b.columns { s += b[i, c] * scales[c] }
                    demandColumn[i] = s
                }
                workspace.withBuffers { m, rhs in
                    a.withUnsafeBufferPointer { ap in
                        for j in 0..<rows {
                            let base = j * rows
                            var original = 0.0, perturbed = 0.0
                            for i in 0..<rows {
                                // Safe: base + i < rows², the count of ap and m.
                                let v = ap[base + i]
                                if v != 0 {
                                    let p = v * (1 + spread * rng.nextSymmetric())
                                    m[base + i] = p
                                    original += v
                                    perturbed += p
                                } else {
                                    m[base + i] = 0
                                }
                            }
                            // Keep the column sum: value added and imports per unit stay as published.
                            let scale = perturbed > 0 ? original / perturbed : 1
                            for i in 0..<rows { m[base + i] *= -scale }  // Safe: as above.
                            m[base + j] += 1                              // Safe: j < rows.
                        }
                    }
                    for i in 0..<rows { rhs[i] = demandColumn[i] }                                  // Safe: i < rows.
                    if let border {
                        for h in 0..<k { for i in 0..<rows { rhs[(1 + h) * rows + i] = border.consumption[i, h] } }  // Safe: < rows·(1 + k).
                    }
                }
                let outcome = try workspace.solve(mixedPrecision: mixed)
                var x1 = Matrix(rows: rows, columns: 1)
                var z = Matrix(rows: rows, columns: k)
                for i in 0..<rows {
                    x1[i, 0] = workspace.solution(i, 0)
                    for h in 0..<k { z[i, h] = workspace.solution(i, 1 + h) }
                }
                let base = slot * perDraw
                for e in 0..<kw {
                    var t = 0.0
                    for i in 0..<rows { t += w[i, e] * x1[i, 0] }
                    out[base + e] = t
                }
                if let border, let x2 = border.close(typeI: x1, z: z) {
                    for e in 0..<kw {
                        var t = 0.0
                        for i in 0..<rows { t += w[i, e] * x2[i, 0] }
                        out[base + kw + e] = t
                    }
                }
                out[base + perDraw - 1] = outcome?.fellBack == true ? 1 : 0
            }
            return out
        }
        let all = blocks.flatMap { $0 }
        var fallbacks = 0
        var t1 = Matrix(rows: kw, columns: draws)
        var t2: Matrix? = border == nil ? nil : Matrix(rows: kw, columns: draws)
        for d in 0..<draws {
            if all[d * perDraw + perDraw - 1] > 0 { fallbacks += 1 }
            for e in 0..<kw {
                t1[e, d] = all[d * perDraw + e]
                t2?[e, d] = all[d * perDraw + kw + e]
            }
        }
        return summarize(kind: "coefficients", draws: draws, entries: entries, typeI: t1, typeII: t2, fallbacks: fallbacks)
    }

    /// Bands from totals (entries × draws).
    func summarize(kind: String, draws: Int, entries: [(measure: EffectMeasure, place: EffectPlace)],
                   typeI: Matrix, typeII: Matrix?, fallbacks: Int) -> MonteCarloSummary {
        let ps = options.percentiles
        var bands: [MonteCarloSummary.Band] = []
        func band(_ measure: EffectMeasure, _ place: String, _ typeIIFlag: Bool, _ values: [Double]) {
            var v = values
            let mean = v.isEmpty ? .nan : v.reduce(0, +) / Double(v.count)
            bands.append(.init(measure: measure, place: place, typeII: typeIIFlag, mean: mean, values: MonteCarloSummary.quantiles(&v, ps)))
        }
        var inRegionShare: MonteCarloSummary.Band?
        var tables: [(Bool, Matrix)] = [(false, typeI)]
        if let typeII { tables.append((true, typeII)) }
        for (typeIIFlag, value) in tables {
            for measure in EffectMeasure.allCases {
                let r = entries.firstIndex { $0.measure == measure && $0.place == .inRegion }
                let s = entries.firstIndex { $0.measure == measure && $0.place == .restOfNation }
                guard let r else { continue }
                let regional = (0..<draws).map { value[r, $0] }
                band(measure, EffectPlace.inRegion.rawValue, typeIIFlag, regional)
                if let s {
                    let rest = (0..<draws).map { value[s, $0] }
                    band(measure, EffectPlace.restOfNation.rawValue, typeIIFlag, rest)
                    band(measure, "total", typeIIFlag, zip(regional, rest).map { $0 + $1 })
                    if measure == .output && !typeIIFlag {
                        var shares: [Double] = []
                        for (a, b) in zip(regional, rest) where a + b > 0 { shares.append(a / (a + b)) }
                        let mean = shares.isEmpty ? .nan : shares.reduce(0, +) / Double(shares.count)
                        inRegionShare = .init(measure: .output, place: "in_region_share", typeII: false, mean: mean,
                                              values: MonteCarloSummary.quantiles(&shares, ps))
                    }
                }
            }
        }
        return MonteCarloSummary(kind: kind, draws: draws, seed: options.seed, percentiles: ps, bands: bands,
                                 inRegionShare: inRegionShare, fallbacks: fallbacks)
    }
}
