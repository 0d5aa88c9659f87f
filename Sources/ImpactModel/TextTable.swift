/// A small, exact RFC 4180 reader for the model's input files (IO tables,
/// concordances, demand vectors): kilobytes to a few megabytes, read whole.
///
/// The multi-gigabyte transaction logs go through TransactionIO's byte-level
/// scanner instead; this reader favours clear errors over speed.
///
/// Handles: a UTF-8 byte-order mark, LF or CRLF, quoted fields with doubled
/// quotes, delimiters and newlines inside quotes, and `#` comment lines (a line
/// whose first byte is `#`). Each record keeps the 1-based line it starts on.
struct TextTable {
    struct Record {
        /// 1-based line number where the record starts.
        let line: Int
        let fields: [String]
    }

    /// The comment lines (without the leading `#`, trimmed), in order.
    let comments: [String]
    /// The non-empty, non-comment records, in order.
    let records: [Record]

    /// Parses `text`; `source` names the file in errors.
    init(text: String, source: String) throws(IOTableError) {
        var comments: [String] = []
        var records: [Record] = []
        var bytes = Array(text.utf8)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        var i = 0
        var line = 1
        let n = bytes.count
        while i < n {
            // Start of a line.
            if bytes[i] == UInt8(ascii: "#") {
                var j = i + 1
                while j < n && bytes[j] != UInt8(ascii: "\n") { j += 1 }
                var end = j
                if end > i + 1 && bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
                let comment = String(decoding: bytes[(i + 1)..<end], as: UTF8.self)
                comments.append(comment.trimmingWhitespace())
                i = j + 1
                line += 1
                continue
            }
            let startLine = line
            var fields: [String] = []
            var field: [UInt8] = []
            var inQuotes = false
            var fieldWasQuoted = false
            var recordDone = false
            while i < n && !recordDone {
                let b = bytes[i]
                if inQuotes {
                    if b == UInt8(ascii: "\"") {
                        if i + 1 < n && bytes[i + 1] == UInt8(ascii: "\"") {
                            field.append(b)
                            i += 2
                            continue
                        }
                        inQuotes = false
                    } else {
                        if b == UInt8(ascii: "\n") { line += 1 }
                        field.append(b)
                    }
                    i += 1
                    continue
                }
                switch b {
                case UInt8(ascii: "\""):
                    if field.isEmpty && !fieldWasQuoted {
                        inQuotes = true
                        fieldWasQuoted = true
                    } else {
                        throw IOTableError(
                            .malformedCSV, file: source, line: line, column: fields.count + 1,
                            message: "a quote inside an unquoted field",
                            hint: "quote the whole field and double any quote inside it (\"\"), as RFC 4180 requires")
                    }
                case UInt8(ascii: ","):
                    fields.append(String(decoding: field, as: UTF8.self))
                    field.removeAll(keepingCapacity: true)
                    fieldWasQuoted = false
                case UInt8(ascii: "\n"):
                    recordDone = true
                    line += 1
                case UInt8(ascii: "\r"):
                    break  // CR of CRLF (a lone CR is dropped too)
                default:
                    field.append(b)
                }
                i += 1
            }
            if inQuotes {
                throw IOTableError(
                    .malformedCSV, file: source, line: startLine, column: fields.count + 1,
                    message: "a quoted field is never closed",
                    hint: "add the closing quote; the file may be truncated")
            }
            fields.append(String(decoding: field, as: UTF8.self))
            let isBlank = fields.count == 1 && fields[0].trimmingWhitespace().isEmpty
            if !isBlank { records.append(Record(line: startLine, fields: fields)) }
        }
        self.comments = comments
        self.records = records
    }

    /// The value of a `# key: value` comment, if present (key compared case-insensitively).
    func commentValue(_ key: String) -> String? {
        for c in comments {
            guard let colon = c.firstIndex(of: ":") else { continue }
            if c[..<colon].trimmingWhitespace().lowercased() == key.lowercased() {
                return c[c.index(after: colon)...].trimmingWhitespace()
            }
        }
        return nil
    }
}

extension StringProtocol {
    /// The string without leading and trailing spaces, tabs and newlines.
    func trimmingWhitespace() -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        guard let first = firstIndex(where: { !isSpace($0) }) else { return "" }
        let last = lastIndex(where: { !isSpace($0) })!
        return String(self[first...last])
    }
}

/// Parses a numeric cell: empty, `-` or `---` (the usual "nothing" marks) is 0;
/// thousands separators (`1,234`) and surrounding spaces are accepted.
/// Returns nil for anything else, including `NaN` and `inf`, which callers
/// report as errors naming the cell.
func parseNumericCell(_ raw: String) -> Double? {
    var s = raw.trimmingWhitespace()
    if s.isEmpty || s == "-" || s == "---" || s == "–" { return 0 }
    if s.contains(",") { s.removeAll { $0 == "," } }
    guard let v = Double(s), v.isFinite else { return nil }
    // Reject spellings Double accepts but a table should not hold.
    if s.lowercased().contains("n") || s.lowercased().contains("i") { return nil }
    return v
}
