/// A random transaction log with the features that break parsers — quoted fields
/// holding delimiters, doubled quotes, newlines and CRLF; LF and CRLF line ends;
/// blank lines; Korean text; and bad rows of every kind (impossible dates, bad
/// amounts and regions, amounts past Int64, unknown statuses, wrong field counts,
/// stray quotes, invalid UTF-8, NUL bytes) — kept as separate records, so a test
/// can split the log into files at record boundaries. Deterministic per seed.
struct RandomLog {
    static let header = Array("tx_id,ts,consumer_id,consumer_region,merchant_id,merchant_region,ksic,amount,note,status\n".utf8)

    /// Each record's bytes with its line end (the last may have none).
    var records: [[UInt8]] = []

    /// `hostility`: the share of rows made bad. `strayQuotes`: whether a bad row may hold an
    /// unbalanced quote (which joins it to the rows after it, so the log can then not be
    /// split into files at record boundaries without changing what it says).
    init(rows: Int, seed: UInt64, hostility: Double = 0.15, strayQuotes: Bool = true) {
        var rng = TestRNG(seed: seed)
        for k in 0..<rows {
            let eol: [UInt8] = rng.chance(0.3) ? [0x0D, 0x0A] : [0x0A]
            if rng.chance(0.02) {
                records.append(eol)  // a blank line: not a row
                continue
            }
            var fields: [[UInt8]] = [
                Array("T\(k)".utf8),
                Array(rng.pick(["2024-01-05 10:00:00", "2024-02-29 23:59:59", "2024-12-01T08:00:00+09:00", "20240615123000", "2025-03-31 00:00:60"]).utf8),
                Array("C\(rng.next() % 50)".utf8),
                Array(rng.pick(["47111", "47113", "11110", "27260"]).utf8),
                Array("M\(rng.next() % 20)".utf8),
                Array(rng.pick(["47111", "47113", "47130"]).utf8),
                Array(rng.pick(["56111", "47121", "85501", "4", "96112"]).utf8),
                Array(rng.pick(["1000", "25000", "\"12,000\"", "-500", "7", "3000.00", "+90"]).utf8),
                Array(rng.pick(["plain", "\"a, b\"", "\"two\nlines\"", "\"say \"\"hi\"\"\"", "\"\"", "", "\"crlf\r\ninside\"", "포항 식당", "\"\u{FEFF}bom\""]).utf8),
                Array(rng.pick(["approved", "cancel", "승인", "취소", "", "APPROVED"]).utf8),
            ]
            if rng.chance(hostility) {
                switch rng.next() % 13 {
                case 0: fields[1] = Array("2023-02-30 10:00:00".utf8)
                case 1: fields[7] = Array("12x".utf8)
                case 2: fields[7] = Array("99999999999999999999".utf8)
                case 3: fields.removeLast()
                case 4: fields.append(Array("extra".utf8))
                case 5: fields[9] = Array("refunded".utf8)
                case 6: fields[3] = Array("seoul".utf8)
                case 7: fields[8] = strayQuotes ? Array("st\"ray".utf8) : Array("\"closed\"".utf8)
                case 8: fields[8] = [0x61, 0xFF, 0xFE, 0x62]
                case 9: fields[7] = [0x31, 0x00, 0x30]
                case 10: fields[6] = []
                case 11: fields[8] = [0x6E, 0x00, 0x75, 0x6C]
                default: fields[1] = Array("2024-13-01 00:00:00".utf8)
                }
            }
            var record: [UInt8] = []
            for (i, f) in fields.enumerated() {
                if i > 0 { record.append(0x2C) }
                record += f
            }
            records.append(record + eol)
        }
    }

    /// The whole log: header, then every record.
    var bytes: [UInt8] { Self.header + records.joined() }

    /// A log of the header and records `range`.
    func part(_ range: Range<Int>) -> [UInt8] { Self.header + records[range].joined() }
}
