/// Multipliers of one sector j: effects of one table unit of final demand for j.
///
/// With L = (I − A)⁻¹ and L̄ the household-closed inverse (see `LeontiefModel`):
/// - `outputType1` = Σᵢ Lᵢⱼ (table units of output per unit of final demand);
/// - `valueAdded` = (vL)ⱼ, `incomeType1` = (hL)ⱼ, `imports` = (mL)ⱼ (table units per unit);
/// - `employment` = (eL)ⱼ, persons per table unit of final demand;
/// - `incomeMultiplierType1` = (hL)ⱼ / hⱼ and `employmentMultiplierType1` = (eL)ⱼ / eⱼ,
///   Miller & Blair's Type I ratios (dimensionless);
/// - `outputType2` = Σᵢ₌₁..ₙ L̄ᵢⱼ, `incomeType2` = L̄ₙ₊₁,ⱼ, `incomeMultiplierType2` = L̄ₙ₊₁,ⱼ / hⱼ;
///   `valueAddedType2` = (v L̄)ⱼ and `employmentType2` = (e L̄)ⱼ over the first n rows;
/// - `backwardLinkage` = (Σᵢ Lᵢⱼ) / mean over j, `forwardLinkage` = (Σⱼ Lᵢⱼ) / mean over i
///   (Rasmussen 1956 power of dispersion / sensitivity of dispersion; 영향력계수 / 감응도계수);
///   a key sector has both above 1;
/// - `taxes` = (tL)ⱼ, net taxes on production per unit of final demand (part of value added).
/// Fields are nil where the table lacks the data (for example no employment row) or a
/// ratio's denominator is zero.
public struct SectorMultipliers: Sendable, Equatable {
    public var code: String
    public var label: String
    public var outputType1: Double
    public var valueAdded: Double
    public var incomeType1: Double?
    public var employment: Double?
    public var imports: Double?
    public var incomeMultiplierType1: Double?
    public var employmentMultiplierType1: Double?
    public var outputType2: Double?
    public var valueAddedType2: Double?
    public var incomeType2: Double?
    public var incomeMultiplierType2: Double?
    public var employmentType2: Double?
    public var backwardLinkage: Double
    public var forwardLinkage: Double
    public var taxes: Double? = nil
    public var isKeySector: Bool { backwardLinkage > 1 && forwardLinkage > 1 }
}
