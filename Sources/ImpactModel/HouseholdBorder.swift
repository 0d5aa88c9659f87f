import LinearAlgebra

/// The household rows and columns that close a model for Type II, kept apart from the
/// inter-industry block so that a perturbed block can be closed again cheaply:
///
///     (I − Ā) = [[M, −C], [−H, D]],   M = I − A (r × r), C (r × k), H (k × r), D (k × k),
///
/// with k household sectors (1 for one region, 2 for two). Given M⁻¹·[F, C] = [X₁, Z],
/// the closed solution is X₂ = X₁ + Z·T with T = (D − H·Z)⁻¹·H·X₁ (block elimination;
/// the Schur complement D − H·Z is k × k).
struct HouseholdBorder: Sendable {
    let consumption: Matrix
    let income: Matrix
    let ownBlock: Matrix

    var households: Int { ownBlock.rows }

    /// X₂ from X₁ (r × m) and Z = M⁻¹·C (r × k), k ≤ 2 (solved directly).
    func close(typeI x1: Matrix, z: Matrix) -> Matrix? {
        let k = households, r = x1.rows, m = x1.columns
        // S = D − H·Z (k × k); rhs = H·X₁ (k × m).
        var schur = ownBlock
        for a in 0..<k { for b in 0..<k { var s = 0.0; for i in 0..<r { s += income[a, i] * z[i, b] }; schur[a, b] -= s } }
        var x2 = x1
        for c in 0..<m {
            var hx = [Double](repeating: 0, count: k)
            for a in 0..<k { for i in 0..<r { hx[a] += income[a, i] * x1[i, c] } }
            let t: [Double]
            if k == 1 {
                guard schur[0, 0] > 0 else { return nil }
                t = [hx[0] / schur[0, 0]]
            } else {
                let det = schur[0, 0] * schur[1, 1] - schur[0, 1] * schur[1, 0]
                guard det != 0, det.isFinite else { return nil }
                t = [(schur[1, 1] * hx[0] - schur[0, 1] * hx[1]) / det, (schur[0, 0] * hx[1] - schur[1, 0] * hx[0]) / det]
            }
            for i in 0..<r { for a in 0..<k { x2[i, c] += z[i, a] * t[a] } }
        }
        return x2
    }
}
