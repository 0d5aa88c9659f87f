/// What a file's first bytes say about how to read the rest: encoding,
/// delimiter, header and schema, and where the data rows begin.
public struct LogLayout: Sendable {
    public let file: String
    public let encoding: TextEncoding
    /// Whether the encoding was detected (true) or given (false).
    public let encodingDetected: Bool
    public let delimiter: UInt8
    public let header: [String]
    public let schema: TransactionSchema
    /// Byte offset of the first data row.
    public let dataStart: Int
    /// 1-based line number of the first data row.
    public let firstDataLine: Int64

    /// Reads the header from `bytes` (the start of the file; it must contain the whole
    /// header line unless it is the whole file).
    public init(bytes: UnsafeRawBufferPointer, file: String, options: ScanOptions) throws(ScanError) {
        var start = 0
        if bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF { start = 3 }
        var line: Int64 = 1
        while start < bytes.count && (bytes[start] == 0x0A || bytes[start] == 0x0D) {
            if bytes[start] == 0x0A { line += 1 }
            start += 1
        }
        if start >= bytes.count {
            throw ScanError(.emptyFile, file: file, message: "the file is empty (no header, no rows)",
                            hint: "check that the export finished; a log starts with a header line")
        }
        let sample = UnsafeRawBufferPointer(rebasing: bytes[start..<min(bytes.count, start + 65_536)])
        let encoding = options.encoding ?? TextEncoding.detect(sample)
        let delimiter = options.delimiter ?? Self.detectDelimiter(bytes, from: start)
        var reader = RecordReader(bytes: bytes, position: start, line: line, delimiter: delimiter)
        var fields: [Range<Int>] = []
        let record = reader.next(into: &fields, maxFields: 4096)
        if record.unterminatedQuote {
            throw ScanError(.missingColumns, file: file, line: line, message: "the header has an unclosed quote",
                            hint: "fix the header line")
        }
        let header = fields.map { encoding.decode(Array(UnsafeRawBufferPointer(rebasing: bytes[$0]))) }
        self.file = file
        self.encoding = encoding
        self.encodingDetected = options.encoding == nil
        self.delimiter = delimiter
        self.header = header
        self.schema = try TransactionSchema(header: header, file: file, mapping: options.mapping)
        self.dataStart = reader.position
        self.firstDataLine = reader.line
    }

    /// Picks the delimiter that occurs most often (outside quotes) in the header line.
    static func detectDelimiter(_ bytes: UnsafeRawBufferPointer, from start: Int) -> UInt8 {
        var counts: [UInt8: Int] = [UInt8(ascii: ","): 0, UInt8(ascii: ";"): 0, UInt8(ascii: "\t"): 0, UInt8(ascii: "|"): 0]
        var inQuotes = false
        var i = start
        while i < bytes.count && (inQuotes || bytes[i] != 0x0A) {
            let b = bytes[i]
            if b == UInt8(ascii: "\"") { inQuotes.toggle() } else if !inQuotes, counts[b] != nil { counts[b]! += 1 }
            i += 1
        }
        let best = counts.max { $0.value < $1.value || ($0.value == $1.value && $0.key > $1.key) }!
        return best.value > 0 ? best.key : UInt8(ascii: ",")
    }
}
