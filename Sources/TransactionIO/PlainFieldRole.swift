/// What the plain-row path does with one field of a row: which canonical column it
/// holds (its value is parsed), or none (the field is only skipped).
enum PlainFieldRole: UInt8 {
    case skip, timestamp, consumerRegion, merchantRegion, industry, amount, status, consumerID, merchantID
    /// The date and the clock time of a timestamp split over two columns (거래일자 + 거래시간);
    /// only the text walker (`TextRowWalker`) reads them.
    case date, time

    /// The roles of the canonical column order (tx_id, ts, consumer_id, consumer_region,
    /// merchant_id, merchant_region, ksic, amount, channel, status), which `CanonicalRowWalker` parses.
    static let canonicalOrder: [PlainFieldRole] =
        [.skip, .timestamp, .consumerID, .consumerRegion, .merchantID, .merchantRegion, .industry, .amount, .skip, .status]

    /// The role of each field of `parser`'s schema, or nil when one field holds two
    /// canonical columns (a mapping may do that; such logs take the block scan). A timestamp
    /// split over two columns gives `date` (the parser's `timestamp` field) and `time` (`clock`).
    static func roles(of parser: RowParser, fieldCount: Int) -> [PlainFieldRole]? {
        var roles = [PlainFieldRole](repeating: .skip, count: fieldCount)
        let assigned: [(Int?, PlainFieldRole)] = [
            (parser.timestamp, parser.clock == nil ? .timestamp : .date), (parser.clock, .time), (parser.consumerRegion, .consumerRegion),
            (parser.merchantRegion, .merchantRegion), (parser.ksic, .industry), (parser.amount, .amount),
            (parser.status, .status), (parser.consumerID, .consumerID), (parser.merchantID, .merchantID),
        ]
        for case let (index?, role) in assigned {
            guard index >= 0 && index < fieldCount && roles[index] == .skip else { return nil }
            roles[index] = role
        }
        return roles
    }
}
