import Dispatch

#if canImport(Glibc)
import Glibc
#endif

/// Writes a synthetic local-currency transaction log in the canonical schema, or in the
/// shape of a card-company export (`SyntheticLogShape`), deterministic for a given seed. SYNTHETIC: the regions are real 시군구 codes
/// and the industries real KSIC (10th rev.) codes, but every row is invented.
///
/// Model: consumers live in a home region (weights below, centred on Pohang,
/// 47111 Nam-gu and 47113 Buk-gu); 80 % of a consumer's purchases are at merchants
/// in the home region, the rest anywhere; merchants have one region and one KSIC
/// code; amounts are log-normal around a typical ticket per industry, rounded to
/// 10 won; 1.5 % of rows are cancellations; times are spread over 2024 with a
/// day-time profile. The rows are made in blocks of 65,536, each with its own
/// seeded generator, two or more blocks at a time on separate threads; the output
/// depends only on `rows` and `seed`.
public struct SyntheticLogGenerator: Sendable {
    /// Region code, weight (share of consumers and merchants).
    public static let regions: [(code: Int, weight: Double)] = [
        (47111, 0.30), (47113, 0.35), (47130, 0.12), (47230, 0.06),
        (27110, 0.05), (27260, 0.05), (11110, 0.03), (11680, 0.04),
    ]
    /// KSIC code, share of merchants, typical ticket in won.
    public static let industries: [(code: String, weight: Double, ticket: Double)] = [
        ("47121", 0.06, 32000), ("47122", 0.08, 8000), ("47190", 0.03, 25000), ("47211", 0.04, 18000),
        ("47212", 0.03, 35000), ("47219", 0.03, 15000), ("47811", 0.04, 14000), ("47301", 0.03, 55000),
        ("56111", 0.14, 22000), ("56112", 0.04, 28000), ("56191", 0.04, 9000), ("56192", 0.03, 11000),
        ("56221", 0.07, 6500), ("56211", 0.03, 40000), ("55101", 0.01, 110000), ("55102", 0.01, 60000),
        ("86201", 0.04, 15000), ("86202", 0.02, 60000), ("85501", 0.05, 180000), ("85611", 0.02, 90000),
        ("96112", 0.04, 25000), ("96113", 0.02, 45000), ("96121", 0.01, 12000), ("96911", 0.02, 13000),
        ("95211", 0.02, 120000), ("91136", 0.02, 70000), ("49231", 0.02, 12000), ("10711", 0.02, 8000),
    ]
    static let channels: [StaticString] = ["card", "mobile", "paper"]

    public let rows: Int
    public let seed: UInt64
    /// How the rows are written (the transactions depend only on `rows` and `seed`).
    public let shape: SyntheticLogShape

    public init(rows: Int, seed: UInt64, shape: SyntheticLogShape = .canonical) {
        self.rows = rows
        self.seed = seed
        self.shape = shape
    }

    /// The header line.
    public static let header = "tx_id,ts,consumer_id,consumer_region,merchant_id,merchant_region,ksic,amount,channel,status\n"

    /// The header line of `shape`.
    var headerLine: [UInt8] {
        switch shape {
        case .canonical: return Array(Self.header.utf8)
        case .cardExport(let encoding, let split): return CardExportText(encoding: encoding, separateDateAndTime: split).header
        }
    }

