import Foundation
import Testing
@testable import LocalCurrencyImpact

/// A scratch directory removed at the end of the test.
final class ScratchDirectory {
    let path: String
    init() {
        path = NSTemporaryDirectory() + "lcimpact-test-" + UUID().uuidString
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }
    func write(_ name: String, _ text: String) -> String {
        let p = path + "/" + name
        FileManager.default.createFile(atPath: p, contents: Data(text.utf8))
        return p
    }
    deinit { try? FileManager.default.removeItem(atPath: path) }
}

@Suite("End to end")
struct EndToEndTests {
    /// Miller & Blair (2009) Table 2.3 economy in won: spending of 600 won on
    /// sector 1 and 1,500 won on sector 2 in the region must give output
    /// (1247.52, 1841.58) won (§2.3.1).
    @Test func analyzeReproducesMillerBlairFromALog() throws {
        let dir = ScratchDirectory()
        let table = dir.write("mb.csv", """
            # units: won
            code,label,1,2,final_demand,total_output
            1,Sector 1,150,500,350,1000
            2,Sector 2,200,100,1700,2000
            value_added,Payments sector,650,1400,1100,3150
            """)
        let concordance = dir.write("map.csv", "ksic,sector\n10,1\n47,2\n")
        let log = dir.write("log.csv", """
            tx_id,ts,consumer_id,consumer_region,merchant_id,merchant_region,ksic,amount,channel,status
            T1,2024-01-05 10:00:00,C1,47111,M1,47111,10711,400,card,approved
            T2,2024-01-05 10:00:00,C2,47130,M1,47111,10711,200,card,approved
            T3,2024-01-05 10:00:00,C1,47111,M2,47111,47121,1600,card,approved
            T4,2024-01-05 10:00:00,C1,47111,M2,47111,47121,100,card,cancel
            T5,2024-01-05 10:00:00,C1,47111,M3,11110,47121,9999,card,approved
            T6,2024-01-05 10:00:00,C1,47111,M3,47111,99999,50,card,approved
            T7,not-a-time,C1,47111,M3,47111,47121,50,card,approved
            """)
        let quarantine = QuarantineFile()
        let report = try ImpactAnalysis(logPaths: [log], tablePath: table, concordancePath: concordance, regions: [47111])
            .run(quarantine: quarantine)
        #expect(report.rows.read == 7 && report.rows.accepted == 6 && report.rows.quarantined == 1)
        #expect(quarantine.rows.map(\.line) == [8])
        #expect(abs(report.impact.sectors[0].outputType1 - 1247.52) < 0.005)
        #expect(abs(report.impact.sectors[1].outputType1 - 1841.58) < 0.005)
        #expect(report.mapping.unmapped.map(\.code) == ["99999"])
        #expect(report.mapping.unmappedWon == 50)
        #expect(report.leakage.leakedWon == 9999)
        #expect(report.markdown().contains("never add them"))
        #expect(report.warnings.contains { $0.contains("not in the concordance") })
    }

    @Test func tableWithoutWonUnitNeedsAConversionFactor() throws {
        let dir = ScratchDirectory()
        let table = dir.write("t.csv", "# units: dollars\ncode,label,1,f,total_output\n1,S,10,90,100\n")
        let map = dir.write("m.csv", "ksic,sector\n1,1\n")
        let log = dir.write("l.csv", "ts,consumer_region,merchant_region,ksic,amount\n2024-01-01 00:00:00,1,1,1,5\n")
        let analysis = ImpactAnalysis(logPaths: [log], tablePath: table, concordancePath: map, regions: [1])
        let error = #expect(throws: IOTableError.self) { try analysis.run(quarantine: QuarantineFile()) }
        #expect(error?.message.contains("not a won amount") == true)
        var withFactor = analysis
        withFactor.wonPerUnit = 1
        #expect(try withFactor.run(quarantine: QuarantineFile()).mapping.demand == [5])
    }
}
