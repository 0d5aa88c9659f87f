import LocalCurrencyImpact
import Testing

/// Inputs the fuzz targets (Fuzz/) found crashes or differences with, minimized by hand,
/// kept so the fixes stay fixed. Each names its target and the fix.
@Suite("Fuzz regressions")
struct FuzzRegressionTests {
    /// FuzzScan: a row with more fields than the header and an unclosed quote. The reference
    /// scanner named the field count capped at header + 1 as the column, the parallel scan the
    /// real field (fixed: RecordReader counts fields past the cap; ReferenceLogScanner uses it).
    @Test func unterminatedQuoteInARowWithTooManyFields() throws {
        let text = "ts,consumer_region,merchant_region,ksic,amount\n2024-01-01 00:00:00,1,1,47,5\na,b,c,d,e,f,g,\"h,i\n"
        for threads in [1, 2, 3] {
            let (a, bad, agree) = try ScanHarness.both(Array(text.utf8), options: ScanOptions(chunkSize: 10, threads: threads))
            #expect(agree)
            #expect(a.rows.accepted == 1)
            #expect(bad.map { "\($0.line):\($0.column ?? 0):\($0.reason.rawValue)" } == ["3:8:unterminated_quote"])
        }
    }

    /// FuzzScan: amounts whose sum passes Int64 trapped in the merge of worker tables
    /// (fixed: SpendCell.+ and MerchantTotals.+ wrap, like SpendCell.add).
    @Test func overflowingSumsAcrossWorkers() throws {
        let row = "2024-01-05 10:00:00,47111,47111,56111,9000000000000000000\n"
        let text = "ts,consumer_region,merchant_region,ksic,amount\n" + String(repeating: row, count: 5)
        let (a, _, agree) = try ScanHarness.both(Array(text.utf8), options: ScanOptions(chunkSize: 60, threads: 3))
        #expect(agree)
        #expect(a.rows.accepted == 5)
        #expect(a.spending.values.first?.netAmount == 9_000_000_000_000_000_000 &* 5)
    }
}
