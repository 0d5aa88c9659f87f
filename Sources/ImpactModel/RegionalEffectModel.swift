import LinearAlgebra

/// The model an analysis runs on: one table (the table's economy is the region — a
/// national table treats the nation as the region) or the two-region model (the region
/// and the rest of the nation). Both answer the same questions — totals of every
/// `EffectMeasure` at every `EffectPlace` for many demand scenarios at once — so net
/// effects, monthly effects and Monte Carlo draws are written once.
public enum RegionalEffectModel: Sendable {
    case single(LeontiefModel)
    case twoRegion(TwoRegionModel)

    public var sectorCount: Int {
        switch self {
        case .single(let m): return m.sectorCount
        case .twoRegion(let m): return m.sectorCount
        }
    }

    /// Rows of a demand vector: n, or 2n (R's sectors then S's).
    public var rows: Int {
        switch self {
        case .single(let m): return m.sectorCount
        case .twoRegion(let m): return 2 * m.sectorCount
        }
    }

    public var hasRestOfNation: Bool {
        if case .twoRegion = self { return true }
        return false
    }

    public var hasTypeII: Bool {
        switch self {
        case .single(let m): return m.hasTypeII
        case .twoRegion(let m): return m.hasTypeII
        }
    }

    public var units: MoneyUnit {
        switch self {
        case .single(let m): return m.table.units
        case .twoRegion(let m): return m.units
        }
    }

    /// The demand vector of spending at merchants in the region: the merchants' own output
    /// is produced in the region; margins and goods (`supplied`) in a two-region model are
    /// split by the region's household purchase coefficients between the region and the
    /// rest of the nation; a single-table model takes all of it in its economy.
    /// With `atRestOfNation`, the same spending at merchants in the rest of the nation
    /// (for displaced spending).
    public func place(own: [Double], supplied: [Double], atRestOfNation: Bool = false) -> [Double] {
        switch self {
        case .single:
            return zip(own, supplied).map { $0 + $1 }
        case .twoRegion(let m):
            let n = m.sectorCount
            var d = [Double](repeating: 0, count: 2 * n)
            let local = atRestOfNation ? m.rest.householdPurchaseCoefficients : m.region.householdPurchaseCoefficients
            let home = atRestOfNation ? n : 0, away = atRestOfNation ? 0 : n
            for i in 0..<n {
                d[home + i] = own[i] + supplied[i] * local[i]
                d[away + i] = supplied[i] * (1 - local[i])
            }
            return d
        }
    }

    /// Per-unit coefficients of each measure, per sector (nil when the table lacks the row).
    func coefficients(_ measure: EffectMeasure) -> [Double]? {
        switch self {
        case .single(let m):
            switch measure {
            case .output: return [Double](repeating: 1, count: m.sectorCount)
            case .valueAdded: return m.valueAddedCoefficients
            case .income: return m.incomeCoefficients
            case .employment: return m.employmentCoefficients
            case .imports: return m.importCoefficients
            case .taxes: return m.taxCoefficients
            }
        case .twoRegion(let m):
            switch measure {
            case .output: return [Double](repeating: 1, count: m.sectorCount)
            case .valueAdded: return m.valueAddedCoefficients
            case .income: return m.incomeCoefficients
            case .employment: return m.employmentCoefficients
            case .imports: return m.importCoefficients
            case .taxes: return m.taxCoefficients
            }
        }
    }

    /// The available (measure, place) pairs and their weight vectors w (rows long), so that
    /// a total is wᵀx.
    public var measureWeights: [(measure: EffectMeasure, place: EffectPlace, weights: [Double])] {
        var out: [(EffectMeasure, EffectPlace, [Double])] = []
        let n = sectorCount
        for measure in EffectMeasure.allCases {
            guard let c = coefficients(measure) else { continue }
            switch self {
            case .single:
                out.append((measure, .inRegion, c))
            case .twoRegion:
                out.append((measure, .inRegion, c + [Double](repeating: 0, count: n)))
                out.append((measure, .restOfNation, [Double](repeating: 0, count: n) + c))
            }
        }
        return out
    }

    /// Type I outputs for demands (rows × k).
    public func solveTypeI(_ demands: Matrix) throws -> Matrix {
        switch self {
        case .single(let m): return try m.solve(demands)
        case .twoRegion(let m): return try m.solveTypeI(demands)
        }
    }

    /// Type II outputs for demands (rows × k); nil without Type II.
    public func solveTypeII(_ demands: Matrix) throws -> Matrix? {
        switch self {
        case .single(let m):
            guard let closed = try m.solveClosed(demands) else { return nil }
            var x = Matrix(rows: m.sectorCount, columns: demands.columns)
            for c in 0..<demands.columns { for i in 0..<m.sectorCount { x[i, c] = closed[i, c] } }
            return x
        case .twoRegion(let m): return try m.solveTypeII(demands)
        }
    }

    /// Totals of every measure for each column of `demands` (rows × k): one multi-right-hand
    /// -side solve for Type I, one for Type II, then one product Wᵀ·X for all totals.
    public func totals(_ demands: Matrix) throws -> [EffectTotals] {
        let weights = measureWeights
        let w = Matrix(rows: rows, columns: weights.count, columnMajor: weights.flatMap(\.weights))
        let t1 = try w.multiplied(by: try solveTypeI(demands), transposeSelf: true)
        let t2 = try solveTypeII(demands).map { try w.multiplied(by: $0, transposeSelf: true) }
        return (0..<demands.columns).map { c in
            var typeI: [EffectMeasure: [EffectPlace: Double]] = [:]
            var typeII: [EffectMeasure: [EffectPlace: Double]]? = t2 == nil ? nil : [:]
            for (k, entry) in weights.enumerated() {
                typeI[entry.measure, default: [:]][entry.place] = t1[k, c]
                if let t2 { typeII?[entry.measure, default: [:]][entry.place] = t2[k, c] }
            }
            return EffectTotals(typeI: typeI, typeII: typeII)
        }
    }

    /// Totals for one demand vector.
    public func totals(_ demand: [Double]) throws -> EffectTotals {
        try totals(Matrix(rows: demand.count, columns: 1, columnMajor: demand))[0]
    }
}

extension RegionalEffectModel {
    /// The inter-industry coefficient block: A (n × n) or A₂ (2n × 2n).
    var coefficientBlock: Matrix {
        switch self {
        case .single(let m): return m.technicalCoefficients
        case .twoRegion(let m): return m.coefficients
        }
    }

    /// The household border for Type II (nil without it).
    var householdBorder: HouseholdBorder? {
        switch self {
        case .single(let m):
            guard let closure = m.closure else { return nil }
            let n = m.sectorCount
            return HouseholdBorder(
                consumption: Matrix(rows: n, columns: 1, columnMajor: closure.consumption),
                income: Matrix(rows: 1, columns: n, columnMajor: closure.income),
                ownBlock: Matrix(rowMajor: [[1 - closure.householdOwn]]))
        case .twoRegion(let m):
            return m.householdBorder
        }
    }
}
