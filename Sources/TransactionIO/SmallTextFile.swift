/// The lines of a small text file (a schema mapping, a region rename list), split at LF bytes
/// with one CR before each LF and a leading BOM removed, so files saved on Windows (CRLF) read
/// as files saved elsewhere. (Splitting the decoded `String` at "\n" does not split CRLF files:
/// "\r\n" is one `Character`, and such a file was one line.)
enum SmallTextFile {
    /// Each line with its 1-based number (blank lines included).
    static func lines(path: String) throws(ScanError) -> [(number: Int, text: String)] {
        let file = try MappedFile(path: path)
        return file.withBytes { bytes in
            var lines: [(number: Int, text: String)] = []
            var start = bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0
            var i = start
            while i <= bytes.count {
                if i == bytes.count || bytes[i] == 0x0A {
                    var end = i
                    if end > start && bytes[end - 1] == 0x0D { end -= 1 }
                    lines.append((lines.count + 1, String(decoding: UnsafeRawBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)))
                    start = i + 1
                }
                i += 1
            }
            return lines
        }
    }
}
