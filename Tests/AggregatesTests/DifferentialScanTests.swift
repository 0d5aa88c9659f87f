import Testing
@testable import TransactionIO
@testable import Aggregates

/// A random log with the features that break naive parsers: quoted fields with
/// delimiters, doubled quotes and newlines, CRLF and LF, blank lines, and bad rows
/// of every kind. Deterministic per seed.
func hostileLog(rows: Int, seed: UInt64) -> [UInt8] {
    var state = seed
    func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    func pick<T>(_ xs: [T]) -> T { xs[Int(next() % UInt64(xs.count))] }
    var out = "tx_id,ts,consumer_id,consumer_region,merchant_id,merchant_region,ksic,amount,note,status\n"
    for k in 0..<rows {
        let eol = next() % 5 == 0 ? "\r\n" : "\n"
        let ts = pick(["2024-01-05 10:00:00", "2024-02-29 23:59:59", "2024-12-01T08:00:00+09:00", "20240615123000"])
        let note = pick(["plain", "\"a, b\"", "\"two\nlines\"", "\"say \"\"hi\"\"\"", "\"\"", "", "\"crlf\r\ninside\"", "포항"])
        let amount = pick(["1000", "25000", "\"12,000\"", "-500", "7"])
        var row = "T\(k),\(ts),C\(next() % 40),\(pick(["47111", "47113", "11110"])),M\(next() % 15),\(pick(["47111", "47113"])),\(pick(["56111", "47121", "85501"])),\(amount),\(note),\(pick(["approved", "cancel", "승인", ""]))"
        switch next() % 25 {
        case 0: row = "T\(k),2023-02-30 10:00:00,C1,47111,M1,47111,56111,100,x,approved"
        case 1: row = "T\(k),2024-01-05 10:00:00,C1,47111,M1,47111,56111,12x,x,approved"
        case 2: row = "T\(k),2024-01-05 10:00:00,C1,47111,M1,47111,56111,100,x"
        case 3: row = "T\(k),2024-01-05 10:00:00,C1,47111,M1,47111,56111,100,x,refunded"
        case 4: row = "T\(k),2024-01-05 10:00:00,C1,47111,M1,47111,56111,100,st\"ray,approved"
        case 5: row = ""
        default: break
        }
        out += row + eol
    }
    return Array(out.utf8)
}

func referenceAggregates(_ bytes: [UInt8], options: ScanOptions = ScanOptions()) throws -> (ScanAggregates, [QuarantinedRow]) {
    var bad: [QuarantinedRow] = []
    let a = try bytes.withUnsafeBytes { try ScanAggregates.referenceScan(bytes: $0, file: "h.csv", options: options) { bad.append($0) } }
    return (a, bad)
}

func fastAggregates(_ bytes: [UInt8], options: ScanOptions, partitionsPerWorker: Int? = nil,
                    minimumFlush: Int? = nil) throws -> (ScanAggregates, [QuarantinedRow]) {
    var bad: [QuarantinedRow] = []
    let a = try bytes.withUnsafeBytes {
        try ScanAggregates.scan(bytes: $0, file: "h.csv", options: options, partitionsPerWorker: partitionsPerWorker,
                                minimumFlush: minimumFlush) { bad.append($0) }
    }
    return (a, bad)
}

@Suite("Parallel scan equals the reference scan")
struct DifferentialScanTests {
    /// The same hostile rows in CP949 (Korean text in fields and statuses): rows valid in the
    /// encoding take the word-at-a-time path, and must give what the reference gives.
    @Test(arguments: [(UInt64(11), 2, 257), (12, 3, 4096)])
    func cp949HostileLogs(seed: UInt64, threads: Int, chunkSize: Int) throws {
        let text = String(decoding: hostileLog(rows: 300, seed: seed), as: UTF8.self)
        let bytes = try #require(TextEncoding.cp949.encode(text))
        let options = ScanOptions(batchSize: 5, encoding: .cp949, chunkSize: chunkSize, threads: threads)
        let (reference, referenceBad) = try referenceAggregates(bytes, options: ScanOptions(encoding: .cp949))
        let (fast, fastBad) = try fastAggregates(bytes, options: options)
        #expect(sameResults(fast, reference))
        #expect(fastBad == referenceBad)
        #expect(reference.rows.accepted > 100)
    }

