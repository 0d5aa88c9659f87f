import LinearAlgebra

extension Regionalization {
    /// The regional table in the foundation layout, so every command reads it:
    ///
    /// - sector rows: Zᴿ = r·diag(xᴿ) (intra-regional flows);
    /// - final demand: `household` = the region's households' purchases of regional output,
    ///   h_cᵢ · Yᴿ · tᵢ^hh (national consumption per unit of household income h_c, regional
    ///   household income Yᴿ, household purchase coefficient t^hh); `other_final_demand` =
    ///   the rest of the row (regional government and investment, and sales to the rest of
    ///   the nation and abroad), so rows balance. Without a household column or a
    ///   compensation row in the national table, one `final_demand` column holds the residual;
    /// - `imports` = (mⱼ + Σᵢ(aᵢⱼ − rᵢⱼ))·xⱼᴿ: everything bought from outside the region, of
    ///   which `imports_rest_of_nation` = Σᵢ(aᵢⱼ − rᵢⱼ)·xⱼᴿ; its household cell is the
    ///   households' purchases from outside the region (Σᵢ h_cᵢ·(1 − tᵢ^hh) plus the nation's
    ///   direct household imports per unit of income, times Yᴿ);
    /// - value-added components, compensation and employment: national coefficients × xᴿ.
    /// Columns balance exactly when the national table does: Σᵢrᵢⱼ + mⱼ + Σᵢ(aᵢⱼ − rᵢⱼ) + vⱼ = 1.
    /// `cappedHouseholdCells` counts rows whose household purchases had to be cut to the row
    /// residual (the region sells less of i than its households would buy locally).
    public func regionalTable(source: String = "regionalized table") -> (table: IOTable, cappedHouseholdCells: Int) {
        let n = sectorCount
        let nat = national
        let x = regionalOutput
        var z = Matrix(rows: n, columns: n)
        for j in 0..<n { for i in 0..<n { z[i, j] = regionalCoefficients[i, j] * x[j] } }
        let perUnit: ([Double]) -> [Double] = { values in (0..<n).map { nat.totalOutput[$0] > 0 ? values[$0] / nat.totalOutput[$0] * x[$0] : 0 } }
        let compensation = nat.compensation.map(perUnit)
        let components = nat.valueAddedComponents.map { (code: $0.code, label: $0.label, values: perUnit($0.values)) }
        let valueAdded = perUnit(nat.valueAdded)
        // Employment: the regional figures themselves when they were the input.
        let employment = sizes.measure == .employment ? sizes.values : nat.employment.map(perUnit)
        let interregional = (0..<n).map { j in interregionalImportCoefficients[j] * x[j] }
        let foreign = nat.imports.map(perUnit) ?? [Double](repeating: 0, count: n)
        let imports = (0..<n).map { foreign[$0] + interregional[$0] }
        let sales = z.rowSums
        let residual = (0..<n).map { x[$0] - sales[$0] }

        var names = ["final_demand"]
        var finalDemand = Matrix(rows: n, columns: 1)
        var compensationFD: [Double]? = compensation.map { _ in [0] }
        var importsFD: [Double] = [0]
        var capped = 0
        var income: Double?
        if let hc = nat.householdColumn, let compensation, let nationalIncome = nat.householdIncome, nationalIncome > 0 {
            // Regional household income: regional compensation plus the households' own
            // purchases of labour scaled like compensation.
            let nationalCompensation = nat.compensation!.reduce(0, +)
            let ratio = nationalCompensation > 0 ? compensation.reduce(0, +) / nationalCompensation : 0
            let ownLabour = (nat.compensationInFinalDemand?[hc] ?? 0) * ratio
            let regionalIncome = compensation.reduce(0, +) + ownLabour
            income = regionalIncome
            names = ["household", "other_final_demand"]
            finalDemand = Matrix(rows: n, columns: 2)
            var householdImports = 0.0
            for i in 0..<n {
                let consumption = nat.finalDemand[i, hc] / nationalIncome * regionalIncome
                var local = consumption * householdPurchaseCoefficients[i]
                if local > max(residual[i], 0) {
                    local = max(residual[i], 0)
                    capped += 1
                }
                finalDemand[i, 0] = local
                finalDemand[i, 1] = residual[i] - local
                householdImports += consumption - local
            }
            let directImports = (nat.importsInFinalDemand?[hc] ?? 0) / nationalIncome * regionalIncome
            importsFD = [householdImports + directImports, 0]
            compensationFD = [ownLabour, 0]
        } else {
            for i in 0..<n { finalDemand[i, 0] = residual[i] }
        }
        let table = IOTable(
            source: source, units: nat.units, sectorCodes: nat.sectorCodes, sectorLabels: nat.sectorLabels, flows: z,
            finalDemandNames: names, finalDemand: finalDemand, totalOutput: x, imports: imports,
            valueAdded: valueAdded, valueAddedComponents: components, compensation: compensation,
            compensationInFinalDemand: compensationFD, employment: employment,
            householdIncome: income, householdColumn: names.count == 2 ? 0 : nil, warnings: [],
            importsFromRestOfNation: interregional, importsInFinalDemand: importsFD)
        return (table, capped)
    }

    /// Comment lines that say how a regional table was made (written at the top of its CSV).
    public var provenance: [String] {
        var lines = [
            "Regionalized from \(national.source) with \(method.rawValue.uppercased()) location quotients (lcimpact regionalize); an estimate, not survey data.",
            "Regional \(sizes.measure.rawValue): \(sizes.source); region's share of the nation TRE/TNE = \(formatNumber(regionalShare)).",
        ]
        if let lambda { lines.append("delta = \(formatNumber(delta)), lambda* = [log2(1 + TRE/TNE)]^delta = \(formatNumber(lambda)).") }
        lines.append("Regional coefficients r_ij = a_ij * min(1, LQ_ij); imports = foreign (national m_j) + from the rest of the nation (imports_rest_of_nation).")
        return lines
    }
}
