import LinearAlgebra

#if canImport(Glibc)
import Glibc
#endif

/// A region's input coefficients estimated from a national table and the region's
/// sector sizes by location quotients (`LocationQuotientMethod`; Miller & Blair 2009,
/// §8.3; Flegg & Webber 1997).
///
/// With national coefficients A (aᵢⱼ = zᵢⱼ/xⱼ of the national domestic table) and the
/// quotient LQᵢⱼ of the chosen method:
/// - trading coefficients tᵢⱼ = min(1, LQᵢⱼ), the share of sector j's purchases of i that
///   the region supplies itself; regional coefficients rᵢⱼ = aᵢⱼ · tᵢⱼ ≤ aᵢⱼ;
/// - the rest, aᵢⱼ − rᵢⱼ, is bought from the rest of the nation ("interregional imports");
///   the national import coefficient mⱼ stays the region's foreign import coefficient
///   (same technology, same import share as the nation: the LQ methods' assumption);
/// - households are treated as a purchaser whose SLQ is 1 (they are where the jobs are):
///   their purchase coefficient for i is min(1, SLQᵢ) for SLQ and CILQ, min(1, SLQᵢ·λ*)
///   for FLQ and AFLQ — the share of the region's household demand for i met in the region;
/// - regional output: national output × regional / national employment (same labour
///   productivity as the nation), or the regional output given directly.
public struct Regionalization: Sendable {
    public internal(set) var national: IOTable
    public let sizes: RegionalSectorSizes
    public let method: LocationQuotientMethod
    /// δ of the FLQ/AFLQ (ignored by SLQ and CILQ).
    public let delta: Double
    /// National sizes (employment row, or total output), in table order.
    public let nationalSizes: [Double]
    /// TRE / TNE: the region's share of the nation's employment (or output).
    public let regionalShare: Double
    /// λ* = [log₂(1 + TRE/TNE)]^δ, for FLQ and AFLQ; nil otherwise.
    public let lambda: Double?
    /// Simple location quotients SLQᵢ (0 where the region has none of the sector).
    public let slq: [Double]
    /// National technical coefficients A (n × n).
    public let nationalCoefficients: Matrix
    /// tᵢⱼ = min(1, LQᵢⱼ) (n × n).
    public internal(set) var tradingCoefficients: Matrix
    /// rᵢⱼ = aᵢⱼ · tᵢⱼ (n × n).
    public internal(set) var regionalCoefficients: Matrix
    /// Share of the region's household demand for each product supplied in the region.
    public let householdPurchaseCoefficients: [Double]
    /// Regional output by sector, in table units.
    public internal(set) var regionalOutput: [Double]

    /// Number of sectors.
    public var sectorCount: Int { national.sectorCount }

    /// Regionalizes `national` with the region's `sizes`. Throws when the national table
    /// lacks the employment row an employment file needs, or when the region is larger
    /// than the nation in some sector.
    public init(national: IOTable, sizes: RegionalSectorSizes, method: LocationQuotientMethod,
                delta: Double = LocationQuotientMethod.defaultDelta) throws(IOTableError) {
        let n = national.sectorCount
        guard sizes.values.count == n else {
            throw IOTableError(.sectorMismatch, file: sizes.source,
                               message: "the regional file has \(sizes.values.count) sectors, the national table \(n)",
                               hint: "give one value per sector of the national table")
        }
        guard delta.isFinite, delta >= 0 else {
            throw IOTableError(.invalidShare, file: sizes.source, message: "δ = \(delta) is not a number ≥ 0",
                               hint: "use δ between 0.1 and 0.4 (0.3 is the usual default)")
        }
        let nationalSizes: [Double]
        switch sizes.measure {
        case .employment:
            guard let employment = national.employment else {
                throw IOTableError(.missingColumn, file: national.source,
                                   message: "the national table has no employment row, which an employment file needs",
                                   hint: "add the table's employment row, or give regional output (sector,output) instead")
            }
            nationalSizes = employment
        case .output:
            nationalSizes = national.totalOutput
        }
        for j in 0..<n where sizes.values[j] > nationalSizes[j] * (1 + 1e-9) {
            throw IOTableError(.inconsistentTotals, file: sizes.source,
                               message: "the region's \(sizes.measure.rawValue) in sector '\(national.sectorCodes[j])' (\(formatNumber(sizes.values[j]))) exceeds the nation's (\(formatNumber(nationalSizes[j])))",
                               hint: "check the regional file against the national table (same sectors, same units)")
        }
        let totalRegional = sizes.values.reduce(0, +), totalNational = nationalSizes.reduce(0, +)
        guard totalRegional > 0, totalNational > 0 else {
            throw IOTableError(.emptyTable, file: sizes.source, message: "the region's total \(sizes.measure.rawValue) is zero",
                               hint: "give the region's \(sizes.measure.rawValue) by sector")
        }
        let share = totalRegional / totalNational
        let slq = (0..<n).map { i in nationalSizes[i] > 0 ? (sizes.values[i] / totalRegional) / (nationalSizes[i] / totalNational) : 0 }
        let lambda: Double? = method.usesDelta ? Self.lambda(regionalShare: share, delta: delta) : nil

        let model = national
        let x = model.totalOutput
        var a = Matrix(rows: n, columns: n)
        for j in 0..<n where x[j] != 0 { for i in 0..<n { a[i, j] = model.flows[i, j] / x[j] } }
        var t = Matrix(rows: n, columns: n)
        var r = Matrix(rows: n, columns: n)
        for j in 0..<n {
            for i in 0..<n {
                let q = Self.quotient(method: method, slq: slq, lambda: lambda ?? 1, supplier: i, purchaser: j)
                let tij = min(1, q)
                t[i, j] = tij
                r[i, j] = a[i, j] * tij
            }
        }
        let household = slq.map { min(1, $0 * (lambda ?? 1)) }
        let output: [Double]
        switch sizes.measure {
        case .employment:
            output = (0..<n).map { nationalSizes[$0] > 0 ? x[$0] * sizes.values[$0] / nationalSizes[$0] : 0 }
        case .output:
            output = sizes.values
        }
        self.national = national
        self.sizes = sizes
        self.method = method
        self.delta = delta
        self.nationalSizes = nationalSizes
        self.regionalShare = share
        self.lambda = lambda
        self.slq = slq
        self.nationalCoefficients = a
        self.tradingCoefficients = t
        self.regionalCoefficients = r
        self.householdPurchaseCoefficients = household
        self.regionalOutput = output
    }

