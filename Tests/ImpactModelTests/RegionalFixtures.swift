import LinearAlgebra
@testable import ImpactModel

/// A HAND-MADE three-sector national table (not from a publication) for the
/// location-quotient and two-region tests: Z = [[10, 40, 60], [20, 30, 140], [10, 50, 210]],
/// x = (200, 400, 1000), so A = [[.05, .1, .06], [.1, .075, .14], [.05, .125, .21]];
/// imports (10, 40, 90); compensation (80, 150, 300); employment (100, 200, 700) persons;
/// households buy (50, 100, 300) of total household income 530.
let handNationalTable = """
# units: million won
code,label,a,b,c,household,other,total_output
a,Goods,10,40,60,50,40,200
b,Manufactures,20,30,140,100,110,400
c,Services,10,50,210,300,430,1000
imports,Imports,10,40,90,0,0,
compensation,Compensation,80,150,300,0,0,
operating_surplus,Operating surplus,70,90,200,0,0,
employment,Employment,100,200,700,,,
"""

/// Regional employment for the hand-made table: (5, 30, 15) persons, 5 % of the nation.
let handRegionalEmployment = "sector,employment\na,5\nb,30\nc,15\n"

/// An inverse by Gauss–Jordan elimination with partial pivoting, written out here so
/// that results from LAPACK can be checked against an independent computation.
func gaussJordanInverse(_ m: Matrix) -> Matrix {
    let n = m.rows
    var a = m.rowArrays
    var inv = Matrix.identity(n).rowArrays
    for col in 0..<n {
        let pivot = (col..<n).max { abs(a[$0][col]) < abs(a[$1][col]) }!
        a.swapAt(col, pivot)
        inv.swapAt(col, pivot)
        let p = a[col][col]
        for j in 0..<n { a[col][j] /= p; inv[col][j] /= p }
        for i in 0..<n where i != col {
            let f = a[i][col]
            if f == 0 { continue }
            for j in 0..<n { a[i][j] -= f * a[col][j]; inv[i][j] -= f * inv[col][j] }
        }
    }
    return Matrix(rowMajor: inv)
}

/// Maximum relative difference between two matrices (absolute where the reference is ~0).
func maxRelativeDifference(_ a: Matrix, _ b: Matrix) -> Double {
    zip(a.storage, b.storage).map { abs($0 - $1) / max(abs($1), 1e-12) }.max() ?? 0
}
