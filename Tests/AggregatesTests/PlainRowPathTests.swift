import Testing
@testable import TransactionIO
@testable import Aggregates

/// The plain-row path (`PlainRowContext.parseRow`) takes most rows of a typical log
/// and must give exactly what the reference scanner gives: the same rows accepted with the
/// same values, the same rows quarantined with the same line, column and reason. These logs
/// sit on its edges: field lengths around its 8- and 16-byte loads, carriage returns in and
/// at the end of fields, empty, extra and missing fields, long skipped fields, large
/// amounts, other column orders (a digit field, a timestamp or an id last) and delimiters.
@Suite("Plain-row path equals the reference scan")
struct PlainRowPathTests {
    /// Column orders: the generator's, then ones that put other kinds of field last.
    static let layouts: [[String]] = [
        ["tx_id", "ts", "consumer_id", "consumer_region", "merchant_id", "merchant_region", "ksic", "amount", "channel", "status"],
        ["status", "ts", "consumer_id", "consumer_region", "merchant_id", "merchant_region", "ksic", "note", "amount"],
        ["amount", "consumer_id", "merchant_region", "ksic", "consumer_region", "merchant_id", "ts"],
        ["ts", "amount", "merchant_region", "ksic", "consumer_region", "status", "merchant_id", "consumer_id"],
        // A timestamp split over two columns (the text walker's `date` and `time` roles), each last once.
        ["date", "time", "consumer_id", "consumer_region", "merchant_region", "ksic", "amount", "note", "status"],
        ["time", "amount", "merchant_region", "ksic", "consumer_region", "status", "consumer_id", "date"],
        ["date", "amount", "merchant_region", "ksic", "consumer_region", "status", "consumer_id", "time"],
    ]

    static func log(columns: [String], rows: Int, seed: UInt64, delimiter: String) -> [UInt8] {
        var rng = GeneratorRandom(seed: seed)
        func pick<T>(_ xs: [T]) -> T { xs[Int(rng.next() % UInt64(xs.count))] }
        func value(_ column: String) -> String {
            switch column {
            case "tx_id": return pick(["T1", "T0000000001", "", String(repeating: "x", count: 15), String(repeating: "y", count: 16),
                                       String(repeating: "z", count: 17), String(repeating: "w", count: 40), "T\r1"])
            case "ts": return pick(["2024-01-05 10:00:00", "2024-02-29 23:59:59", "2023-02-29 10:00:00", "2024-13-01 00:00:00",
                                    "2024-01-05 24:00:00", "2024-01-05 10:00:60", "2024-01-05T10:00:00", "20240105100000",
                                    "2024-01-05 10:00:0", "1999-12-31 23:59:59"])
            case "consumer_id", "merchant_id":
                return pick(["C1", "C00318798", "M016922", "", String(repeating: "a", count: 8), String(repeating: "b", count: 15),
                             String(repeating: "c", count: 16), String(repeating: "d", count: 17), "C\r2", "id with space"])
            case "consumer_region", "merchant_region":
                return pick(["47111", "47113", "11110", "4711", "1234567", "12345678", "123456789", "", "4711a", "0",
                             "4711110100", "123456789012345678", "1234567890123456789", "47111101x0"])
            case "ksic": return pick(["56192", "47212", "85501", "5", "A", "12345678", "123456789", "", "56 19"])
            case "amount": return pick(["11810", "1", "0", "1234567", "12345678", "123456789", "1234567890123", "",
                                        "12x", "-500", "+7", "1.5", "0012"])
            case "date": return pick(["20240105", "20240105", "2024-01-05", "2024/02/29", "2024.12.31", "20230229", "2024-1-05",
                                      "20240105 ", "2024-01-05 00:00:00", "", "2024010", "202401055", "19991231"])
            case "time": return pick(["101500", "101500", "10:15:00", "9:05", "0930", "93015", "240000", "10:15:00.5",
                                      "101560", "", "1015000", "10:15:0", "235959"])
            case "status": return pick(["approved", "cancel", "APPROVED", "Approved", "cancelled", "", "refunded", "y", "N"])
            default: return pick(["mobile", "card", "", String(repeating: "n", count: 33), "paper\r"])
            }
        }
        var out = columns.joined(separator: delimiter) + "\n"
        for _ in 0..<rows {
            var fields = columns.map(value)
            switch rng.next() % 20 {
            case 0: fields.append("extra")                  // too many fields
            case 1: fields.removeLast()                     // too few
            case 2: fields = []                             // a blank line
            default: break
            }
            out += fields.joined(separator: delimiter) + pick(["\n", "\n", "\n", "\r\n", "\r\r\n"])
        }
        return Array(out.utf8)
    }

