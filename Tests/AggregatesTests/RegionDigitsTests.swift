import Testing
@testable import TransactionIO
@testable import Aggregates

/// `ScanOptions.regionDigits` (`--region-digits`): a log with 10-digit 법정동 codes, cut to 5
/// digits, scans to the aggregates of the same log written with 5-digit 시군구 codes, on the
/// parallel and the reference scan alike.
@Suite("Region codes cut to their first digits")
struct RegionDigitsTests {
    @Test func batchCodesAreCutToTheirFirstDigits() {
        let text = """
            ts,consumer_region,merchant_region,ksic,amount
            2024-01-05 10:00:00,4711110100,47113,56111,100
            2024-01-05 10:00:00,47,1168010300,56111,100
            2024-01-05 10:00:00,123456789012345678,4711125000,56111,100
            """
        let batch = TransactionBatch()
        Array(text.utf8).withUnsafeBytes { raw in
            _ = try? ReferenceLogScanner.scan(bytes: raw, file: "t.csv", onBatch: { batch.append(contentsOf: $0) }, onQuarantine: { _ in })
        }
        #expect(batch.count == 3)
        batch.truncateRegions(toDigits: 5)
        #expect(batch.consumerRegion == [47111, 47, 12345])
        #expect(batch.merchantRegion == [47113, 11680, 47111])
        batch.truncateRegions(toDigits: 2)
        #expect(batch.consumerRegion == [47, 47, 12] && batch.merchantRegion == [47, 11, 47])
    }

    @Test(arguments: [1, 2])
    func tenDigitCodesCutToFiveGiveTheFiveDigitLog(threads: Int) throws {
        var bytes: [UInt8] = []
        SyntheticLogGenerator(rows: 20_000, seed: 17).generate { bytes += $0 }
        let text = String(decoding: bytes, as: UTF8.self)
        // Every 5-digit region code (4 and 5 of the ten fields) gets a 법정동 suffix.
        var long = ""
        for (k, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            if k > 0 && fields.count == 10 {
                fields[3] += String(10_100 + k % 900)
                fields[5] += "25000"
            }
            long += fields.joined(separator: ",") + (k == 0 || !line.isEmpty ? "\n" : "")
        }
        let (expected, _) = try referenceAggregates(bytes)
        var options = ScanOptions(chunkSize: 1 << 16, threads: threads)
        options.regionDigits = 5
        let (fast, fastBad) = try fastAggregates(Array(long.utf8), options: options)
        let (reference, referenceBad) = try referenceAggregates(Array(long.utf8), options: options)
        #expect(fastBad.isEmpty && referenceBad.isEmpty)
        #expect(sameResults(fast, expected) && sameResults(reference, expected))
        // Without the option the 10-digit codes stay as written.
        let (asWritten, _) = try fastAggregates(Array(long.utf8), options: ScanOptions(chunkSize: 1 << 16, threads: threads))
        #expect(asWritten.flows.keys.allSatisfy { $0.merchantRegion >= 1_000_000_000 })
    }
}
