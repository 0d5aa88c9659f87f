/// Errors from the linear-algebra layer, with LAPACK's `info` turned into
/// something a user can act on.
public enum LinearAlgebraError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The factorization found an exactly zero pivot: the matrix is singular.
    /// `pivot` is 0-based (LAPACK reports it 1-based as `info > 0`).
    case singular(pivot: Int)
    /// LAPACK rejected argument number `argument` (1-based, `info < 0`): a bug in the caller.
    case illegalArgument(routine: String, argument: Int)
    /// A matrix or right-hand side contains NaN or infinity.
    case nonFinite(what: String, row: Int, column: Int)
    /// Shapes that do not fit together.
    case dimensionMismatch(String)
    /// An element is too large for single precision (|v| > 3.4e38), so a mixed-precision
    /// factorization cannot be used; `LUFactorization` (double) can.
    case outOfSinglePrecisionRange(row: Int, column: Int)

    public var description: String {
        switch self {
        case .singular(let pivot):
            return "matrix is singular: zero pivot at row/column \(pivot + 1) of the LU factorization"
        case .illegalArgument(let routine, let argument):
            return "LAPACK \(routine) rejected argument \(argument) (internal error; please report it)"
        case .nonFinite(let what, let row, let column):
            return "\(what) holds NaN or infinity at row \(row + 1), column \(column + 1); check the input cell"
        case .dimensionMismatch(let message):
            return "dimension mismatch: \(message)"
        case .outOfSinglePrecisionRange(let row, let column):
            return "element at row \(row + 1), column \(column + 1) is too large for single precision; use the double-precision factorization"
        }
    }
}