    /// λ* = [log₂(1 + TRE/TNE)]^δ (Flegg & Webber 1997), in (0, 1] for a region no larger than the nation.
    public static func lambda(regionalShare: Double, delta: Double) -> Double {
        pow(log2(1 + regionalShare), delta)
    }

    /// LQᵢⱼ of `method` for supplier i and purchaser j.
    static func quotient(method: LocationQuotientMethod, slq: [Double], lambda: Double, supplier i: Int, purchaser j: Int) -> Double {
        switch method {
        case .slq:
            return slq[i]
        case .cilq, .flq, .aflq:
            // CILQᵢᵢ = SLQᵢ; a purchaser absent from the region (SLQⱼ = 0) buys nothing there,
            // so its column is irrelevant: take the supplier's SLQ.
            let cilq = (i == j || slq[j] == 0) ? slq[i] : slq[i] / slq[j]
            if method == .cilq { return cilq }
            let flq = cilq * lambda
            if method == .aflq && slq[j] > 1 { return flq * log2(1 + slq[j]) }
            return flq
        }
    }

    /// The region's purchase coefficient for each product: the share of the region's
    /// intermediate demand for i supplied in the region, Σⱼ rᵢⱼ·xⱼᴿ / Σⱼ aᵢⱼ·xⱼᴿ
    /// (the household coefficient where the region has no intermediate demand for i).
    public var regionalPurchaseCoefficients: [Double] {
        let n = sectorCount
        return (0..<n).map { i in
            var local = 0.0, total = 0.0
            for j in 0..<n {
                local += regionalCoefficients[i, j] * regionalOutput[j]
                total += nationalCoefficients[i, j] * regionalOutput[j]
            }
            return total > 0 ? local / total : householdPurchaseCoefficients[i]
        }
    }

    /// Per purchasing sector j: inputs bought from the rest of the nation per unit of
    /// output, Σᵢ (aᵢⱼ − rᵢⱼ).
    public var interregionalImportCoefficients: [Double] {
        let n = sectorCount
        return (0..<n).map { j in (0..<n).reduce(0) { $0 + nationalCoefficients[$1, j] - regionalCoefficients[$1, j] } }
    }

    /// Per sector j: imports from abroad per unit of output (the national mⱼ); nil without an imports row.
    public var foreignImportCoefficients: [Double]? {
        national.imports.map { m in (0..<sectorCount).map { national.totalOutput[$0] > 0 ? m[$0] / national.totalOutput[$0] : 0 } }
    }

    /// The rest of the nation regionalized the same way: its sizes are the nation's minus
    /// the region's (for the two-region model). Nil when the region is the whole nation.
    public func restOfNation() throws(IOTableError) -> Regionalization? {
        let rest = (0..<sectorCount).map { max(0, nationalSizes[$0] - sizes.values[$0]) }
        guard rest.reduce(0, +) > 0 else { return nil }
        return try Regionalization(
            national: national, sizes: RegionalSectorSizes(measure: sizes.measure, values: rest, source: "rest of the nation (national − \(sizes.source))"),
            method: method, delta: delta)
    }
}
