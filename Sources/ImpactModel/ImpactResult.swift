/// The impact of one final-demand change: by sector and in total.
public struct ImpactResult: Sendable {
    /// The money unit of every monetary field.
    public let units: MoneyUnit
    /// One entry per sector, in table order.
    public let sectors: [SectorImpact]
    /// Sums over sectors (code "total").
    public let total: SectorImpact
    /// Total household income in the closed model, x̄ₙ₊₁ (includes the households'
    /// own purchases of labour); nil without Type II.
    public let householdIncomeType2: Double?
    /// Whether Type II fields are filled.
    public let hasTypeII: Bool
}
