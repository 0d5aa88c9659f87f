import LinearAlgebra

extension LeontiefModel {
    /// Hypothetical extraction of every sector (`SectorExtraction`). Needs the diagonal
    /// of L: solves with (I − A) against the identity in blocks of 512 columns (n solves
    /// in all, O(n³); memory n × 512).
    public func hypotheticalExtraction() throws -> [SectorExtraction] {
        let n = sectorCount
        let x = table.totalOutput
        let columnSums = rowVectors.column(0)
        var diagonal = [Double](repeating: 0, count: n)
        var start = 0
        while start < n {
            let width = min(512, n - start)
            var block = Matrix(rows: n, columns: width)
            for c in 0..<width { block[start + c, c] = 1 }
            let solved = try solve(block)
            for c in 0..<width { diagonal[start + c] = solved[start + c, c] }
            start += width
        }
        let totalOutput = x.reduce(0, +)
        return (0..<n).map { j in
            let total = x[j] * columnSums[j] / diagonal[j]
            let backward = x[j] * (columnSums[j] - 1) / diagonal[j]
            return SectorExtraction(code: table.sectorCodes[j], label: table.sectorLabels[j],
                                    totalLoss: total, totalLossShare: totalOutput > 0 ? total / totalOutput : 0,
                                    backwardLoss: backward, backwardLossShare: totalOutput > 0 ? backward / totalOutput : 0)
        }
    }
}