    @Test(arguments: [(0, ","), (1, ","), (2, "\t"), (3, "|"), (0, ";"), (4, ","), (5, "\t"), (6, ";")])
    func edgesGiveTheReferenceResult(layout: Int, delimiter: String) throws {
        let bytes = Self.log(columns: Self.layouts[layout], rows: 3_000, seed: UInt64(layout * 31) + UInt64(delimiter.utf8.first!),
                             delimiter: delimiter)
        let (reference, referenceBad) = try referenceAggregates(bytes)
        for threads in [1, 2] {
            let (fast, fastBad) = try fastAggregates(bytes, options: ScanOptions(batchSize: 64, chunkSize: 4096, threads: threads))
            #expect(sameResults(fast, reference), "layout \(layout), threads \(threads)")
            #expect(fastBad == referenceBad, "layout \(layout), threads \(threads)")
        }
        // Both kinds of row really occur.
        #expect(reference.rows.accepted > 100)
        #expect(reference.rows.quarantined > 100)
        // A split timestamp takes the plain-row path (the text walker), not only the block scan.
        if layout >= 4 {
            let header = Self.layouts[layout].joined(separator: delimiter) + "\n"
            let layout = try Array(header.utf8).withUnsafeBytes { try LogLayout(bytes: $0, file: "h.csv", options: ScanOptions()) }
            let roles = try #require(ChunkParser(layout: layout, batchSize: 64).plainRoles)
            #expect(roles.contains(.date) && roles.contains(.time) && !roles.contains(.timestamp))
        }
    }

