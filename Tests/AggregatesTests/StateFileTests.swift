import Testing
import TransactionIO
@testable import Aggregates

@Suite("Aggregate state files")
struct StateFileTests {
    static func sample() throws -> ScanAggregates {
        let bytes = hostileLog(rows: 200, seed: 77)
        return try bytes.withUnsafeBytes { try ScanAggregates.scan(bytes: $0, file: "h.csv") }
    }

    @Test func roundTrip() throws {
        let a = try Self.sample()
        let b = try ScanAggregates(serialized: a.serialized(), source: "state.bin")
        #expect(a == b)
    }

    /// The bytes of a state file depend only on the aggregates: not on the thread count, the
    /// chunk size, or which worker met a consumer first (workers take chunks in turn).
    @Test func bytesDoNotDependOnThreadsOrChunks() throws {
        var log: [UInt8] = []
        SyntheticLogGenerator(rows: 30_000, seed: 21).generate { log += $0 }
        let reference = try log.withUnsafeBytes {
            try ScanAggregates.scan(bytes: $0, file: "g.csv", options: ScanOptions(threads: 1)).serialized()
        }
        for (threads, chunkSize) in [(2, 1 << 16), (3, 10_007), (2, 1 << 20), (4, 4096)] {
            for _ in 0..<2 {
                let bytes = try log.withUnsafeBytes {
                    try ScanAggregates.scan(bytes: $0, file: "g.csv", options: ScanOptions(chunkSize: chunkSize, threads: threads)).serialized()
                }
                #expect(bytes == reference, "threads \(threads), chunk \(chunkSize)")
            }
        }
    }

    @Test func mergedStatesEqualTheMergedAggregates() throws {
        let a = try Self.sample()
        let bytes = Array(hostileLog(rows: 150, seed: 78))
        let other = try bytes.withUnsafeBytes { try ScanAggregates.scan(bytes: $0, file: "g.csv") }
        let viaFiles = try ScanAggregates(serialized: a.serialized(), source: "a") + ScanAggregates(serialized: other.serialized(), source: "b")
        #expect(viaFiles == a + other)
    }

    @Test func everySingleByteCorruptionIsRefused() throws {
        let good = try Self.sample().serialized()
        // Flip one byte at a spread of offsets: each must be refused, never misread.
        for offset in stride(from: 0, to: good.count, by: max(1, good.count / 300)) {
            var bad = good
            bad[offset] ^= 0x5A
            #expect(throws: ScanError.self, "offset \(offset)") { try ScanAggregates(serialized: bad, source: "bad.bin") }
        }
    }

    @Test func truncatedWrongMagicAndVersionAreNamed() throws {
        let good = try Self.sample().serialized()
        func message(_ bytes: [UInt8]) -> String {
            do {
                _ = try ScanAggregates(serialized: bytes, source: "s.bin")
                return "accepted"
            } catch {
                #expect(error.code == .corruptState)
                return error.message
            }
        }
        #expect(message(Array(good.prefix(good.count - 5))).contains("truncated"))
        #expect(message(Array("not a state file at all".utf8)).contains("magic"))
        var future = good
        future[8] = 2
        #expect(message(future).contains("version 2"))
    }
}
