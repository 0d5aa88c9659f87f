/// Region codes longer than the eight digits the ASCII walkers read in one word: 10-digit
/// 법정동 or 행정동 codes (4711110100), common in card-company data. The text walker reads
/// them here, out of line, with `FieldParsers.region`'s value (1–18 digits), so such a log
/// is not left to the block scan (1 M rows with 10-digit codes: 1,871 instructions a row on
/// the block scan).
extension PlainTextFields {
    /// A region code at `p` (at most 31 bytes, 32 readable from `p`): its value and where the
    /// next field starts.
    @inline(never)
    static func regionField(_ base: UnsafeRawPointer, at p: Int, delimiter: UInt8) -> (value: Int64, next: Int)? {
        guard let n = delimitedShortField(base, at: p, delimiter: delimiter), let value = region(base + p, count: n) else { return nil }
        return (value, p &+ n &+ 1)
    }

    /// `FieldParsers.region` of the `count` bytes at `field`.
    @inline(never)
    static func region(_ field: UnsafeRawPointer, count: Int) -> Int64? {
        FieldParsers.region(UnsafeRawBufferPointer(start: field, count: count))
    }
}
