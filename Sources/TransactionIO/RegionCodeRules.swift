/// How region codes are rewritten before they are aggregated (`--region-digits`,
/// `--region-map`): first cut to their first `digits` digits (10-digit 법정동/행정동 codes to
/// 5-digit 시군구 codes), then renamed by `renames` (old code → new code, one step: a new
/// code is not renamed again). Renames join a region whose code changed during a log: 강원
/// became 강원특별자치도 on 2023-06-11 (42xxx → 51xxx, e.g. 춘천시 42110 → 51110) and 전북 became
/// 전북특별자치도 on 2024-01-18 (45xxx → 52xxx), so a log across either date holds both codes.
public struct RegionCodeRules: Sendable, Equatable {
    /// Cut codes longer than this many digits to their first `digits` (1–18); nil keeps them.
    public var digits: Int?
    /// Old code → new code, applied after the cut.
    public var renames: [Int64: Int64]

    public init(digits: Int? = nil, renames: [Int64: Int64] = [:]) {
        self.digits = digits
        self.renames = renames
    }

    /// Whether the rules leave every code as written.
    public var isIdentity: Bool { digits == nil && renames.isEmpty }

    /// Rewrites `batch`'s consumer and merchant regions in place.
    public func apply(to batch: TransactionBatch) {
        if let digits { batch.truncateRegions(toDigits: digits) }
        if !renames.isEmpty { batch.renameRegions(renames) }
    }

    /// Loads a rename file: CSV lines `old,new` of region codes (1–18 digits), `#` comments, and
    /// an optional header line (`from,to`, `old,new`, …: two fields, neither a code). A code renamed twice, or a field that is
    /// not a code, is an error naming the line.
    public static func loadRenames(path: String) throws(ScanError) -> [Int64: Int64] {
        let lines = try SmallTextFile.lines(path: path)
        func isContent(_ text: String) -> Bool {
            let t = text.trimmingCharacters(in: " \t")
            return !t.isEmpty && !t.hasPrefix("#")
        }
        let firstContentLine = lines.first { isContent($0.text) }?.number
        var renames: [Int64: Int64] = [:]
        for (line, row) in lines where isContent(row) {
            let trimmed = row.trimmingCharacters(in: " \t")
            let fields = trimmed.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: " \t\"") }
            func code(_ s: String) -> Int64? {
                Array(s.utf8).withUnsafeBytes { FieldParsers.region($0) }
            }
            guard fields.count == 2, let from = code(fields[0]), let to = code(fields[1]) else {
                // A header: the first line, two fields, neither of them a code.
                if line == firstContentLine && fields.count == 2 && code(fields[0]) == nil && code(fields[1]) == nil { continue }
                throw ScanError(.badMapping, file: path, line: Int64(line), message: "'\(trimmed)' is not old,new (two region codes of 1–18 digits)",
                                hint: "write one rename a line, for example 42110,51110 (춘천시, 강원 → 강원특별자치도)")
            }
            if let earlier = renames[from], earlier != to {
                throw ScanError(.badMapping, file: path, line: Int64(line), message: "region \(from) is renamed twice (to \(earlier) and to \(to))",
                                hint: "keep one line for each old code")
            }
            renames[from] = to
        }
        return renames
    }
}
