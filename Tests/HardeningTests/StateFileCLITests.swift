import LocalCurrencyImpact
import Testing

/// Corrupted, truncated, version-mismatched and hand-made hostile aggregate state
/// files: refused with a message naming the file and what is wrong, never misread and
/// never a crash — through `lcimpact merge` and the library.
@Suite("Hostile state files")
struct StateFileCLITests {
    static func sampleState() throws -> [UInt8] {
        let (a, _) = try ScanHarness.fast(RandomLog(rows: 120, seed: 5).bytes, file: "sample.csv")
        return a.serialized()
    }

    @Test func mergeRefusesBadFilesNamingThem() throws {
        let dir = Scratch()
        let good = try Self.sampleState()
        let goodPath = dir.write("good.state", bytes: good)
        var flipped = good
        flipped[good.count / 2] ^= 0x20
        var future = good
        future[8] = 2
        let cases: [(String, [UInt8], String)] = [
            ("flipped.state", flipped, "checksum mismatch"),
            ("future.state", future, "state format version 2, but this lcimpact reads version 1"),
            ("cut.state", Array(good.prefix(good.count - 100)), "truncated"),
            ("log.state", Array("ts,consumer_region,merchant_region,ksic,amount\n".utf8), "wrong magic"),
            ("empty.state", [], "wrong magic"),
        ]
        for (name, bytes, reason) in cases {
            let path = dir.write(name, bytes: bytes)
            let r = try CLI.run(["merge", goodPath, path, "--state-out", dir.path + "/merged.state"])
            #expect(r.status == 1, "\(name): \(r.stderr)")
            #expect(r.stderr.contains(path + ": error:") && r.stderr.contains(reason), "\(name): \(r.stderr)")
            #expect(!dir.exists("merged.state"), "\(name): a refused merge wrote its output")
        }
        let missing = try CLI.run(["merge", dir.path + "/nowhere.state"])
        #expect(missing.status == 1 && missing.stderr.contains("nowhere.state") && missing.stderr.contains("cannot open"))
        let directory = try CLI.run(["merge", dir.path])
        #expect(directory.status == 1 && directory.stderr.contains("is a directory"))
        #expect(dir.contents.allSatisfy { !$0.contains(".tmp-") })
    }

    /// A hand-made file with a valid checksum and row counts near Int64.max: summing them
    /// trapped the reader (found by fuzzing); now any count above 2⁵³ is refused.
    @Test func hugeRowCountsAreRefusedNotTrappedOn() throws {
        var state = StateFileBytes(bytes: try Self.sampleState())
        let offset = try #require(state.firstReadCountOffset)
        state.writeU64(UInt64(Int64.max), at: offset)      // read
        state.writeU64(UInt64(Int64.max), at: offset + 8)  // accepted
        state.reseal()
        let error = #expect(throws: ScanError.self) { try ScanAggregates(serialized: state.bytes, source: "huge.state") }
        #expect(error?.code == .corruptState && error?.file == "huge.state")
        #expect(error?.message.contains("row count") == true)
        // Negative counts too.
        state.writeU64(UInt64(bitPattern: -5), at: offset)
        state.reseal()
        #expect(throws: ScanError.self) { try ScanAggregates(serialized: state.bytes, source: "negative.state") }
    }

    /// A hand-made file whose amounts are near Int64.max merges without trapping (sums are
    /// exact modulo 2⁶⁴, see SpendCell.+; a trapping sum crashed `merge`, found by fuzzing).
    @Test func hugeAmountsMergeWithoutTrapping() throws {
        var state = StateFileBytes(bytes: try Self.sampleState())
        let spending = try #require(state.payloadOffset(of: "SPND"))
        state.writeU64(UInt64(Int64.max - 1), at: spending + 8 + 24)  // first cell's net amount
        let merchants = try #require(state.payloadOffset(of: "MRCH"))
        state.writeU64(UInt64(Int64.max - 1), at: merchants + 8 + 8)  // first merchant's net amount
        state.reseal()
        let a = try ScanAggregates(serialized: state.bytes, source: "big.state")
        let doubled = a + a
        #expect(doubled.spending.count == a.spending.count)
        #expect(doubled.spending.values.contains { $0.netAmount == (Int64.max - 1) &* 2 })
        #expect(try ScanAggregates(serialized: doubled.serialized(), source: "d") == doubled)
    }
}
