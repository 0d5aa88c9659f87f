/// Splits bytes into records and fields (RFC 4180: quoted fields may hold the
/// delimiter, doubled quotes and newlines; LF or CRLF line ends), keeping the
/// physical line number where each record starts.
struct RecordReader {
    struct Record {
        var start: Int
        var end: Int
        var line: Int64
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

    /// Reads the next record, writing the byte range of each field's content
    /// (without surrounding quotes or a trailing CR) into `fields`. At most
    /// `maxFields` ranges are stored; further fields are counted into one extra.
    mutating func next(into fields: inout [Range<Int>], maxFields: Int) -> Record {
        fields.removeAll(keepingCapacity: true)
        let n = bytes.count
        var record = Record(start: position, end: position, line: line)
        if position >= n {
            record.isEnd = true
            return record
        }
        var i = position
        var fieldStart = i
        var contentStart = i
        var contentEnd = -1
        var tooMany = false
        func push(_ range: Range<Int>) {
            if fields.count < maxFields { fields.append(range) } else { tooMany = true }
        }
        while true {
            if i >= n {
                let end = contentEnd >= 0 ? contentEnd : i
                push(contentStart..<max(contentStart, end))
                break
            }
            let b = bytes[i]
            if b == UInt8(ascii: "\"") && i == fieldStart {
                // Quoted field: find the closing quote, skipping doubled quotes.
                var j = i + 1
                var closed = false
                while j < n {
                    let c = bytes[j]
                    if c == UInt8(ascii: "\"") {
                        if j + 1 < n && bytes[j + 1] == UInt8(ascii: "\"") {
                            j += 2
                            continue
                        }
                        closed = true
                        break
                    }
                    if c == 0x0A { line += 1 }
                    j += 1
                }
                if !closed {
                    push((i + 1)..<n)
                    record.unterminatedQuote = true
                    i = n
                    position = n
                    record.end = n
                    return record
                }
                contentStart = i + 1
                contentEnd = j
                i = j + 1
                continue
            }
            if b == delimiter {
                push(contentStart..<(contentEnd >= 0 ? contentEnd : i))
                i += 1
                fieldStart = i
                contentStart = i
                contentEnd = -1
                continue
            }
            if b == 0x0A {
                var end = contentEnd >= 0 ? contentEnd : i
                if contentEnd < 0 && end > contentStart && bytes[end - 1] == 0x0D { end -= 1 }
                push(contentStart..<end)
                line += 1
                i += 1
                break
            }
            i += 1
        }
        if tooMany { fields.append(n..<n) }
        record.end = i
        position = i
        // A record that is only a line terminator (or CR LF) is blank.
        if fields.count == 1 && fields[0].isEmpty && contentEnd < 0 {
            record.isBlank = true
        }
        return record
    }
}
