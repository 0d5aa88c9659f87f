/// Splits bytes into records and fields one byte at a time — the reference for
/// the SIMD `ChunkParser`, with exactly the same rules:
/// - a quote anywhere toggles "inside quotes"; delimiters and newlines inside quotes
///   belong to the field (so RFC 4180 quoting, doubled quotes and newlines in quoted
///   fields work, and a stray quote makes the row's field count wrong, not silently shifted);
/// - a field's content is its raw bytes, without one CR at the end of the record's last
///   field, and without the surrounding quotes when it starts and ends with one;
/// - a record ends at a newline outside quotes, or at the end of the data.
/// The physical line number where each record starts is kept.
struct RecordReader {
    struct Record {
        var start: Int
        /// End of the record's bytes, after its newline when it has one.
        var end: Int
        /// End of the record's content: without the newline and one CR before it.
        var contentEnd: Int
        var line: Int64
        /// Fields in the record, including those past `maxFields` (which `fields` does not list).
        var fieldCount = 0
        var isEnd = false
        var isBlank = false
        var unterminatedQuote = false
    }

    let bytes: UnsafeRawBufferPointer
    var position: Int
    var line: Int64
    let delimiter: UInt8

    init(bytes: UnsafeRawBufferPointer, position: Int, line: Int64, delimiter: UInt8) {
        self.bytes = bytes
        self.position = position
        self.line = line
        self.delimiter = delimiter
    }

    /// Reads the next record, writing each field's content range into `fields`
    /// (at most `maxFields`; further fields are counted into one extra range).
    mutating func next(into fields: inout [Range<Int>], maxFields: Int) -> Record {
        fields.removeAll(keepingCapacity: true)
        let n = bytes.count
        var record = Record(start: position, end: position, contentEnd: position, line: line)
        if position >= n {
            record.isEnd = true
            return record
        }
        var i = position
        var fieldStart = i
        var inQuotes = false
        var count = 0
        func push(_ s: Int, _ e: Int, last: Bool) {
            count += 1
            guard fields.count < maxFields else { return }
            var e = e
            if last && e > s && bytes[e - 1] == 0x0D { e -= 1 }
            var s = s
            if e - s >= 2 && bytes[s] == 0x22 && bytes[e - 1] == 0x22 {
                s += 1
                e -= 1
            }
            fields.append(s..<e)
        }
        while i < n {
            let b = bytes[i]
            if b == 0x22 {
                inQuotes.toggle()
            } else if b == 0x0A {
                line += 1
                if !inQuotes {
                    push(fieldStart, i, last: true)
                    record.contentEnd = (i > record.start && bytes[i - 1] == 0x0D) ? i - 1 : i
                    i += 1
                    record.end = i
                    position = i
                    record.isBlank = count == 1 && record.contentEnd == record.start
                    record.fieldCount = count
                    if count > maxFields { fields.append(n..<n) }
                    return record
                }
            } else if b == delimiter && !inQuotes {
                push(fieldStart, i, last: false)
                fieldStart = i + 1
            }
            i += 1
        }
        // End of data.
        position = n
        record.end = n
        if inQuotes {
            record.unterminatedQuote = true
            record.contentEnd = n
            push(fieldStart, n, last: true)
            record.fieldCount = count
            return record
        }
        push(fieldStart, n, last: true)
        record.contentEnd = (n > record.start && bytes[n - 1] == 0x0D) ? n - 1 : n
        record.isBlank = count == 1 && record.contentEnd == record.start
        record.fieldCount = count
        if count > maxFields { fields.append(n..<n) }
        return record
    }
}