    /// Writes the log to `path` (replacing it). Returns bytes written.
    @discardableResult
    public func write(to path: String) throws(ScanError) -> Int {
        guard let file = fopen(path, "wb") else {
            throw ScanError(.unwritableOutput, file: path, message: "cannot create (\(String(cString: strerror(errno))))",
                            hint: "check that the directory exists and is writable")
        }
        var failed = false
        var total = 0
        generate { chunk in
            if failed { return }
            let wrote = chunk.withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, file) }
            total += wrote
            if wrote != chunk.count { failed = true }
        }
        let closeFailed = fclose(file) != 0
        if failed || closeFailed {
            throw ScanError(.unwritableOutput, file: path, message: "write failed (\(String(cString: strerror(errno))))",
                            hint: "check free disk space")
        }
        return total
    }

    /// Rows per independently seeded block (blocks are generated in parallel and
    /// emitted in order, so the output depends only on `rows` and `seed`).
    static let blockRows = 1 << 16

    /// The population a log is drawn from: merchants (region, industry) and consumers (home region).
    /// Region and industry indices are bytes (8 regions, 28 industries): the consumer
    /// array is read at a random index for every row, and at 800,000 consumers one byte
    /// each mostly stays in cache where eight would not (a cache miss per row).
    struct Population: Sendable {
        let merchantRegion: [UInt8]
        let merchantIndustry: [UInt8]
        let merchantsByRegion: [[Int32]]
        let consumerRegion: [UInt8]
    }

    func population() -> Population {
        var rng = GeneratorRandom(seed: seed)
        let consumerCount = max(100, rows / 40)
        let merchantCount = max(60, rows / 400)
        let regionCDF = Self.cumulative(Self.regions.map(\.weight))
        let industryCDF = Self.cumulative(Self.industries.map(\.weight))
        var merchantRegion = [UInt8](repeating: 0, count: merchantCount)
        var merchantIndustry = [UInt8](repeating: 0, count: merchantCount)
        var merchantsByRegion = [[Int32]](repeating: [], count: Self.regions.count)
        for m in 0..<merchantCount {
            let r = Self.pick(regionCDF, rng.nextUnit())
            merchantRegion[m] = UInt8(r)
            merchantIndustry[m] = UInt8(Self.pick(industryCDF, rng.nextUnit()))
            merchantsByRegion[r].append(Int32(m))
        }
        var consumerRegion = [UInt8](repeating: 0, count: consumerCount)
        for c in 0..<consumerCount { consumerRegion[c] = UInt8(Self.pick(regionCDF, rng.nextUnit())) }
        return Population(merchantRegion: merchantRegion, merchantIndustry: merchantIndustry,
                          merchantsByRegion: merchantsByRegion, consumerRegion: consumerRegion)
    }

    /// Generates the log, handing it out in order, one block (about 6 MB) at a time.
    /// Blocks are made a group at a time (one per core, in parallel) on background
    /// threads while the caller's thread hands out the previous group, so writing the
    /// output overlaps with making the next blocks.
    public func generate(_ emit: ([UInt8]) -> Void) {
        emit(headerLine)
        let population = population()
        let blocks = (rows + Self.blockRows - 1) / Self.blockRows
        let parallel = max(1, min(ScanOptions.defaultThreads, 8))
        guard blocks > 0 else { return }
        var ready = makeGroup(first: 0, count: min(parallel, blocks), population: population)
        var next = ready.count
        while true {
            let following = GeneratedGroup()
            let making = DispatchGroup()
            if next < blocks {
                let (first, count) = (next, min(parallel, blocks - next))
                DispatchQueue.global().async(group: making) {
                    following.blocks = makeGroup(first: first, count: count, population: population)
                }
                next += count
            }
            for block in ready { emit(block) }
            making.wait()
            if following.blocks.isEmpty { break }
            ready = following.blocks
        }
    }

    /// Blocks first ..< first + count, made in parallel.
    private func makeGroup(first: Int, count: Int, population: Population) -> [[UInt8]] {
        let out = UnsafeMutableBufferPointer<[UInt8]>.allocate(capacity: count)
        out.initialize(repeating: [])
        defer {
            out.deinitialize()
            out.deallocate()
        }
        nonisolated(unsafe) let results = out
        DispatchQueue.concurrentPerform(iterations: count) { k in
            // Safe: each worker writes only element k.
            results[k] = block(first + k, population: population)
        }
        return Array(out)
    }

    /// The bytes of block `index` (rows index·blockRows ..< min(rows, (index+1)·blockRows)).
    func block(_ index: Int, population: Population) -> [UInt8] {
        let firstRow = index * Self.blockRows
        let count = min(Self.blockRows, rows - firstRow)
        var rng = GeneratorRandom(seed: seed &+ 0x5851_F42D_4C95_7F2D &* UInt64(index + 1))
        let consumerCount = population.consumerRegion.count
        let merchantCount = population.merchantRegion.count
        let industryCodes = Self.industries.map { Array($0.code.utf8) }
        let regionCodes = Self.regions.map { Array(String($0.code).utf8) }
        let channelBytes = Self.channels.map { s in s.withUTF8Buffer { Array($0) } }
        let hourCDF = Self.cumulative([1, 1, 1, 1, 1, 2, 4, 8, 10, 10, 12, 16, 18, 14, 12, 12, 12, 14, 18, 18, 14, 10, 6, 3])
        let export: CardExportText? = if case .cardExport(let encoding, let split) = shape {
            CardExportText(encoding: encoding, separateDateAndTime: split)
        } else { nil }
        // At most ~110 bytes a row in the canonical shape and ~130 in the export's: reserve 200.
        var out = [UInt8](repeating: 0, count: count * 200)
        let written = out.withUnsafeMutableBufferPointer { buffer -> Int in
            var w = ByteWriter(base: buffer.baseAddress!)
            for r in 0..<count {
                let row = firstRow + r
                let c = Int(rng.next() % UInt64(consumerCount))
                let home = Int(population.consumerRegion[c])
                let m: Int
                let local = population.merchantsByRegion[home]
                if rng.nextUnit() < 0.8, !local.isEmpty {
                    m = Int(local[Int(rng.next() % UInt64(local.count))])
                } else {
                    m = Int(rng.next() % UInt64(merchantCount))
                }
                let industry = Int(population.merchantIndustry[m])
                let month = 1 + Int(rng.next() % 12)
                let day = 1 + Int(rng.next() % UInt64(Self.days(month)))
                let hour = Self.pick(hourCDF, rng.nextUnit())
                let minute = Int(rng.next() % 60), second = Int(rng.next() % 60)
                // Log-normal ticket: exp(σ·z) with z from the sum of uniforms (Irwin–Hall, 4 terms).
                let z = (rng.nextUnit() + rng.nextUnit() + rng.nextUnit() + rng.nextUnit() - 2) * 1.732
                let won = max(1000, (Self.industries[industry].ticket * exp(0.55 * z) / 10).rounded() * 10)
                let cancel = rng.nextUnit() < 0.015
                let channelDraw = rng.next() % 10
                let channel = channelDraw < 5 ? 0 : (channelDraw < 8 ? 1 : 2)

                if let export {
                    // Safe: an export row is at most ~130 bytes and the buffer holds 200 per row.
                    export.write(&w, month: month, day: day, hour: hour, minute: minute, second: second,
                                 merchant: m, merchantRegion: regionCodes[Int(population.merchantRegion[m])],
                                 industry: industryCodes[industry], consumer: c, consumerRegion: regionCodes[home],
                                 won: Int(won), channel: channel, cancel: cancel)
                    continue
                }
                // Safe: a row is at most ~110 bytes and the buffer holds 200 per row.
                w.byte(0x54)  // "T"
                w.digits(row + 1, width: 10)
                w.byte(0x2C)
                w.bytes4(0x32, 0x30, 0x32, 0x34)  // "2024"
                w.byte(0x2D)
                w.digits(month, width: 2)
                w.byte(0x2D)
                w.digits(day, width: 2)
                w.byte(0x20)
                w.digits(hour, width: 2)
                w.byte(0x3A)
                w.digits(minute, width: 2)
                w.byte(0x3A)
                w.digits(second, width: 2)
                w.byte(0x2C)
                w.byte(0x43)  // "C"
                w.digits(c + 1, width: 8)
                w.byte(0x2C)
                w.copy(regionCodes[home])
                w.byte(0x2C)
                w.byte(0x4D)  // "M"
                w.digits(m + 1, width: 6)
                w.byte(0x2C)
                w.copy(regionCodes[Int(population.merchantRegion[m])])
                w.byte(0x2C)
                w.copy(industryCodes[industry])
                w.byte(0x2C)
                w.digits(Int(won), width: 1)
                w.byte(0x2C)
                w.copy(channelBytes[channel])
                w.byte(0x2C)
                if cancel {
                    w.copy(Self.cancelWord)
                } else {
                    w.copy(Self.approvedWord)
                }
                w.byte(0x0A)
            }
            return w.count
        }
        out.removeLast(out.count - written)
        return out
    }

    static let cancelWord: [UInt8] = Array("cancel".utf8)
    static let approvedWord: [UInt8] = Array("approved".utf8)

    static func cumulative(_ weights: [Double]) -> [Double] {
        let total = weights.reduce(0, +)
        var acc = 0.0
        return weights.map { acc += $0 / total; return acc }
    }

    static func pick(_ cdf: [Double], _ u: Double) -> Int {
        for (k, p) in cdf.enumerated() where u < p { return k }
        return cdf.count - 1
    }

    static func days(_ month: Int) -> Int { FieldParsers.daysIn(month: month, year: 2024) }
}

