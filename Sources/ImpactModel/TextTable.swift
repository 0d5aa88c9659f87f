#if canImport(Glibc)
import Glibc
#endif

/// A small, exact RFC 4180 reader for the model's input files (IO tables,
/// concordances, margin tables, demand vectors), read whole.
///
/// The multi-gigabyte transaction logs go through TransactionIO's byte-level
/// scanner instead; this reader favours clear errors, but keeps fields as byte ranges
/// into the file and decodes them only when asked, so a 10,000-sector table (10⁸ cells)
/// loads without a `String` per cell: `number(_:)` parses digits straight from the bytes.
///
/// Handles: a UTF-8 byte-order mark, LF or CRLF, quoted fields with doubled
/// quotes, delimiters and newlines inside quotes, and `#` comment lines (a line
/// whose first byte is `#`). Each record keeps the 1-based line it starts on.
struct TextTable {
    /// One record: its line and its byte span in the shared buffer. Fields are found
    /// on demand (`split()`), so a table of 10⁸ cells keeps no per-cell index.
    struct Record {
        /// 1-based line number where the record starts.
        let line: Int
        /// The file's bytes (shared by all records: copy-on-write, never copied).
        let bytes: [UInt8]
        /// The record spans bytes[start ..< end] (without its line end).
        let start: Int
        let end: Int

        /// The record's fields as byte ranges (quote-aware; quoted fields keep their quotes,
        /// a trailing CR is dropped). One pass over the record.
        func split() -> Fields {
            var ranges: [Range<Int>] = []
            bytes.withUnsafeBufferPointer { b in
                var fieldStart = start
                var inQuotes = false
                var i = start
                while i < end {
                    // Safe: start ≤ i < end ≤ b.count (the span comes from the parser).
                    let c = b[i]
                    if c == UInt8(ascii: "\"") {
                        inQuotes.toggle()  // a doubled quote toggles twice
                    } else if c == UInt8(ascii: ","), !inQuotes {
                        ranges.append(fieldStart..<TextTable.trimmedEnd(b, fieldStart, i))
                        fieldStart = i + 1
                    }
                    i += 1
                }
                ranges.append(fieldStart..<TextTable.trimmedEnd(b, fieldStart, end))
            }
            return Fields(bytes: bytes, ranges: ranges)
        }

        /// The first field, decoded, without splitting the rest of the record.
        var firstField: String {
            var i = start
            var inQuotes = false
            while i < end {
                if bytes[i] == UInt8(ascii: "\"") { inQuotes.toggle() } else if bytes[i] == UInt8(ascii: ","), !inQuotes { break }
                i += 1
            }
            return TextTable.decode(bytes, start..<TextTable.trimmedEnd(bytes, start, i))
        }

        /// All fields, decoded (for short records: concordances, headers, demand files).
        var fields: [String] { split().strings }

        /// The number of fields, counted without recording where they are.
        var fieldCount: Int {
            bytes.withUnsafeBufferPointer { b in
                var count = 1
                var inQuotes = false
                for i in start..<end {
                    // Safe: start ≤ i < end ≤ b.count.
                    if b[i] == UInt8(ascii: "\"") { inQuotes.toggle() } else if b[i] == UInt8(ascii: ","), !inQuotes { count += 1 }
                }
                return count
            }
        }
    }

    /// The fields of one record.
    struct Fields {
        let bytes: [UInt8]
        let ranges: [Range<Int>]

        var count: Int { ranges.count }

        /// Field k, decoded (quotes removed, doubled quotes undone).
        subscript(_ k: Int) -> String { TextTable.decode(bytes, ranges[k]) }

        var strings: [String] { ranges.map { TextTable.decode(bytes, $0) } }

        /// Field k as a number: `parseNumericCell`'s rules, with a fast path for plain
        /// unquoted decimals (`123`, `-4.5e-3`) that reads the bytes directly (correctly
        /// rounded: integers of up to 15 digits exactly, others through `strtod`).
        func number(_ k: Int) -> Double? {
            if let v = TextTable.fastNumber(bytes, ranges[k]) { return v }
            return parseNumericCell(self[k])
        }
    }

    /// The comment lines (without the leading `#`, trimmed), in order.
    let comments: [String]
    /// The non-empty, non-comment records, in order.
    let records: [Record]

    /// Parses `text`; `source` names the file in errors.
    init(text: String, source: String) throws(IOTableError) {
        try self.init(bytes: Array(text.utf8), source: source)
    }

