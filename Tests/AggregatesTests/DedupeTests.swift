import Testing
import TransactionIO
@testable import Aggregates

@Suite("Duplicate transaction ids (--dedupe)")
struct DedupeTests {
    static let log = """
        tx_id,ts,consumer_id,consumer_region,merchant_id,merchant_region,ksic,amount,channel,status
        T1,2024-01-05 10:00:00,C1,47111,M1,47111,56111,12000,card,approved
        T2,2024-01-05 11:00:00,C2,47111,M1,47111,56111,3000,card,approved
        T1,2024-01-05 10:00:00,C1,47111,M1,47111,56111,12000,card,approved
        T3-a-very-long-transaction-identifier-0001,2024-01-06 11:00:00,C2,47111,M1,47111,56111,500,card,approved
        T3-a-very-long-transaction-identifier-0002,2024-01-06 11:00:00,C2,47111,M1,47111,56111,500,card,approved
        T2,2024-01-07 09:00:00,C2,47111,M1,47111,56111,3000,card,approved
        T3-a-very-long-transaction-identifier-0001,2024-01-06 11:00:00,C2,47111,M1,47111,56111,500,card,approved
        """

    @Test func repeatsAreQuarantinedAndExcluded() throws {
        let bytes = Array(Self.log.utf8)
        for threads in [1, 2] {
            var options = ScanOptions(chunkSize: 64, threads: threads)
            options.dedupe = true
            var bad: [QuarantinedRow] = []
            let a = try bytes.withUnsafeBytes { try ScanAggregates.scan(bytes: $0, file: "d.csv", options: options) { bad.append($0) } }
            #expect(a.netAmount == 16000)
            #expect(a.rows.read == 7 && a.rows.accepted == 4 && a.rows.quarantined == 3)
            #expect(bad.map(\.line) == [4, 7, 8])
            #expect(bad.allSatisfy { $0.reason == .duplicateTransaction && $0.column == 1 })
            #expect(a.duplicatesChecked)
            let reference = try bytes.withUnsafeBytes { try ScanAggregates.referenceScan(bytes: $0, file: "d.csv", options: options) }
            #expect(sameResults(a, reference))
        }
        let unchecked = try bytes.withUnsafeBytes { try ScanAggregates.scan(bytes: $0, file: "d.csv") }
        #expect(unchecked.netAmount == 31500 && !unchecked.duplicatesChecked)
    }

    @Test func dedupeNeedsATransactionIdColumn() {
        var options = ScanOptions()
        options.dedupe = true
        let bytes = Array("ts,consumer_region,merchant_region,ksic,amount\n2024-01-01 00:00:00,1,1,1,1\n".utf8)
        let error = #expect(throws: ScanError.self) {
            try bytes.withUnsafeBytes { try ScanAggregates.scan(bytes: $0, file: "n.csv", options: options) }
        }
        #expect(error?.message.contains("--dedupe needs a tx_id column") == true)
    }

    @Test func checkedFlagSurvivesStateFiles() throws {
        var options = ScanOptions()
        options.dedupe = true
        let bytes = Array(Self.log.utf8)
        let a = try bytes.withUnsafeBytes { try ScanAggregates.scan(bytes: $0, file: "d.csv", options: options) }
        let back = try ScanAggregates(serialized: a.serialized(), source: "s")
        #expect(back.duplicatesChecked && back == a)
        let plain = try bytes.withUnsafeBytes { try ScanAggregates.scan(bytes: $0, file: "e.csv") }
        #expect(!(a + plain).duplicatesChecked)
    }
}
