extension Matrix {
    /// Calls `body` with the column-major elements (element (i, j) at `i + j * rows`).
    /// The pointer is valid only inside the closure. For hot loops over large
    /// matrices in other modules, where the checked subscript's cost per element matters.

    public func withUnsafeBufferPointer<R>(_ body: (UnsafeBufferPointer<Double>) throws -> R) rethrows -> R {
        try storage.withUnsafeBufferPointer(body)
    }

    /// Calls `body` with the mutable column-major elements; the count cannot change.
    /// The pointer is valid only inside the closure.

    public mutating func withUnsafeMutableBufferPointer<R>(_ body: (inout UnsafeMutableBufferPointer<Double>) throws -> R) rethrows -> R {
        try storage.withUnsafeMutableBufferPointer(body)
    }

    /// A `rows × columns` matrix whose column-major elements are written by `initializer`,
    /// which receives a buffer of `rows * columns` zeros.

    public init(rows: Int, columns: Int, initializingWith initializer: (inout UnsafeMutableBufferPointer<Double>) throws -> Void) rethrows {
        self.init(rows: rows, columns: columns)
        try storage.withUnsafeMutableBufferPointer(initializer)
    }

    /// Sum of all elements.
    public var sum: Double { storage.reduce(0, +) }
}
