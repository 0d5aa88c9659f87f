/// How a source file's header maps onto the canonical columns.
///
/// Each canonical column is looked up, in order, under: an explicit source name
/// (from a mapping file or `--column canonical=source`), its canonical name, and the
/// names of the built-in Korean preset. Names compare case-insensitively, ignoring
/// surrounding spaces and quotes. Extra source columns are ignored.
///
/// The Korean preset (common in card-company and city exports):
/// | canonical | source names |
/// |---|---|
/// | tx_id | 거래번호, 거래ID, 승인번호 |
/// | ts | 거래일시, 결제일시, 승인일시, 거래일자시간 |
/// | consumer_id | 회원번호, 회원ID, 고객번호, 고객ID |
/// | consumer_region | 회원거주지코드, 회원시군구코드, 고객거주지코드, 거주지시군구코드, 거주지코드 |
/// | merchant_id | 가맹점번호, 가맹점ID, 가맹점코드 |
/// | merchant_region | 가맹점시군구코드, 가맹점소재지코드, 가맹점지역코드 |
/// | ksic | 가맹점업종코드, 업종코드, 표준산업분류코드, 산업분류코드 |
/// | amount | 결제금액, 거래금액, 승인금액, 이용금액 |
/// | channel | 결제수단, 결제채널, 상품권종류, 결제유형 |
/// | status | 취소여부 (a Y/N flag), 거래상태, 승인구분, 거래구분 |
/// | date (with time, when there is no ts) | 거래일자, 결제일자, 승인일자, 이용일자, 매출일자 |
/// | time (with date) | 거래시간, 결제시간, 승인시간, 이용시간, 거래시각, 결제시각, 승인시각 |
public struct SchemaMapping: Sendable, Equatable {
    /// Explicit source names, which take precedence over canonical and preset names.
    public var explicit: [CanonicalColumn: String]
    /// Extra status values (added to the defaults).
    public var extraApproved: [String]
    public var extraCancelled: [String]

    public init(explicit: [CanonicalColumn: String] = [:], extraApproved: [String] = [], extraCancelled: [String] = []) {
        self.explicit = explicit
        self.extraApproved = extraApproved
        self.extraCancelled = extraCancelled
    }

    /// The built-in Korean preset.
    public static let koreanPreset: [CanonicalColumn: [String]] = [
        .txID: ["거래번호", "거래ID", "승인번호"],
        .timestamp: ["거래일시", "결제일시", "승인일시", "거래일자시간"],
        .consumerID: ["회원번호", "회원ID", "고객번호", "고객ID"],
        .consumerRegion: ["회원거주지코드", "회원시군구코드", "고객거주지코드", "거주지시군구코드", "거주지코드"],
        .merchantID: ["가맹점번호", "가맹점ID", "가맹점코드"],
        .merchantRegion: ["가맹점시군구코드", "가맹점소재지코드", "가맹점지역코드"],
        .ksic: ["가맹점업종코드", "업종코드", "표준산업분류코드", "산업분류코드"],
        .amount: ["결제금액", "거래금액", "승인금액", "이용금액"],
        .channel: ["결제수단", "결제채널", "상품권종류", "결제유형"],
        .status: ["취소여부", "거래상태", "승인구분", "거래구분"],
        .date: ["거래일자", "결제일자", "승인일자", "이용일자", "매출일자"],
        .time: ["거래시간", "결제시간", "승인시간", "이용시간", "거래시각", "결제시각", "승인시각"],
    ]

    /// Source names of status columns that hold a yes/no cancellation flag.
    public static let cancellationFlagNames: Set<String> = ["취소여부", "cancel_flag", "is_cancelled", "is_canceled", "cancelled"]

    /// Applies `canonical=source` (a `--column` flag).
    public mutating func apply(assignment: String) throws(ScanError) {
        guard let eq = assignment.firstIndex(of: "=") else {
            throw ScanError(.badMapping, file: "--column", message: "'\(assignment)' is not canonical=source",
                            hint: "write for example --column amount=결제금액")
        }
        let name = String(assignment[..<eq]).lowercased()
        let source = String(assignment[assignment.index(after: eq)...])
        guard let column = CanonicalColumn(rawValue: name) else {
            throw ScanError(.badMapping, file: "--column", message: "'\(name)' is not a canonical column",
                            hint: "use one of \(CanonicalColumn.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        explicit[column] = source
    }

    /// Loads a mapping file: CSV rows `canonical,source`, plus optional rows
    /// `approved_values,"A,B"` and `cancel_values,"C,D"`; `#` comments and a
    /// `canonical,source` header line are allowed.
    public static func load(path: String) throws(ScanError) -> SchemaMapping {
        var mapping = SchemaMapping()
        for (line, row) in try SmallTextFile.lines(path: path) {
            let trimmed = row.trimmingCharacters(in: " \t")
            if trimmed.isEmpty || trimmed.hasPrefix("#") || trimmed.lowercased() == "canonical,source" { continue }
            guard let comma = trimmed.firstIndex(of: ",") else {
                throw ScanError(.badMapping, file: path, line: Int64(line), message: "'\(trimmed)' has no comma",
                                hint: "write canonical,source (for example amount,결제금액)")
            }
            let key = trimmed[..<comma].trimmingCharacters(in: " \t\"").lowercased()
            let value = String(trimmed[trimmed.index(after: comma)...]).trimmingCharacters(in: " \t\"")
            switch key {
            case "approved_values": mapping.extraApproved += value.split(separator: ",").map { String($0).trimmingCharacters(in: " ") }
            case "cancel_values", "cancelled_values": mapping.extraCancelled += value.split(separator: ",").map { String($0).trimmingCharacters(in: " ") }
            default:
                guard let column = CanonicalColumn(rawValue: key) else {
                    throw ScanError(.badMapping, file: path, line: Int64(line), message: "'\(key)' is not a canonical column",
                                    hint: "use one of \(CanonicalColumn.allCases.map(\.rawValue).joined(separator: ", ")), approved_values or cancel_values")
                }
                mapping.explicit[column] = value
            }
        }
        return mapping
    }
}
