import LinearAlgebra

/// A two-region interregional input–output model — the region studied (R) and the rest
/// of the nation (S) — solved jointly, so that every effect splits into what stays in
/// the region, what spills over to the rest of the nation, and (through the import
/// coefficients) what leaks abroad, with interregional feedback (Miller & Blair 2009,
/// §3.3: the interregional model; feedback in §3.3.4).
///
/// Coefficients (2n × 2n), built from the national coefficients A and the trading
/// coefficients of both regions (`Regionalization` of R and of S = nation − R):
///
///     A₂ = [[Aᴿᴿ, Aᴿˢ], [Aˢᴿ, Aˢˢ]],  Aᴿᴿ = A∘Tᴿ, Aˢᴿ = A − Aᴿᴿ, Aˢˢ = A∘Tˢ, Aᴿˢ = A − Aˢˢ.
///
/// Each region's column of purchases, over both origins, is the national column, so
/// summing the two regions' outputs gives exactly the single-region national result:
/// [I I]·(I − A₂)⁻¹ = (I − A)⁻¹·[I I]. (The LQ estimates decide only where inputs come
/// from, not how much is used.) Type II closes both regions' households: households of
/// R earn the compensation paid by R's sectors and buy national consumption coefficients
/// h_c, a share tᴿ^hh of each product in R and the rest in S (and vice versa), so the
/// closed model also adds up to the national closed model.
///
/// Per-unit coefficients (value added, compensation, employment, imports from abroad,
/// net taxes) are the national ones in both regions.
public struct TwoRegionModel: Sendable {
    public let region: Regionalization
    public let rest: Regionalization
    /// A₂ (2n × 2n): R's sectors first, then S's.
    public let coefficients: Matrix
    /// Output of R and S (table units).
    public let regionOutput: [Double]
    public let restOutput: [Double]
    /// National per-unit coefficients (v, h, e, m, t), n each.
    public let valueAddedCoefficients: [Double]
    public let incomeCoefficients: [Double]?
    public let employmentCoefficients: [Double]?
    public let importCoefficients: [Double]?
    public let taxCoefficients: [Double]?
    /// LU of (I − A₂), and of the closed (2n + 2) system when Type II is available.
    let open: LUFactorization
    let closed: LUFactorization?
    /// Why Type II is unavailable, when it is.
    public let typeIIUnavailableReason: String?
    /// The household border of the closed system: consumption columns C (2n × 2), income
    /// rows H (2 × 2n) and the 2 × 2 households' own block (I − diag(h_h))
    /// (nil without Type II).
    let householdBorder: HouseholdBorder?

    public var sectorCount: Int { region.sectorCount }
    public var hasTypeII: Bool { closed != nil }
    public var units: MoneyUnit { region.national.units }

    /// The two-region model of a regionalization (R) and the rest of the nation
    /// regionalized the same way.
    public init(regionalization: Regionalization) throws(IOTableError) {
        guard let rest = try regionalization.restOfNation() else {
            throw IOTableError(.inconsistentTotals, file: regionalization.sizes.source,
                               message: "the region is the whole nation, so there is no rest of the nation to model",
                               hint: "give the region's own employment by sector, not the nation's")
        }
        try self.init(region: regionalization, rest: rest)
    }

    /// The two-region model from a user-supplied regional table (for example a Bank of
    /// Korea provincial table of intra-regional flows) and the national table: the
    /// region's coefficients come from the regional table (capped at the national ones),
    /// the rest of the nation's and the households' trading coefficients from output
    /// location quotients of the chosen method.
    public init(national: IOTable, regional: IOTable, method: LocationQuotientMethod = .flq,
                delta: Double = LocationQuotientMethod.defaultDelta) throws(IOTableError) {
        guard regional.sectorCodes == national.sectorCodes else {
            throw IOTableError(.sectorMismatch, file: regional.source,
                               message: "the regional table's sectors differ from the national table's",
                               hint: "use tables with the same sector codes in the same order")
        }
        var region = try Regionalization(
            national: national, sizes: RegionalSectorSizes(measure: .output, values: regional.totalOutput, source: regional.source),
            method: method, delta: delta)
        let n = national.sectorCount
        var r = Matrix(rows: n, columns: n), t = Matrix(rows: n, columns: n)
        for j in 0..<n where regional.totalOutput[j] > 0 {
            for i in 0..<n {
                let a = region.nationalCoefficients[i, j]
                let rij = min(regional.flows[i, j] / regional.totalOutput[j], a)
                r[i, j] = rij
                t[i, j] = a > 0 ? rij / a : 1
            }
        }
        region.regionalCoefficients = r
        region.tradingCoefficients = t
        guard let rest = try region.restOfNation() else {
            throw IOTableError(.inconsistentTotals, file: regional.source,
                               message: "the regional table's output equals the nation's, so there is no rest of the nation",
                               hint: "use a regional table for part of the nation")
        }
        try self.init(region: region, rest: rest)
    }

