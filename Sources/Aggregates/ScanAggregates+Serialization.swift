import TransactionIO

/// The versioned binary state file of `lcimpact scan --state-out` and `lcimpact merge`.
///
/// Layout (little-endian): magic `LCIMPAGG`, format version (UInt32), then tagged
/// sections (`ROWS`, `FILE`, `SPND`, `FLOW`, `MRCH`, `CONS`, each: 4-byte tag,
/// UInt64 length, payload), then `END!` and an FNV-1a 64 checksum of all bytes
/// before it. A file with another magic, another version, a bad checksum or a
/// malformed section is refused with a message saying which — never misread.
extension ScanAggregates {
    /// The format version this build writes and reads.
    public static let stateFormatVersion: UInt32 = 1
    static let stateMagic: [UInt8] = Array("LCIMPAGG".utf8)

    /// The aggregates as a state file's bytes.
    public func serialized() -> [UInt8] {
        var w = StateWriter()
        w.bytes += Self.stateMagic
        w.u32(Self.stateFormatVersion)

        func section(_ tag: StaticString, _ body: (inout StateWriter) -> Void) {
            var s = StateWriter()
            body(&s)
            w.tag(tag)
            w.u64(UInt64(s.bytes.count))
            w.bytes += s.bytes
        }
        section("META") { s in
            s.u8(duplicatesChecked ? 1 : 0)
        }
        section("ROWS") { s in
            let files = rowsByFile.sorted { $0.key < $1.key }
            s.u64(UInt64(files.count))
            for (file, a) in files {
                s.string(file)
                s.i64(a.read)
                s.i64(a.accepted)
                s.i64(a.cancellations)
                let reasons = a.quarantinedByReason.sorted { $0.key.rawValue < $1.key.rawValue }
                s.u64(UInt64(reasons.count))
                for (reason, n) in reasons {
                    s.string(reason.rawValue)
                    s.i64(n)
                }
            }
        }
        section("FILE") { s in
            let files = filesRead.sorted { $0.key < $1.key }
            s.u64(UInt64(files.count))
            for (file, info) in files {
                s.string(file)
                s.string(info.encoding)
                s.u8(info.encodingDetected ? 1 : 0)
                s.string(info.delimiter)
                s.u8(info.gzip ? 1 : 0)
                let columns = info.columns.sorted { $0.key < $1.key }
                s.u64(UInt64(columns.count))
                for (k, v) in columns {
                    s.string(k)
                    s.string(v)
                }
            }
        }
        section("SPND") { s in
            s.u64(UInt64(spending.count))
            for (k, c) in spending.sorted(by: { ($0.key.merchantRegion, $0.key.industry, $0.key.month) < ($1.key.merchantRegion, $1.key.industry, $1.key.month) }) {
                s.i64(k.merchantRegion)
                s.u64(k.industry.packed)
                s.i64(Int64(k.month))
                s.i64(c.netAmount)
                s.i64(c.count)
                s.i64(c.cancellations)
            }
        }
        section("FLOW") { s in
            s.u64(UInt64(flows.count))
            for (k, c) in flows.sorted(by: { ($0.key.consumerRegion, $0.key.merchantRegion, $0.key.month) < ($1.key.consumerRegion, $1.key.merchantRegion, $1.key.month) }) {
                s.i64(k.consumerRegion)
                s.i64(k.merchantRegion)
                s.i64(Int64(k.month))
                s.i64(c.netAmount)
                s.i64(c.count)
                s.i64(c.cancellations)
            }
        }
        section("MRCH") { s in
            s.u64(UInt64(merchants.count))
            for (k, m) in merchants.sorted(by: { $0.key < $1.key }) {
                s.u64(k)
                s.i64(m.netAmount)
                s.i64(m.count)
                s.i64(m.cancellations)
                s.i64(m.region)
                s.u64(m.industry)
            }
        }
        section("CONS") { s in
            s.u64(UInt64(consumers.count))
            s.u32(UInt32(ConsumerStorage.logicalWords))
            // In key order, like every other section: the bytes then depend only on the
            // aggregates, not on the order in which a parallel scan's workers met the consumers.
            consumers.forEachRecordInKeyOrder { r in
                for k in 0..<ConsumerStorage.logicalWords { s.u64(r[k]) }
            }
        }
        w.tag("END!")
        w.u64(Self.fnv1a(w.bytes[...]))
        return w.bytes
    }

