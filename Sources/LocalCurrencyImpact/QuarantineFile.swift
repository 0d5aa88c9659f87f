import TransactionIO

/// Collects quarantined rows and writes them as CSV
/// (`file,line,column,reason,raw`), raw bytes kept as text where they are UTF-8
/// and hex-escaped (`\xNN`) where they are not. A row longer than
/// `QuarantinedRow.rawLimit` bytes shows its start and `… (cut: the first K of N bytes)`.
public final class QuarantineFile {
    public private(set) var rows: [QuarantinedRow] = []
    /// Most rows kept in memory; further rows are counted but not written.
    public let limit: Int
    public private(set) var dropped: Int64 = 0

    public init(limit: Int = 1_000_000) { self.limit = limit }

    public func add(_ row: QuarantinedRow) {
        if rows.count < limit { rows.append(row) } else { dropped += 1 }
    }

    public func csv() -> String {
        var out = "file,line,column,reason,raw\n"
        for r in rows {
            var raw = Self.text(r.raw)
            if r.rawLength > r.raw.count { raw += " … (cut: the first \(r.raw.count) of \(r.rawLength) bytes)" }
            out += ImpactReports.CSVWriter.row([r.file, String(r.line), r.column.map(String.init) ?? "", r.reason.rawValue, raw])
        }
        if dropped > 0 { out += "# \(dropped) further quarantined rows not listed (limit \(limit))\n" }
        return out
    }

    static func text(_ raw: [UInt8]) -> String {
        if let s = String(validating: raw, as: UTF8.self), !s.contains("\0") { return s }
        var out = ""
        for b in raw {
            if b >= 0x20 && b < 0x7F { out.unicodeScalars.append(Unicode.Scalar(b)) } else {
                let hex = String(b, radix: 16)
                out += "\\x" + (hex.count == 1 ? "0" : "") + hex
            }
        }
        return out
    }
}
