import LinearAlgebra

extension IOTable {
    /// A SYNTHETIC, balanced, productive table of `sectors` sectors for benchmarks,
    /// tests and comparisons (not statistics): each column j spends a share
    /// 0.2–0.7 of its output on intermediate inputs spread over about 20 random
    /// supplier sectors plus its own, 15 % of the rest on imports and half of the
    /// remainder on compensation; final demand is the row residual, 60 % of it
    /// household consumption; employment 2–20 persons per 10³ table units.
    /// Deterministic for a seed (SplitMix64). Money in million won.
    public static func synthetic(sectors n: Int, seed: UInt64) -> IOTable {
        var rng = SplitMix64(seed: seed)
        func next() -> UInt64 { rng.next() }
        func unit() -> Double { rng.nextUnit() }
        var x = (0..<n).map { _ in 1_000 + 99_000 * unit() }
        var z = Matrix(rows: n, columns: n)
        let suppliers = min(n, 20)
        for j in 0..<n {
            let share = 0.2 + 0.5 * unit()
            var picks: [(Int, Double)] = [(j, unit())]
            for _ in 0..<suppliers { picks.append((Int(next() % UInt64(n)), unit())) }
            let total = picks.reduce(0) { $0 + $1.1 }
            for (i, w) in picks { z[i, j] += share * x[j] * w / total }
        }
        // Row residuals must be non-negative: raise output where sales exceed it.
        let sales = z.rowSums
        for i in 0..<n where sales[i] > 0.9 * x[i] {
            let newX = sales[i] / 0.9
            // Scaling x[i] changes only column i's coefficients downward; keep the flows.
            x[i] = newX
        }
        var f = Matrix(rows: n, columns: 2)
        for i in 0..<n {
            let residual = x[i] - sales[i]
            f[i, 0] = 0.6 * residual
            f[i, 1] = residual - f[i, 0]
        }
        let inputs = z.columnSums
        var imports = [Double](repeating: 0, count: n), comp = imports, surplus = imports, jobs = imports
        for j in 0..<n {
            let rest = x[j] - inputs[j]
            imports[j] = 0.15 * rest
            comp[j] = 0.5 * (rest - imports[j])
            surplus[j] = rest - imports[j] - comp[j]
            jobs[j] = x[j] * (0.002 + 0.018 * unit())
        }
        let codes = (0..<n).map { "S\($0 + 1)" }
        return IOTable(
            source: "synthetic(\(n), seed \(seed))", units: MoneyUnit(parsing: "million won"), sectorCodes: codes,
            sectorLabels: codes.map { "Synthetic sector \($0)" }, flows: z, finalDemandNames: ["household", "exports"],
            finalDemand: f, totalOutput: x, imports: imports, valueAdded: (0..<n).map { comp[$0] + surplus[$0] },
            valueAddedComponents: [("compensation", "Compensation of employees", comp), ("operating_surplus", "Operating surplus", surplus)],
            compensation: comp, compensationInFinalDemand: [0, 0], employment: jobs,
            householdIncome: comp.reduce(0, +), householdColumn: 0, warnings: [])
    }

    /// The table as CSV in the documented layout (SampleData/README.md).
    public func csv() -> String {
        String(decoding: csvBytes(), as: UTF8.self)
    }

    /// The table as CSV bytes. Numbers are written exactly: integers without decimals,
    /// other values in Swift's shortest round-trip form, so reading the file back gives
    /// the same doubles. Built in one byte buffer (a 10,000-sector table has 10⁸ cells).
    public func csvBytes(comments: [String] = []) -> [UInt8] {
        let n = sectorCount, k = finalDemandNames.count
        var out: [UInt8] = []
        out.reserveCapacity(n * (n + k + 3) * 3)
        func text(_ s: String) { out.append(contentsOf: s.utf8) }
        func num(_ v: Double) {
            if v == 0 { out.append(UInt8(ascii: "0")); return }
            if v == v.rounded() && abs(v) < 1e15 { text(String(Int64(v))) } else { text("\(v)") }
        }
        func quote(_ s: String) -> String {
            s.contains(",") || s.contains("\"") ? "\"" + s.split(separator: "\"", omittingEmptySubsequences: false).joined(separator: "\"\"") + "\"" : s
        }
        func row(_ code: String, _ label: String, _ values: [Double], tail: [Double]?) {
            text(quote(code) + "," + quote(label))
            for v in values { out.append(UInt8(ascii: ",")); num(v) }
            if let tail { for v in tail { out.append(UInt8(ascii: ",")); num(v) } } else { text(String(repeating: ",", count: k)) }
            text(",\n")
        }
        text("# units: \(units.label)\n")
        for comment in comments { text("# " + comment.split(separator: "\n").joined(separator: " ") + "\n") }
        text("code,label," + (sectorCodes + finalDemandNames).map(quote).joined(separator: ",") + ",total_output\n")
        flows.withUnsafeBufferPointer { z in
            for i in 0..<n {
                text(quote(sectorCodes[i]) + "," + quote(sectorLabels[i]))
                for j in 0..<n {
                    out.append(UInt8(ascii: ","))
                    num(z[i + j * n])  // Safe: i, j < n.
                }
                for c in 0..<k { out.append(UInt8(ascii: ",")); num(finalDemand[i, c]) }
                out.append(UInt8(ascii: ","))
                num(totalOutput[i])
                out.append(UInt8(ascii: "\n"))
            }
        }
        if let imports { row("imports", "Imports", imports, tail: importsInFinalDemand) }
        if let importsFromRestOfNation {
            row("imports_rest_of_nation", "Imports from the rest of the nation (part of imports)", importsFromRestOfNation, tail: nil)
        }
        for c in valueAddedComponents {
            let fd = c.code == "compensation" ? (compensationInFinalDemand ?? []) : []
            row(c.code, c.label, c.values, tail: fd.count == k ? fd : nil)
        }
        if valueAddedComponents.isEmpty { row("value_added", "Value added", valueAdded, tail: nil) }
        if let employment { row("employment", "Employment (persons)", employment, tail: nil) }
        return out
    }
}
