/// One accepted row's contribution to its consumer's features, routed to the
/// consumer's partition during a parallel scan.
struct ConsumerUpdate: ConsumerUpdateForm {
    var key: UInt64
    /// Net won (negative for a cancellation).
    var amount: Int64
    /// Seconds since 1970 of the clock time as written.
    var time: Int64
    /// The row's consumer_region.
    var home: Int64
    var hour: UInt8
    var group: UInt8
    /// KSIC division 0–99, or 100 when the code has none.
    var division: UInt8
    /// Whether the merchant's region differs from the row's consumer_region.
    var outside: Bool
}

extension ConsumerUpdate {
    var unpacked: ConsumerUpdate { self }
}
