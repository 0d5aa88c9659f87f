/// The effect of a final-demand change on one sector (or the total over sectors).
///
/// Money in the table's units, employment in persons. Type I: Δx = L·Δf and each
/// effect is its direct coefficient times Δx (Δv = v∘Δx, Δh = h∘Δx, Δe = e∘Δx,
/// Δm = m∘Δx, Δt = t∘Δx for net taxes on production). Type II: the same on the first n rows of L̄·(Δf, 0).
/// Output and value added are different measures of one effect — value added is
/// part of output — so they must never be added together.
public struct SectorImpact: Sendable, Equatable {
    public var code: String
    public var label: String
    /// Δf, the final-demand change given.
    public var demand: Double
    public var outputType1: Double
    public var valueAddedType1: Double
    public var incomeType1: Double?
    public var employmentType1: Double?
    public var importsType1: Double?
    public var outputType2: Double?
    public var valueAddedType2: Double?
    public var incomeType2: Double?
    public var employmentType2: Double?
    public var importsType2: Double?
    public var taxesType1: Double? = nil
    public var taxesType2: Double? = nil
}