    /// The canonical column order gets `CanonicalRowWalker`, whatever the delimiter; any other
    /// order, or a log without one of its optional columns, the general walker. (Both give the
    /// same results: the tests above.)
    @Test func canonicalOrderPicksTheCanonicalWalker() throws {
        func parser(_ header: String) throws -> ChunkParser {
            let bytes = Array((header + "\n").utf8)
            let layout = try bytes.withUnsafeBytes { try LogLayout(bytes: $0, file: "h.csv", options: ScanOptions()) }
            return ChunkParser(layout: layout, batchSize: 64)
        }
        #expect(try parser(Self.layouts[0].joined(separator: ",")).canonicalOrder)
        #expect(try parser(Self.layouts[0].joined(separator: "|")).canonicalOrder)
        for other in Self.layouts.dropFirst() { #expect(try !parser(other.joined(separator: ",")).canonicalOrder) }
        #expect(try !parser("ts,consumer_id,consumer_region,merchant_id,merchant_region,ksic,amount,channel,status").canonicalOrder)
        #expect(try !parser("tx_id,ts,consumer_id,consumer_region,merchant_id,merchant_region,ksic,amount,status,channel").canonicalOrder)
    }

    /// Korean statuses (승인, 취소) take the plain-row path when their bytes are exactly a
    /// vocabulary word in the log's encoding; near misses (a trailing space, half a word, a
    /// broken byte, Korean text in another field) go to the block scan. UTF-8 and CP949.
    @Test(arguments: [TextEncoding.utf8, TextEncoding.cp949])
    func koreanStatuses(encoding: TextEncoding) throws {
        var rng = GeneratorRandom(seed: 12)
        func pick<T>(_ xs: [T]) -> T { xs[Int(rng.next() % UInt64(xs.count))] }
        var text = "tx_id,ts,consumer_id,consumer_region,merchant_id,merchant_region,ksic,amount,channel,status\n"
        for k in 0..<3_000 {
            let status = pick(["승인", "승인", "취소", "승인 ", "승", "approved", "CANCEL", "취소됨", ""])
            let channel = pick(["card", "card", "card", "모바일"])
            text += "T\(k),2024-0\(1 + k % 9)-1\(k % 10) 1\(k % 10):00:00,C\(rng.next() % 50),47111,M\(rng.next() % 20),"
                + "\(pick(["47111", "47113"])),\(pick(["56192", "47212"])),\(1_000 + rng.next() % 9_000),\(channel),\(status)"
                + pick(["\n", "\r\n"])
        }
        var bytes = try #require(encoding.encode(text))
        // A broken byte in a status now and then (a lone lead byte before the newline).
        for k in stride(from: 500, to: bytes.count - 1, by: 7_919) where bytes[k + 1] == 0x0A { bytes[k] = 0xB0 }
        let options = ScanOptions(encoding: encoding)
        let (reference, referenceBad) = try referenceAggregates(bytes, options: options)
        for threads in [1, 2] {
            var fastOptions = options
            fastOptions.threads = threads
            fastOptions.chunkSize = 8_192
            let (fast, fastBad) = try fastAggregates(bytes, options: fastOptions)
            #expect(sameResults(fast, reference), "\(encoding), threads \(threads)")
            #expect(fastBad == referenceBad, "\(encoding), threads \(threads)")
        }
        #expect(reference.rows.accepted > 1_000 && reference.rows.quarantined > 300)
        #expect(reference.rows.cancellations > 100)
    }

    /// A card-company-style export: Korean headers in another column order, compact and ISO
    /// timestamps, Korean merchant names and channels, names quoted on one line (delimiters and
    /// doubled quotes inside, a carriage return after the closing quote), rows with every field
    /// quoted, signed, decimal and separated amounts, which the plain-row path now takes, and
    /// the near misses it must leave to the block scan: a broken byte in a
    /// name, a newline inside quotes, quotes inside an unquoted name, text after a closing quote, a name longer
    /// than a plain row. UTF-8 and CP949, one and two threads, small chunks.
    @Test(arguments: [TextEncoding.utf8, TextEncoding.cp949])
    func koreanExport(encoding: TextEncoding) throws {
        var rng = GeneratorRandom(seed: 31)
        func pick<T>(_ xs: [T]) -> T { xs[Int(rng.next() % UInt64(xs.count))] }
        var text = "거래일시,가맹점번호,가맹점명,가맹점시군구코드,가맹점업종코드,회원번호,회원거주지코드,결제금액,결제수단,취소여부\n"
        for _ in 0..<3_000 {
            let ts = pick(["20240226115009", "20240226115009", "20240226115009", "20241231235959", "2024-02-26 11:50:09",
                           "20240230120000", "20240226245009", "2024-02-26T11:50:09",
                           "2024-02-26T11:50:09+09:00", "2024-02-26 11:50:09.5", "2024022611500", "20240226 115009",
                           "2024-02-26 11:50:09"])
            let name = pick(["포항죽도시장", "포항죽도시장", "해도동 분식", "\"오천읍 식당, 본점\"", "\"오천읍 식당, 본점\"", "\"say \"\"hi\"\" 상회\"", "\"\"", "", "plain",
                             "\"두 줄\n상호\"", "상\"\"호", "\"상호\"뒤", String(repeating: "가", count: 90),
                             "\"\(String(repeating: "나", count: 12))\"", "\"a,b,c\""])
            var fields = [ts, "M\(rng.next() % 30)", name, pick(["47111", "47113"]), pick(["56192", "47212"]), "C\(rng.next() % 60)",
                          pick(["47111", "47113", "11110"]),
                          pick(["1000", "25000", "12x", "7", "3500", "-2500", "12000.00", "-0", "+7", "1.5", "\"12,000\""]),
                          pick(["카드", "모바일", "card", "\"지류\""]), pick(["N", "N", "N", "Y", "n", "예"])]
            // A third of the rows quote every field that is not quoted yet, as some exports do
            // (and then and again a value field holds a doubled quote or a newline).
            if rng.next() % 3 == 0 {
                fields = fields.map { $0.hasPrefix("\"") ? $0 : "\"\($0)\"" }
                if rng.next() % 40 == 0 { fields[3] = "\"47\"\"111\"" }
                if rng.next() % 40 == 0 { fields[9] = "\"N\nY\"" }
            }
            text += fields.joined(separator: ",") + pick(["\n", "\r\n"])
        }
        var bytes = try #require(encoding.encode(text))
        // Now and then a byte of Korean text broken: 0xFF, valid in neither encoding, or an ASCII
        // letter in place of a UTF-8 continuation byte (a character cut short; in CP949 a trail
        // byte may be a letter).
        var k = 400, broken = 0
        while k < bytes.count {
            guard let high = bytes[k...].firstIndex(where: { $0 >= 0x80 }), high + 1 < bytes.count else { break }
            if broken % 2 == 0 { bytes[high] = 0xFF } else if bytes[high + 1] >= 0x80 { bytes[high + 1] = 0x41 }
            broken += 1
            k = high + 2_003
        }
        let options = ScanOptions(encoding: encoding)
        let (reference, referenceBad) = try referenceAggregates(bytes, options: options)
        for threads in [1, 2] {
            var fastOptions = options
            fastOptions.threads = threads
            fastOptions.chunkSize = 4_096
            let (fast, fastBad) = try fastAggregates(bytes, options: fastOptions)
            #expect(sameResults(fast, reference), "\(encoding), threads \(threads)")
            #expect(fastBad == referenceBad, "\(encoding), threads \(threads)")
        }
        #expect(reference.rows.accepted > 800 && reference.rows.quarantined > 800, "\(reference.rows)")
        #expect(referenceBad.contains { $0.reason == .invalidEncoding })
        #expect(reference.rows.cancellations > 50, "\(reference.rows)")
    }

    /// A clean generated log: every row but the last few (within the slack) takes the
    /// plain-row path, and the result is the reference's.
    @Test func generatedLog() throws {
        var bytes: [UInt8] = []
        SyntheticLogGenerator(rows: 20_000, seed: 5).generate { bytes += $0 }
        let (reference, referenceBad) = try referenceAggregates(bytes)
        let (fast, fastBad) = try fastAggregates(bytes, options: ScanOptions(chunkSize: 1 << 16, threads: 2))
        #expect(sameResults(fast, reference))
        #expect(fastBad == referenceBad)
        #expect(reference.rows.accepted == 20_000)
    }
}