    /// Splits UTF-8 `bytes` into records; `source` names the file in errors.
    init(bytes input: [UInt8], source: String) throws(IOTableError) {
        var bytes = input
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        var comments: [String] = []
        var spans: [(line: Int, start: Int, end: Int)] = []
        var failure: IOTableError?
        bytes.withUnsafeBufferPointer { b in
            let n = b.count
            var i = 0
            var line = 1
            // Safe (every b[…] below): indices are checked against n before use.
            while i < n {
                if b[i] == UInt8(ascii: "#") {
                    var j = i + 1
                    while j < n && b[j] != UInt8(ascii: "\n") { j += 1 }
                    var end = j
                    if end > i + 1 && b[end - 1] == UInt8(ascii: "\r") { end -= 1 }
                    comments.append(String(decoding: UnsafeBufferPointer(rebasing: b[(i + 1)..<end]), as: UTF8.self).trimmingWhitespace())
                    i = j + 1
                    line += 1
                    continue
                }
                let startLine = line, recordStart = i
                var field = 1
                var fieldStart = i
                var inQuotes = false
                var fieldWasQuoted = false
                var recordEnd = n
                scan: while i < n {
                    let c = b[i]
                    if inQuotes {
                        if c == UInt8(ascii: "\"") {
                            if i + 1 < n && b[i + 1] == UInt8(ascii: "\"") { i += 2; continue }
                            inQuotes = false
                        } else if c == UInt8(ascii: "\n") {
                            line += 1
                        }
                        i += 1
                        continue
                    }
                    switch c {
                    case UInt8(ascii: "\""):
                        if i == fieldStart && !fieldWasQuoted {
                            inQuotes = true
                            fieldWasQuoted = true
                        } else {
                            failure = IOTableError(
                                .malformedCSV, file: source, line: line, column: field,
                                message: "a quote inside an unquoted field",
                                hint: "quote the whole field and double any quote inside it (\"\"), as RFC 4180 requires")
                            return
                        }
                    case UInt8(ascii: ","):
                        field += 1
                        fieldStart = i + 1
                        fieldWasQuoted = false
                    case UInt8(ascii: "\n"):
                        recordEnd = i
                        line += 1
                        i += 1
                        break scan
                    default:
                        break
                    }
                    i += 1
                }
                if inQuotes {
                    failure = IOTableError(
                        .malformedCSV, file: source, line: startLine, column: field,
                        message: "a quoted field is never closed",
                        hint: "add the closing quote; the file may be truncated")
                    return
                }
                let end = TextTable.trimmedEnd(b, recordStart, recordEnd)
                var blank = true
                for t in recordStart..<end where b[t] != UInt8(ascii: " ") && b[t] != UInt8(ascii: "\t") && b[t] != UInt8(ascii: "\r") {
                    blank = false
                    break
                }
                if !blank { spans.append((startLine, recordStart, end)) }
            }
        }
        if let failure { throw failure }
        self.comments = comments
        let shared = bytes
        self.records = spans.map { Record(line: $0.line, bytes: shared, start: $0.start, end: $0.end) }
    }

    /// End of a field without the CR of a CRLF line end.
    static func trimmedEnd(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Int {
        var e = end
        while e > start && bytes[e - 1] == UInt8(ascii: "\r") { e -= 1 }  // Safe: start ≤ e − 1 < end ≤ count.
        return e
    }

    static func trimmedEnd(_ bytes: [UInt8], _ start: Int, _ end: Int) -> Int {
        bytes.withUnsafeBufferPointer { trimmedEnd($0, start, end) }
    }

    /// The text of bytes[range]: a quoted field loses its quotes and doubled quotes
    /// become one; text after the closing quote is kept (as the reader always did).
    static func decode(_ bytes: [UInt8], _ range: Range<Int>) -> String {
        guard !range.isEmpty, bytes[range.lowerBound] == UInt8(ascii: "\"") else {
            return String(decoding: bytes[range], as: UTF8.self)
        }
        var out: [UInt8] = []
        var i = range.lowerBound + 1
        while i < range.upperBound {
            if bytes[i] == UInt8(ascii: "\"") {
                if i + 1 < range.upperBound && bytes[i + 1] == UInt8(ascii: "\"") { out.append(UInt8(ascii: "\"")); i += 2; continue }
                i += 1
                continue
            }
            out.append(bytes[i])
            i += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// A plain decimal number in bytes[range], or nil to take the slow path.
    static func fastNumber(_ bytes: [UInt8], _ range: Range<Int>) -> Double? {
        let length = range.count
        guard length > 0, length < 64 else { return nil }
        return bytes.withUnsafeBufferPointer { b -> Double? in
            // Safe: range lies inside the buffer (ranges come from `split`).
            var i = range.lowerBound
            let end = range.upperBound
            var negative = false
            if b[i] == UInt8(ascii: "-") || b[i] == UInt8(ascii: "+") {
                negative = b[i] == UInt8(ascii: "-")
                i += 1
            }
            var integer: Int64 = 0
            var digits = 0
            var plainInteger = true
            var sawDigit = false
            var j = i
            while j < end {
                let c = b[j]
                if c >= 48 && c <= 57 {
                    sawDigit = true
                    if digits < 15 { integer = integer * 10 + Int64(c - 48) } else { plainInteger = false }
                    digits += 1
                } else if c == UInt8(ascii: ".") || c == UInt8(ascii: "e") || c == UInt8(ascii: "E")
                            || ((c == UInt8(ascii: "-") || c == UInt8(ascii: "+")) && j > i && (b[j - 1] | 0x20) == UInt8(ascii: "e")) {
                    plainInteger = false
                } else {
                    return nil  // spaces, thousands separators, quotes, text: the slow path decides
                }
                j += 1
            }
            guard sawDigit else { return nil }
            if plainInteger { return negative ? -Double(integer) : Double(integer) }
            // strtod on a NUL-terminated copy: correctly rounded.
            var buffer = [CChar](repeating: 0, count: length + 1)
            for t in 0..<length { buffer[t] = CChar(bitPattern: b[range.lowerBound + t]) }
            return buffer.withUnsafeMutableBufferPointer { p -> Double? in
                guard let base = p.baseAddress else { return nil }
                var endPointer: UnsafeMutablePointer<CChar>?
                let v = strtod(base, &endPointer)
                guard let endPointer, endPointer - base == length, v.isFinite else { return nil }
                return v
            }
        }
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