/// The blocks a background task made, handed to the emitting thread after
/// `DispatchGroup.wait` (which orders the write before the read).
final class GeneratedGroup: @unchecked Sendable {
    var blocks: [[UInt8]] = []
}

/// Writes bytes into a buffer the caller has sized (no bounds checks: the caller
/// reserves the maximum row length).
struct ByteWriter {
    let base: UnsafeMutablePointer<UInt8>
    var count = 0

    init(base: UnsafeMutablePointer<UInt8>) { self.base = base }

    @inline(__always) mutating func byte(_ b: UInt8) {
        base[count] = b
        count += 1
    }

    @inline(__always) mutating func bytes4(_ a: UInt8, _ b: UInt8, _ c: UInt8, _ d: UInt8) {
        base[count] = a; base[count + 1] = b; base[count + 2] = c; base[count + 3] = d
        count += 4
    }

    @inline(__always) mutating func copy(_ bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { (base + count).update(from: $0.baseAddress!, count: $0.count) }
        count += bytes.count
    }

    /// A non-negative integer in decimal, zero-padded to `width`.
    @inline(__always) mutating func digits(_ value: Int, width: Int) {
        var v = value
        var n = 1
        var t = v / 10
        while t > 0 { n += 1; t /= 10 }
        let total = max(n, width)
        var k = count + total - 1
        for _ in 0..<total {
            base[k] = UInt8(0x30 + v % 10)
            v /= 10
            k -= 1
        }
        count += total
    }
}

/// SplitMix64 (Steele, Lea & Flood 2014): small, fast, deterministic.
struct GeneratorRandom {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func nextUnit() -> Double { Double(next() >> 11) * 0x1.0p-53 }
}
