import LocalCurrencyImpact
import Testing

/// Properties of the scan over random hostile logs (`RandomLog`), many seeds each.
/// They extend Tests/AggregatesTests (fixed settings and splits) with random
/// thread counts, chunk and batch sizes, random file splits, random merge orders
/// and trees, and exact row accounting ("nothing lost").
@Suite("Scan properties on random logs")
struct PropertyTests {
    /// Exact accounting of one scan: every row read is accepted or quarantined, every
    /// quarantined row is reported once, and the reasons reported match the counts.
    static func accountingHolds(_ a: ScanAggregates, _ quarantined: [QuarantinedRow]) -> Bool {
        var reasons: [QuarantineReason: Int64] = [:]
        for row in quarantined { reasons[row.reason, default: 0] += 1 }
        let rows = a.rows
        return rows.read == rows.accepted + rows.quarantined && Int64(quarantined.count) == rows.quarantined
            && reasons == rows.quarantinedByReason.filter { $0.value != 0 }
            && a.rowsByFile.values.allSatisfy { $0.read == $0.accepted + $0.quarantined }
    }

    /// Newline bytes in `records`.
    static func newlines(_ records: ArraySlice<[UInt8]>) -> Int64 {
        records.reduce(0) { $0 + Int64($1.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }) }
    }

    @Test("scan result is independent of thread count, chunk size and batch size", arguments: 1...10)
    func independentOfThreadsAndChunks(seed: UInt64) throws {
        let log = RandomLog(rows: 300, seed: seed)
        let bytes = log.bytes
        let (reference, referenceBad) = try ScanHarness.reference(bytes)
        #expect(Self.accountingHolds(reference, referenceBad))
        var rng = TestRNG(seed: seed &* 7919)
        for _ in 0..<6 {
            let options = ScanOptions(
                batchSize: 1 + Int(rng.next() % 64), chunkSize: rng.pick([1, 7, 64, 65, 333, 4096, 1 << 20]) + Int(rng.next() % 3),
                threads: 1 + Int(rng.next() % 4))
            let (fast, fastBad) = try ScanHarness.fast(bytes, options: options)
            #expect(ScanHarness.same(fast, reference), "seed \(seed): threads \(options.threads), chunk \(options.chunkSize), batch \(options.batchSize)")
            #expect(fastBad == referenceBad, "seed \(seed): quarantined rows differ (threads \(options.threads), chunk \(options.chunkSize))")
            #expect(Self.accountingHolds(fast, fastBad))
        }
    }

    @Test("a log split into files and merged in any order equals the whole log", arguments: 11...20)
    func independentOfFileSplit(seed: UInt64) throws {
        let log = RandomLog(rows: 240, seed: seed, strayQuotes: false)
        let (whole, wholeBad) = try ScanHarness.fast(log.bytes)
        // Nothing lost: every non-blank record is a row read (no stray quotes join records here).
        let nonBlank = log.records.filter { $0 != [0x0A] && $0 != [0x0D, 0x0A] }.count
        #expect(whole.rows.read == Int64(nonBlank))
        var rng = TestRNG(seed: seed)
        let cuts = (0..<(1 + Int(rng.next() % 4))).map { _ in Int(rng.next() % UInt64(log.records.count + 1)) }.sorted()
        let bounds = [0] + cuts + [log.records.count]
        var parts: [(aggregates: ScanAggregates, quarantined: [QuarantinedRow], first: Int)] = []
        for k in 0..<(bounds.count - 1) {
            let options = ScanOptions(chunkSize: 1 + Int(rng.next() % 500), threads: 1 + Int(rng.next() % 3))
            let (a, bad) = try ScanHarness.fast(log.part(bounds[k]..<bounds[k + 1]), file: "part\(k).csv", options: options)
            #expect(Self.accountingHolds(a, bad))
            parts.append((a, bad, bounds[k]))
        }
        // Quarantined rows are the whole log's, at the same lines once the header lines are allowed for.
        var mapped: [QuarantinedRow] = []
        for part in parts {
            let offset = Self.newlines(log.records[0..<part.first])
            mapped += part.quarantined.map {
                QuarantinedRow(file: "log.csv", line: $0.line + offset, column: $0.column, reason: $0.reason, raw: $0.raw,
                               rawLength: $0.rawLength)
            }
        }
        #expect(mapped == wholeBad, "seed \(seed): cuts \(cuts)")
        var order = Array(parts.indices)
        order.shuffle(using: &rng)
        let merged = order.reduce(ScanAggregates()) { $0 + parts[$1].aggregates }
        #expect(ScanHarness.sameTotals(merged, whole), "seed \(seed): cuts \(cuts), merge order \(order)")
    }

    @Test("merge is associative and commutative, also through state files", arguments: 21...26)
    func mergeAlgebra(seed: UInt64) throws {
        let log = RandomLog(rows: 200, seed: seed)
        var rng = TestRNG(seed: seed)
        let cuts = (0..<3).map { _ in Int(rng.next() % UInt64(log.records.count + 1)) }.sorted()
        let bounds = [0] + cuts + [log.records.count]
        let parts = try (0..<4).map { k in try ScanHarness.fast(log.part(bounds[k]..<bounds[k + 1]), file: "p\(k).csv").0 }
        let reference = ((parts[0] + parts[1]) + parts[2]) + parts[3]
        // Every order of the four parts (commutativity).
        func permutations(_ xs: [Int]) -> [[Int]] {
            xs.count <= 1 ? [xs] : xs.indices.flatMap { i in permutations(Array(xs[..<i] + xs[(i + 1)...])).map { [xs[i]] + $0 } }
        }
        for order in permutations([0, 1, 2, 3]) {
            let merged = order.reduce(ScanAggregates()) { $0 + parts[$1] }
            #expect(merged == reference, "seed \(seed): order \(order)")
        }
        // Other bracketings (associativity).
        #expect(parts[0] + (parts[1] + (parts[2] + parts[3])) == reference)
        #expect((parts[0] + parts[1]) + (parts[2] + parts[3]) == reference)
        #expect(parts[0] + ((parts[1] + parts[2]) + parts[3]) == reference)
        // Identity, and state files: merging what was read back equals merging the originals.
        #expect(ScanAggregates() + reference == reference && reference + ScanAggregates() == reference)
        let viaStates = try parts.map { try ScanAggregates(serialized: $0.serialized(), source: "s") }.reduce(ScanAggregates(), +)
        #expect(viaStates == reference)
        #expect(try ScanAggregates(serialized: reference.serialized(), source: "r") == reference)
    }

    /// End to end: `lcimpact scan --quarantine` lists every quarantined row, and the
    /// report's accounting adds up.
    @Test func commandLineLosesNoRow() throws {
        let dir = Scratch()
        let log = RandomLog(rows: 500, seed: 99)
        let path = dir.write("log.csv", bytes: log.bytes)
        let result = try CLI.run(["scan", path, "--format", "json", "--quarantine", dir.path + "/q.csv", "--quiet"])
        #expect(result.status == 0, "\(result.stderr)")
        let (expected, expectedBad) = try ScanHarness.reference(log.bytes, file: path)
        func number(_ key: String) -> Int64? {
            guard let line = result.stdout.split(separator: "\n").first(where: { $0.contains("\"\(key)\":") }) else { return nil }
            return Int64(String(line.split(separator: ":")[1].filter { $0.isNumber || $0 == "-" }))
        }
        #expect(number("read") == expected.rows.read)
        #expect(number("accepted") == expected.rows.accepted)
        #expect(number("quarantined") == expected.rows.quarantined)
        let quarantineFile = QuarantineCSV.records(dir.read("q.csv"))
        #expect(quarantineFile.first == ["file", "line", "column", "reason", "raw"])
        #expect(quarantineFile.count - 1 == expectedBad.count)
        #expect(quarantineFile.dropFirst().map { $0[1] + ":" + $0[3] } == expectedBad.map { "\($0.line):\($0.reason.rawValue)" })
    }
}
