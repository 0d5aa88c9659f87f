/// Renders rows as a fixed-width text table for terminals: text columns left
/// aligned, numbers right aligned.
public enum TextTableRenderer {
    public static func render(header: [String], rows: [[String]], numericColumns: Set<Int>) -> String {
        var widths = header.map(\.count)
        for row in rows {
            for (k, cell) in row.enumerated() where k < widths.count { widths[k] = max(widths[k], cell.count) }
        }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { k, cell in
                let padding = String(repeating: " ", count: max(0, widths[k] - cell.count))
                return numericColumns.contains(k) ? padding + cell : cell + padding
            }.joined(separator: "  ").trimmingTrailingSpaces() + "\n"
        }
        var out = line(header)
        out += line(widths.map { String(repeating: "-", count: $0) })
        for row in rows { out += line(row) }
        return out
    }

    /// Fixed decimals, with thousands separators for large numbers; "-" for nil.
    public static func number(_ v: Double?, decimals: Int) -> String {
        guard let v, v.isFinite else { return "-" }
        let negative = v < 0
        let scale = pow10(decimals)
        // Beyond Int64 (|v|·10^decimals ≥ 2⁶³) print Swift's shortest exact form instead of grouping.
        if abs(v) * scale >= 9.2e18 { return "\(v)" }
        let rounded = (abs(v) * scale).rounded()
        let integer = Int64(rounded / scale)
        let fraction = Int64(rounded - Double(integer) * scale)
        var digits = String(integer)
        var grouped = ""
        while digits.count > 3 {
            grouped = "," + digits.suffix(3) + grouped
            digits.removeLast(3)
        }
        grouped = digits + grouped
        if decimals > 0 {
            let f = String(fraction)
            grouped += "." + String(repeating: "0", count: decimals - f.count) + f
        }
        return (negative && rounded != 0 ? "-" : "") + grouped
    }

    static func pow10(_ n: Int) -> Double {
        var r = 1.0
        for _ in 0..<n { r *= 10 }
        return r
    }
}

extension String {
    func trimmingTrailingSpaces() -> String {
        var s = self
        while s.last == " " { s.removeLast() }
        return s
    }
}
