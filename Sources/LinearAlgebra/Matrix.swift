/// A dense matrix of `Double`, stored column-major (LAPACK's layout).
///
/// Element (i, j) lives at `storage[i + j * rows]`. The type is a value type
/// with copy-on-write storage (it wraps a Swift `Array`), so it can be passed
/// around freely; BLAS and LAPACK see it only inside closures of this module.
public struct Matrix: Sendable, Equatable {
    /// Number of rows.
    public let rows: Int
    /// Number of columns.
    public let columns: Int
    /// Column-major elements; `storage.count == rows * columns`.
    public internal(set) var storage: [Double]

    /// A `rows × columns` matrix with every element equal to `value`.
    public init(rows: Int, columns: Int, repeating value: Double = 0) {
        precondition(rows >= 0 && columns >= 0, "Matrix dimensions must be non-negative")
        self.rows = rows
        self.columns = columns
        self.storage = LargeArray.filled(value, count: rows * columns)
    }

    /// A matrix from column-major elements.
    public init(rows: Int, columns: Int, columnMajor: [Double]) {
        precondition(columnMajor.count == rows * columns, "Element count does not match \(rows)×\(columns)")
        self.rows = rows
        self.columns = columns
        self.storage = columnMajor
    }

    /// A matrix from an array of rows (convenient for literals in tests and examples).
    public init(rowMajor: [[Double]]) {
        let rows = rowMajor.count
        let columns = rowMajor.first?.count ?? 0
        precondition(rowMajor.allSatisfy { $0.count == columns }, "Rows have different lengths")
        var storage = [Double](repeating: 0, count: rows * columns)
        for i in 0..<rows {
            for j in 0..<columns {
                storage[i + j * rows] = rowMajor[i][j]
            }
        }
        self.init(rows: rows, columns: columns, columnMajor: storage)
    }

    /// The `n × n` identity matrix.
    public static func identity(_ n: Int) -> Matrix {
        var m = Matrix(rows: n, columns: n)
        for i in 0..<n { m.storage[i + i * n] = 1 }
        return m
    }

    /// A square matrix with `diagonal` on its diagonal.
    public static func diagonal(_ diagonal: [Double]) -> Matrix {
        var m = Matrix(rows: diagonal.count, columns: diagonal.count)
        for (i, d) in diagonal.enumerated() { m.storage[i + i * diagonal.count] = d }
        return m
    }

    /// Element (i, j), 0-based.
    public subscript(row: Int, column: Int) -> Double {
        get {
            precondition(row >= 0 && row < rows && column >= 0 && column < columns, "Index (\(row), \(column)) out of range")
            return storage[row + column * rows]
        }
        set {
            precondition(row >= 0 && row < rows && column >= 0 && column < columns, "Index (\(row), \(column)) out of range")
            storage[row + column * rows] = newValue
        }
    }

    /// Column `j` as an array.
    public func column(_ j: Int) -> [Double] {
        Array(storage[(j * rows)..<((j + 1) * rows)])
    }

    /// Row `i` as an array.
    public func row(_ i: Int) -> [Double] {
        (0..<columns).map { storage[i + $0 * rows] }
    }

    /// The transpose.
    public var transposed: Matrix {
        var t = Matrix(rows: columns, columns: rows)
        for j in 0..<columns {
            for i in 0..<rows {
                t.storage[j + i * columns] = storage[i + j * rows]
            }
        }
        return t
    }

    /// Rows as arrays (row-major), for printing and serialization.
    public var rowArrays: [[Double]] { (0..<rows).map(row) }

    /// Sum of each column: `1ᵀM`.
    public var columnSums: [Double] {
        (0..<columns).map { j in
            var s = 0.0
            for i in 0..<rows { s += storage[i + j * rows] }
            return s
        }
    }

    /// Sum of each row: `M·1`.
    public var rowSums: [Double] {
        var sums = [Double](repeating: 0, count: rows)
        for j in 0..<columns {
            for i in 0..<rows { sums[i] += storage[i + j * rows] }
        }
        return sums
    }

    /// The first (row, column) holding NaN or ±Inf, if any.
    public var firstNonFinite: (row: Int, column: Int)? {
        guard let k = storage.firstIndex(where: { !$0.isFinite }) else { return nil }
        return (k % max(rows, 1), k / max(rows, 1))
    }
}