    init(region: Regionalization, rest: Regionalization) throws(IOTableError) {
        let n = region.sectorCount
        let a = region.nationalCoefficients
        var a2 = Matrix(rows: 2 * n, columns: 2 * n)
        for j in 0..<n {
            for i in 0..<n {
                let rr = region.regionalCoefficients[i, j], ss = rest.regionalCoefficients[i, j]
                a2[i, j] = rr                      // R → R
                a2[n + i, j] = a[i, j] - rr        // S → R (R's inflows from S)
                a2[n + i, n + j] = ss              // S → S
                a2[i, n + j] = a[i, j] - ss        // R → S
            }
        }
        let national = region.national
        let x = national.totalOutput
        let perUnit: ([Double]) -> [Double] = { values in (0..<n).map { x[$0] > 0 ? values[$0] / x[$0] : 0 } }
        var m = Matrix.identity(2 * n)
        for j in 0..<(2 * n) { for i in 0..<(2 * n) { m[i, j] -= a2[i, j] } }
        do {
            self.open = try LUFactorization(m)
        } catch let error as LinearAlgebraError {
            throw LeontiefModel.translate(error, table: national)
        } catch {
            throw IOTableError(.singular, file: national.source, message: "\(error)", hint: "check the tables")
        }
        self.region = region
        self.rest = rest
        self.coefficients = a2
        self.regionOutput = region.regionalOutput
        self.restOutput = (0..<n).map { max(0, x[$0] - region.regionalOutput[$0]) }
        self.valueAddedCoefficients = perUnit(national.valueAdded)
        self.incomeCoefficients = national.compensation.map(perUnit)
        self.employmentCoefficients = national.employment.map(perUnit)
        self.importCoefficients = national.imports.map(perUnit)
        self.taxCoefficients = national.taxes.map(perUnit)

        // Type II: two household sectors (2n: R's households, 2n + 1: S's).
        guard let hcColumn = national.householdColumn, let h = incomeCoefficients,
              let income = national.householdIncome, income > 0 else {
            self.closed = nil
            self.householdBorder = nil
            self.typeIIUnavailableReason = national.householdColumn == nil
                ? "the national table has no 'household' final-demand column" : "the national table has no 'compensation' row"
            return
        }
        let consumption = (0..<n).map { national.finalDemand[$0, hcColumn] / income }
        let own = (national.compensationInFinalDemand?[hcColumn] ?? 0) / income
        var closedMatrix = Matrix.identity(2 * n + 2)
        for j in 0..<(2 * n) { for i in 0..<(2 * n) { closedMatrix[i, j] -= a2[i, j] } }
        for j in 0..<n {
            closedMatrix[2 * n, j] -= h[j]              // R's households earn from R's sectors
            closedMatrix[2 * n + 1, n + j] -= h[j]      // S's from S's
        }
        for i in 0..<n {
            let tR = region.householdPurchaseCoefficients[i], tS = rest.householdPurchaseCoefficients[i]
            closedMatrix[i, 2 * n] -= consumption[i] * tR                // R's households buy in R
            closedMatrix[n + i, 2 * n] -= consumption[i] * (1 - tR)      //   and the rest in S
            closedMatrix[n + i, 2 * n + 1] -= consumption[i] * tS        // S's households buy in S
            closedMatrix[i, 2 * n + 1] -= consumption[i] * (1 - tS)      //   and the rest in R
        }
        closedMatrix[2 * n, 2 * n] -= own
        closedMatrix[2 * n + 1, 2 * n + 1] -= own
        var c = Matrix(rows: 2 * n, columns: 2), hRows = Matrix(rows: 2, columns: 2 * n)
        for i in 0..<(2 * n) {
            c[i, 0] = -closedMatrix[i, 2 * n]
            c[i, 1] = -closedMatrix[i, 2 * n + 1]
            hRows[0, i] = -closedMatrix[2 * n, i]
            hRows[1, i] = -closedMatrix[2 * n + 1, i]
        }
        let border = HouseholdBorder(consumption: c, income: hRows, ownBlock: Matrix(rowMajor: [[1 - own, 0], [0, 1 - own]]))
        if let lu = try? LUFactorization(closedMatrix),
           let check = try? lu.solve([Double](repeating: 1, count: 2 * n + 2), transposed: true),
           check.allSatisfy({ $0.isFinite && $0 >= 1 - 1e-9 }) {
            self.closed = lu
            self.householdBorder = border
            self.typeIIUnavailableReason = nil
        } else {
            self.closed = nil
            self.householdBorder = nil
            self.typeIIUnavailableReason = "the household-closed two-region model is not productive"
        }
    }

    /// Type I outputs (2n × k) for demands (2n × k: R's final demand on top, S's below).
    public func solveTypeI(_ demands: Matrix) throws -> Matrix {
        try open.solve(demands)
    }

    /// Type II outputs (first 2n rows of L̄₂·(demands; 0; 0)); nil without Type II.
    public func solveTypeII(_ demands: Matrix) throws -> Matrix? {
        guard let closed else { return nil }
        let rows = 2 * sectorCount
        var extended = Matrix(rows: rows + 2, columns: demands.columns)
        for c in 0..<demands.columns { for i in 0..<rows { extended[i, c] = demands[i, c] } }
        let solved = try closed.solve(extended)
        var result = Matrix(rows: rows, columns: demands.columns)
        for c in 0..<demands.columns { for i in 0..<rows { result[i, c] = solved[i, c] } }
        return result
    }

    /// The full interregional inverse L₂ = (I − A₂)⁻¹ (2n × 2n), for checks and reports.
    public func fullInverse() throws -> Matrix {
        try open.inverse()
    }
}
