import TransactionIO

/// Collects the quarantined rows a scan lists (the first 100,000 or 32 MiB of them, in file
/// order: `QuarantineListing`) and writes them as CSV (`file,line,column,reason,raw`), raw
/// bytes kept as text where they are UTF-8 and hex-escaped (`\xNN`) where they are not. A row
/// longer than `QuarantinedRow.rawLimit` bytes shows its start and `… (cut: the first K of N bytes)`.
public final class QuarantineFile {
    public private(set) var rows: [QuarantinedRow] = []

    public init() {}

    public func add(_ row: QuarantinedRow) { rows.append(row) }

    /// The CSV; with the scan's count of quarantined rows, a last line says how many were
    /// counted but not listed (under the scan's `limits`).
    public func csv(quarantinedTotal: Int64? = nil, limits: QuarantineListing = QuarantineListing()) -> String {
        var out = "file,line,column,reason,raw\n"
        for r in rows {
            var raw = Self.text(r.raw)
            if r.rawLength > r.raw.count { raw += " … (cut: the first \(r.raw.count) of \(r.rawLength) bytes)" }
            out += ImpactReports.CSVWriter.row([r.file, String(r.line), r.column.map(String.init) ?? "", r.reason.rawValue, raw])
        }
        if let total = quarantinedTotal, total > Int64(rows.count) {
            out += "# \(total - Int64(rows.count)) further quarantined rows not listed (the file lists the first "
                + "\(limits.rowLimit) rows or \(limits.byteLimit >> 20) MiB of them, --quarantine-rows and --quarantine-mib; "
                + "the scan summary counts every row by reason)\n"
        }
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
