/// What the economy loses if one sector is hypothetically extracted (Miller & Blair 2009,
/// §12.2.5 "hypothetical extraction"; Dietzenbacher & van der Linden 1997; Miller & Lahr 2001).
///
/// - `totalLoss`: sector j removed altogether (its row and column of A, and its final
///   demand): T_j = 1ᵀx − 1ᵀx̄₍ⱼ₎ = xⱼ · (Σᵢ Lᵢⱼ) / Lⱼⱼ (table units) — the closed form follows
///   from the inverse of a partitioned matrix: the other sectors' output falls by L₋ⱼ,ⱼ·xⱼ/Lⱼⱼ;
/// - `backwardLoss`: only j's purchases from the other sectors removed (column j of A set
///   to 0; j still sells): xⱼ · (Σᵢ Lᵢⱼ − 1) / Lⱼⱼ, by the Sherman–Morrison formula;
/// - the shares divide by total output 1ᵀx.
/// x is the table's total output (x = L·f for a balanced table).
public struct SectorExtraction: Sendable, Equatable {
    public let code: String
    public let label: String
    public let totalLoss: Double
    public let totalLossShare: Double
    public let backwardLoss: Double
    public let backwardLossShare: Double
}