    /// Reads a state file's bytes; `source` names the file in errors.
    public init(serialized bytes: [UInt8], source: String) throws(ScanError) {
        func refuse(_ message: String, _ hint: String = "re-create it with lcimpact scan … --state-out") -> ScanError {
            ScanError(.corruptState, file: source, message: message, hint: hint)
        }
        guard bytes.count >= 8 + 4 + 12, Array(bytes[0..<8]) == Self.stateMagic else {
            throw refuse("not an lcimpact aggregate state file (wrong magic bytes)", "pass a file written by lcimpact scan --state-out")
        }
        var header = StateReader(bytes: bytes, source: source, offset: 8)
        let version = (try? header.u32()) ?? 0
        guard version == Self.stateFormatVersion else {
            throw refuse("state format version \(version), but this lcimpact reads version \(Self.stateFormatVersion)",
                         "re-create the state with this version of lcimpact (scan the logs again)")
        }
        let trailerAt = bytes.count - 12
        guard Array(bytes[trailerAt..<(trailerAt + 4)]) == Array("END!".utf8) else {
            throw refuse("the file is truncated (no end marker)")
        }
        var trailer = StateReader(bytes: bytes, source: source, offset: trailerAt + 4)
        let stored = (try? trailer.u64()) ?? 0
        guard stored == Self.fnv1a(bytes[0..<(trailerAt + 4)]) else {
            throw refuse("checksum mismatch: the file is corrupted")
        }
        self.init()
        do throws(ScanErrorBox) {
            var r = StateReader(bytes: bytes, source: source, offset: 12, end: trailerAt)
            var seen: Set<String> = []
            while r.offset < trailerAt {
                let tag = String(decoding: try r.take(4), as: UTF8.self)
                let length = try r.u64()
                guard length <= UInt64(trailerAt - r.offset) else { throw r.corrupt("section \(tag) is longer than the file") }
                let sectionEnd = r.offset + Int(length)
                var s = StateReader(bytes: bytes, source: source, offset: r.offset, end: sectionEnd)
                guard seen.insert(tag).inserted else { throw r.corrupt("section \(tag) appears twice") }
                switch tag {
                case "META":
                    let flag = try s.u8()
                    guard flag <= 1 else { throw s.corrupt("bad duplicates flag \(flag)") }
                    duplicatesChecked = flag == 1
                case "ROWS": try readRows(&s)
                case "FILE": try readFiles(&s)
                case "SPND":
                    for _ in 0..<(try s.count(minBytes: 48)) {
                        let key = RegionIndustryMonth(merchantRegion: try s.i64(), industry: IndustryCode(packed: try s.u64()),
                                                      month: Int32(truncatingIfNeeded: try s.i64()))
                        spending[key] = SpendCell(netAmount: try s.i64(), count: try s.i64(), cancellations: try s.i64())
                    }
                case "FLOW":
                    for _ in 0..<(try s.count(minBytes: 48)) {
                        let key = RegionFlowMonth(consumerRegion: try s.i64(), merchantRegion: try s.i64(),
                                                  month: Int32(truncatingIfNeeded: try s.i64()))
                        flows[key] = SpendCell(netAmount: try s.i64(), count: try s.i64(), cancellations: try s.i64())
                    }
                case "MRCH":
                    for _ in 0..<(try s.count(minBytes: 48)) {
                        let key = try s.u64()
                        var m = MerchantTotals()
                        m.netAmount = try s.i64()
                        m.count = try s.i64()
                        m.cancellations = try s.i64()
                        m.region = try s.i64()
                        m.industry = try s.u64()
                        merchants[key] = m
                    }
                case "CONS":
                    let n = try s.count(minBytes: 8 * ConsumerStorage.logicalWords)
                    guard try s.u32() == UInt32(ConsumerStorage.logicalWords) else { throw s.corrupt("consumer records have an unexpected size") }
                    var words = [UInt64](repeating: 0, count: ConsumerStorage.logicalWords)
                    let table = ConsumerTable()
                    for _ in 0..<n {
                        for k in 0..<ConsumerStorage.logicalWords { words[k] = try s.u64() }
                        let inserted = words.withUnsafeBufferPointer { table.shards[0].insertRaw($0.baseAddress!) }
                        guard inserted else { throw s.corrupt("a consumer appears twice") }
                    }
                    consumers = table
                default:
                    throw r.corrupt("unknown section '\(tag)'")
                }
                guard s.offset == sectionEnd else { throw s.corrupt("section \(tag) has \(sectionEnd - s.offset) unread bytes") }
                r.offset = sectionEnd
            }
        } catch {
            throw refuse("malformed content at byte \(error.offset): \(error.what)")
        }
    }

    private mutating func readRows(_ s: inout StateReader) throws(ScanErrorBox) {
        for _ in 0..<(try s.count(minBytes: 36)) {
            let file = try s.string()
            var a = RowAccounting()
            a.read = try Self.rowCount(&s)
            a.accepted = try Self.rowCount(&s)
            a.cancellations = try Self.rowCount(&s)
            for _ in 0..<(try s.count(minBytes: 12)) {
                let name = try s.string()
                guard let reason = QuarantineReason(rawValue: name) else { throw s.corrupt("unknown quarantine reason '\(name)'") }
                a.quarantinedByReason[reason] = try Self.rowCount(&s)
            }
            // Safe: every count is in 0...2⁵³ (rowCount), so these sums cannot overflow.
            guard a.read == a.accepted + a.quarantined, a.cancellations <= a.accepted else {
                throw s.corrupt("row accounting of \(file) does not add up")
            }
            rowsByFile[file] = a
        }
    }

    /// Largest row count a state file may hold: 2⁵³ rows is far beyond any log, and keeps
    /// sums of counts (and merges of up to 1,024 such files) clear of Int64 overflow, which
    /// a hand-made or corrupted file with counts near Int64.max would otherwise trap on.
    static let maxRowCount: Int64 = 1 << 53

    /// A row count (read, accepted, cancellations or one reason's count): 0…`maxRowCount`.
    private static func rowCount(_ s: inout StateReader) throws(ScanErrorBox) -> Int64 {
        let n = try s.i64()
        guard n >= 0 && n <= maxRowCount else { throw s.corrupt("a row count of \(n) is negative or larger than 2^53") }
        return n
    }

    private mutating func readFiles(_ s: inout StateReader) throws(ScanErrorBox) {
        for _ in 0..<(try s.count(minBytes: 22)) {
            let file = try s.string()
            let encoding = try s.string()
            let detected = try s.u8() == 1
            let delimiter = try s.string()
            let gzip = try s.u8() == 1
            var columns: [String: String] = [:]
            for _ in 0..<(try s.count(minBytes: 8)) {
                let k = try s.string()
                columns[k] = try s.string()
            }
            filesRead[file] = FileReadInfo(encoding: encoding, encodingDetected: detected, delimiter: delimiter, gzip: gzip, columns: columns)
        }
    }

    static func fnv1a(_ bytes: ArraySlice<UInt8>) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in bytes {
            h ^= UInt64(b)
            h = h &* 0x0000_0100_0000_01b3
        }
        return h
    }
}
