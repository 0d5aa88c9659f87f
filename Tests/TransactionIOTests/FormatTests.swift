import Foundation
import Testing
@testable import TransactionIO

@Suite("Formats: schema mapping, Korean headers, encodings, status words")
struct FormatTests {
    @Test func koreanHeaderPresetAndCancellationFlag() throws {
        let (a, batch, bad) = try scanText("""
            거래번호,거래일시,회원번호,회원거주지코드,가맹점번호,가맹점시군구코드,가맹점업종코드,결제금액,결제수단,취소여부,비고
            1,2024-03-01 09:00:00,C1,47111,M1,47113,56111,10000,카드,N,x
            2,2024-03-01 10:00:00,C1,47111,M1,47113,56111,4000,카드,Y,y
            """)
        #expect(a.read == 2 && a.accepted == 2 && bad.isEmpty)
        #expect(batch.netAmount == [10000, -4000])
        #expect(a.cancellations == 1)
    }

    @Test func explicitMappingAndExtraStatusWords() throws {
        var mapping = SchemaMapping()
        try mapping.apply(assignment: "ts=when")
        try mapping.apply(assignment: "amount=won")
        try mapping.apply(assignment: "status=state")
        mapping.extraCancelled = ["refund"]
        let text = """
            when,consumer_region,merchant_region,ksic,won,state
            20240301090000,47111,47111,47121,500,approved
            20240301090000,47111,47111,47121,200,REFUND
            """
        let (a, batch, _) = try scanText(text, options: ScanOptions(mapping: mapping))
        #expect(a.accepted == 2)
        #expect(batch.netAmount == [500, -200])
        #expect(throws: ScanError.self) { var m = SchemaMapping(); try m.apply(assignment: "price=won") }
        #expect(throws: ScanError.self) { var m = SchemaMapping(); try m.apply(assignment: "amount") }
    }

    /// A mapping file saved on Windows (CRLF, BOM) reads as any other. Up to the fifteenth
    /// session such a file was one line ("\r\n" is one `Character`) and failed on line 1.
    @Test func mappingFilesWithCRLFLineEnds() throws {
        let path = "/tmp/lcimpact-mapping-crlf-\(getpid()).csv"
        let text = "\u{FEFF}canonical,source\r\n# 카드사 추출\r\namount,won\r\nts,when\r\ncancel_values,\"환불,반품\"\r\n"
        #expect(FileManager.default.createFile(atPath: path, contents: Data(text.utf8)))
        defer { unlink(path) }
        let mapping = try SchemaMapping.load(path: path)
        #expect(mapping.explicit == [.amount: "won", .timestamp: "when"])
        #expect(mapping.extraCancelled == ["환불", "반품"])
    }

    @Test func mappedColumnMissingFromHeaderIsNamed() {
        var mapping = SchemaMapping()
        try? mapping.apply(assignment: "amount=결제금액")
        do {
            _ = try scanText("ts,consumer_region,merchant_region,ksic,amount\n", options: ScanOptions(mapping: mapping))
            Issue.record("expected an error")
        } catch {
            #expect(error.message.contains("'결제금액'"))
        }
    }

    /// "거래일시,회원거주지코드,…" and "취소" written in CP949 (EUC-KR) bytes.
    static func cp949Log() -> [UInt8] {
        let header = Iconv.convert(Array("거래일시,회원거주지코드,가맹점시군구코드,가맹점업종코드,결제금액,거래상태,가맹점명\n".utf8), from: "UTF-8", to: "CP949")!
        let row1 = Iconv.convert(Array("2024-05-01 12:00:00,47111,47111,56111,9000,승인,포항 식당\n".utf8), from: "UTF-8", to: "CP949")!
        let row2 = Iconv.convert(Array("2024-05-01 12:05:00,47111,47111,56111,9000,취소,포항 식당\n".utf8), from: "UTF-8", to: "CP949")!
        return header + row1 + row2
    }

    @Test func cp949IsDetectedAndDecoded() throws {
        let bytes = Self.cp949Log()
        let layout = try bytes.withUnsafeBytes { try LogLayout(bytes: $0, file: "kr.csv", options: ScanOptions()) }
        #expect(layout.encoding == .cp949)
        #expect(layout.encodingDetected)
        #expect(layout.header.first == "거래일시")
        let (a, batch, bad) = try scanText(String(decoding: [], as: UTF8.self), rawBytes: bytes)
        #expect(a.accepted == 2 && bad.isEmpty)
        #expect(batch.netAmount == [9000, -9000])
    }

    @Test func invalidBytesAreQuarantinedAsEncodingErrors() throws {
        var bytes = Array("ts,consumer_region,merchant_region,ksic,amount,note\n".utf8)
        bytes += Array("2024-05-01 12:00:00,1,1,1,5,ok\n".utf8)
        bytes += Array("2024-05-01 12:00:00,1,1,1,5,".utf8) + [0xFF, 0xFE] + [0x0A]
        let (a, _, bad) = try scanText("", rawBytes: bytes, options: ScanOptions(encoding: .utf8))
        #expect(a.read == 2 && a.accepted == 1)
        #expect(bad.map(\.reason) == [.invalidEncoding])
        #expect(bad.first?.line == 3)
    }

    @Test func utf8AndCP949Validation() {
        func valid(_ bytes: [UInt8], _ e: TextEncoding) -> Bool { bytes.withUnsafeBytes { e.isValid($0) } }
        #expect(valid(Array("포항".utf8), .utf8))
        #expect(!valid([0xC0, 0x80], .utf8))          // overlong
        #expect(!valid([0xED, 0xA0, 0x80], .utf8))    // surrogate
        #expect(!valid([0xE4, 0xB8], .utf8))          // truncated
        #expect(valid([0xC6, 0xF7, 0xC7, 0xD7], .cp949))  // 포항
        #expect(!valid([0xC6], .cp949))
        #expect(!valid([0x80, 0x41], .cp949))
    }

    @Test func tabAndPipeDelimitersAreDetected() throws {
        for d in ["\t", "|", ";"] {
            let text = ["ts", "consumer_region", "merchant_region", "ksic", "amount"].joined(separator: d) + "\n"
                + ["2024-01-01 00:00:00", "1", "2", "47", "100"].joined(separator: d) + "\n"
            let (a, _, _) = try scanText(text)
            #expect(a.accepted == 1, "delimiter \(d.debugDescription)")
        }
    }
}
