import Testing
import Aggregates
import TransactionIO
@testable import ConsumerAnalytics

@Suite("Regional leakage")
struct RegionalLeakageTests {
    @Test func retentionLeakageAndInflow() throws {
        let text = """
            tx_id,ts,consumer_id,consumer_region,merchant_id,merchant_region,ksic,amount,channel,status
            T1,2024-01-05 10:00:00,C1,47111,M1,47111,56111,6000,card,approved
            T2,2024-01-05 10:00:00,C1,47111,M2,47113,56111,3000,card,approved
            T3,2024-01-05 10:00:00,C1,47111,M3,11110,56111,1000,card,approved
            T4,2024-01-05 10:00:00,C2,27110,M1,47111,56111,2000,card,approved
            T5,2024-01-05 10:00:00,C2,27110,M3,11110,56111,9000,card,approved
            """
        let bytes = Array(text.utf8)
        let a = try bytes.withUnsafeBytes { try ScanAggregates.scan(bytes: $0, file: "t.csv") }
        let city = RegionalLeakage(aggregates: a, regions: [47111, 47113])
        #expect(city.retainedWon == 9000)
        #expect(city.leakedWon == 1000)
        #expect(city.inflowWon == 2000)
        #expect(city.retentionRate == 0.9)
        #expect(abs(city.leakageRate! - 0.1) < 1e-15)
        #expect(city.inflowShare == 2000.0 / 11000.0)
        #expect(city.leakageDestinations.map(\.region) == [11110])
        let nobody = RegionalLeakage(aggregates: a, regions: [99999])
        #expect(nobody.retentionRate == nil && nobody.inflowShare == nil)
    }
}