    /// Consumer partitions flushing in the middle of the scan (a flush of one update and up,
    /// many partitions, many rounds): updates waiting in outboxes and stages across rounds,
    /// applied in any order, give the reference's features exactly.
    @Test(arguments: [(UInt64(21), 2, 3, 1), (22, 3, 7, 5), (23, 2, 16, 64), (24, 1, 4, 1)])
    func consumerFlushesMidScan(seed: UInt64, threads: Int, partitionsPerWorker: Int, minimumFlush: Int) throws {
        var bytes: [UInt8] = []
        SyntheticLogGenerator(rows: 20_000, seed: seed).generate { bytes += $0 }
        bytes += hostileLog(rows: 300, seed: seed).drop { $0 != 0x0A }.dropFirst()  // hostile rows, without their header
        let (reference, referenceBad) = try referenceAggregates(bytes)
        let (fast, fastBad) = try fastAggregates(
            bytes, options: ScanOptions(batchSize: 500, chunkSize: 4096, threads: threads),
            partitionsPerWorker: partitionsPerWorker, minimumFlush: minimumFlush)
        #expect(sameResults(fast, reference), "threads \(threads), \(partitionsPerWorker) partitions per worker")
        #expect(fastBad == referenceBad)
        #expect(fast.consumers.count > 400)  // about 540 consumers, 37 rows each
    }

    @Test(arguments: [(UInt64(1), 1, 64), (2, 2, 100), (3, 3, 257), (4, 2, 4096), (5, 4, 1), (6, 2, 1 << 20)])
    func randomHostileLogs(seed: UInt64, threads: Int, chunkSize: Int) throws {
        let bytes = hostileLog(rows: 300, seed: seed)
        let (reference, referenceBad) = try referenceAggregates(bytes)
        let (fast, fastBad) = try fastAggregates(bytes, options: ScanOptions(batchSize: 7, chunkSize: chunkSize, threads: threads),
                                                 partitionsPerWorker: Int(seed % 3) * 5 + 1)
        #expect(sameResults(fast, reference), "threads \(threads), chunk \(chunkSize)")
        #expect(fastBad == referenceBad)
        #expect(reference.rows.quarantined > 10)  // the test data really has bad rows
        #expect(reference.rows.read == reference.rows.accepted + reference.rows.quarantined)
    }

    /// Chunk boundaries at every byte offset of a small hostile log (two and three
    /// workers): the result never changes.
    @Test func everyChunkBoundary() throws {
        let bytes = hostileLog(rows: 14, seed: 42)
        let (reference, referenceBad) = try referenceAggregates(bytes)
        #expect(reference.rows.read >= 8 && reference.rows.quarantined >= 1)
        for chunkSize in 1...bytes.count {
            for threads in chunkSize % 3 == 0 ? [2, 3] : [2] {
                let (fast, fastBad) = try fastAggregates(bytes, options: ScanOptions(batchSize: 3, chunkSize: chunkSize, threads: threads))
                if !sameResults(fast, reference) || fastBad != referenceBad {
                    Issue.record("chunk size \(chunkSize), \(threads) threads: results differ")
                    return
                }
            }
        }
    }

    @Test func unterminatedQuoteAtTheEndInParallel() throws {
        var bytes: [UInt8] = []
        SyntheticLogGenerator(rows: 60, seed: 9).generate { bytes += $0 }
        bytes += Array("T99,\"2024-01-05 10:00:00,C1,47111,M1,47111,56111,100,x,approved\n".utf8)
        let (reference, referenceBad) = try referenceAggregates(bytes)
        for chunk in [16, 300, 5000] {
            let (fast, fastBad) = try fastAggregates(bytes, options: ScanOptions(chunkSize: chunk, threads: 2))
            #expect(sameResults(fast, reference))
            #expect(fastBad == referenceBad)
        }
        #expect(referenceBad.last?.reason == .unterminatedQuote)
    }
}
