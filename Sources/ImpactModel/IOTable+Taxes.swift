extension IOTable {
    /// Value-added component codes read as net taxes on production (Bank of Korea
    /// 순생산물세 / 생산세, Eurostat "taxes less subsidies on production"), case-insensitive.
    public static let taxComponentCodes: Set<String> = [
        "net_taxes", "taxes", "net_taxes_on_production", "taxes_on_production", "indirect_taxes",
        "taxes_less_subsidies", "net_indirect_taxes",
    ]

    /// Net taxes on production by sector (table units): the sum of the value-added
    /// components named in `taxComponentCodes`; nil when the table has none. Part of value added.
    public var taxes: [Double]? {
        let rows = valueAddedComponents.filter { Self.taxComponentCodes.contains($0.code.lowercased()) }
        guard !rows.isEmpty else { return nil }
        var sum = [Double](repeating: 0, count: sectorCount)
        for row in rows { for j in 0..<sectorCount { sum[j] += row.values[j] } }
        return sum
    }
}
