import Foundation
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
        options.regions.digits = 5
        let (fast, fastBad) = try fastAggregates(Array(long.utf8), options: options)
        let (reference, referenceBad) = try referenceAggregates(Array(long.utf8), options: options)
        #expect(fastBad.isEmpty && referenceBad.isEmpty)
        #expect(sameResults(fast, expected) && sameResults(reference, expected))
        // Without the option the 10-digit codes stay as written.
        let (asWritten, _) = try fastAggregates(Array(long.utf8), options: ScanOptions(chunkSize: 1 << 16, threads: threads))
        #expect(asWritten.flows.keys.allSatisfy { $0.merchantRegion >= 1_000_000_000 })
    }

    /// Renames after the cut: a log across 강원특별자치도's start (2023-06-11) holds 춘천시 as
    /// 42110 and as 51110 (and here a 10-digit 법정동 code of it); one rename joins them. A
    /// rename is one step: a code renamed to 51110 is not renamed again by a 51110 line.
    @Test(arguments: [1, 2])
    func renamesJoinARegionWhoseCodeChanged(threads: Int) throws {
        let text = """
            ts,consumer_region,merchant_region,ksic,amount
            2023-06-01 10:00:00,42110,42110,56111,100
            2023-06-20 10:00:00,51110,51110,56111,200
            2023-06-21 10:00:00,4211010100,51110,56111,300
            2023-06-22 10:00:00,42130,42110,56111,400

            """
        func flows(_ renames: [Int64: Int64]) throws -> [String: Int64] {
            var options = ScanOptions(chunkSize: 16, threads: threads)
            options.regions = RegionCodeRules(digits: 5, renames: renames)
            let (fast, _) = try fastAggregates(Array(text.utf8), options: options)
            let (reference, _) = try referenceAggregates(Array(text.utf8), options: options)
            #expect(sameResults(fast, reference))
            return Dictionary(uniqueKeysWithValues: fast.flows.map { ("\($0.key.consumerRegion)>\($0.key.merchantRegion)", $0.value.netAmount) })
        }
        #expect(try flows([42110: 51110]) == ["51110>51110": 600, "42130>51110": 400])
        #expect(try flows([42110: 51110, 51110: 99999]) == ["51110>51110": 100, "99999>99999": 200, "51110>99999": 300, "42130>51110": 400])
    }

    @Test func renameFilesLoadOrNameTheLine() throws {
        let dir = "/tmp/lcimpact-region-map-\(getpid())"
        mkdir(dir, 0o755)
        defer { _ = try? FileManager.default.removeItem(atPath: dir) }
        func write(_ name: String, _ text: String) -> String {
            let path = dir + "/" + name
            FileManager.default.createFile(atPath: path, contents: Data(text.utf8))
            return path
        }
        let good = write("good.csv", "\u{FEFF}# 강원특별자치도 (2023-06-11)\r\nfrom,to\r\n42110,51110\r\n\n42130, 51130\n")
        #expect(try RegionCodeRules.loadRenames(path: good) == [42110: 51110, 42130: 51130])
        let twice = write("twice.csv", "42110,51110\n42110,51111\n")
        let error = #expect(throws: ScanError.self) { try RegionCodeRules.loadRenames(path: twice) }
        #expect(error?.line == 2 && error?.message.contains("renamed twice") == true)
        let bad = write("bad.csv", "old,new\n42110,5111x\n")
        let badError = #expect(throws: ScanError.self) { try RegionCodeRules.loadRenames(path: bad) }
        #expect(badError?.line == 2 && badError?.file == bad && badError?.hint.contains("42110,51110") == true)
    }
}
