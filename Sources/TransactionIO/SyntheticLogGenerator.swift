#if canImport(Glibc)
import Glibc
#endif

/// Writes a synthetic local-currency transaction log in the canonical schema,
/// deterministic for a given seed. SYNTHETIC: the regions are real 시군구 codes
/// and the industries real KSIC (10th rev.) codes, but every row is invented.
///
/// Model: consumers live in a home region (weights below, centred on Pohang,
/// 47111 Nam-gu and 47113 Buk-gu); 80 % of a consumer's purchases are at merchants
/// in the home region, the rest anywhere; merchants have one region and one KSIC
/// code; amounts are log-normal around a typical ticket per industry, rounded to
/// 10 won; 1.5 % of rows are cancellations; times are spread over 2024 with a
/// day-time profile.
public struct SyntheticLogGenerator {
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

    public init(rows: Int, seed: UInt64) {
        self.rows = rows
        self.seed = seed
    }

    /// The header line.
    public static let header = "tx_id,ts,consumer_id,consumer_region,merchant_id,merchant_region,ksic,amount,channel,status\n"

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

    /// Generates the log, handing it out in chunks of about 4 MiB.
    public func generate(_ emit: ([UInt8]) -> Void) {
        var rng = GeneratorRandom(seed: seed)
        let consumerCount = max(100, rows / 40)
        let merchantCount = max(60, rows / 400)
        let regionCDF = Self.cumulative(Self.regions.map(\.weight))
        let industryCDF = Self.cumulative(Self.industries.map(\.weight))
        // Merchants: region and industry; grouped by region for home-region picks.
        var merchantRegion = [Int](repeating: 0, count: merchantCount)
        var merchantIndustry = [Int](repeating: 0, count: merchantCount)
        var merchantsByRegion = [[Int32]](repeating: [], count: Self.regions.count)
        for m in 0..<merchantCount {
            let r = Self.pick(regionCDF, rng.nextUnit())
            merchantRegion[m] = r
            merchantIndustry[m] = Self.pick(industryCDF, rng.nextUnit())
            merchantsByRegion[r].append(Int32(m))
        }
        var consumerRegion = [Int](repeating: 0, count: consumerCount)
        for c in 0..<consumerCount { consumerRegion[c] = Self.pick(regionCDF, rng.nextUnit()) }
        let industryCodes = Self.industries.map { Array($0.code.utf8) }
        let regionCodes = Self.regions.map { Array(String($0.code).utf8) }
        let hourCDF = Self.cumulative([1, 1, 1, 1, 1, 2, 4, 8, 10, 10, 12, 16, 18, 14, 12, 12, 12, 14, 18, 18, 14, 10, 6, 3])

        var out: [UInt8] = []
        out.reserveCapacity(1 << 22 + 256)
        out.append(contentsOf: Self.header.utf8)
        for row in 0..<rows {
            let c = Int(rng.next() % UInt64(consumerCount))
            let home = consumerRegion[c]
            let m: Int
            if rng.nextUnit() < 0.8, !merchantsByRegion[home].isEmpty {
                let list = merchantsByRegion[home]
                m = Int(list[Int(rng.next() % UInt64(list.count))])
            } else {
                m = Int(rng.next() % UInt64(merchantCount))
            }
            let industry = merchantIndustry[m]
            let month = 1 + Int(rng.next() % 12)
            let day = 1 + Int(rng.next() % UInt64(Self.days(month)))
            let hour = Self.pick(hourCDF, rng.nextUnit())
            let minute = Int(rng.next() % 60), second = Int(rng.next() % 60)
            // Log-normal ticket: exp(σ·z) with z from the sum of uniforms (Irwin–Hall, 4 terms).
            let z = (rng.nextUnit() + rng.nextUnit() + rng.nextUnit() + rng.nextUnit() - 2) * 1.732
            let won = max(1000, (Self.industries[industry].ticket * exp(0.55 * z) / 10).rounded() * 10)
            let cancel = rng.nextUnit() < 0.015
            let channel = Self.channels[Int(rng.next() % 10) < 5 ? 0 : (Int(rng.next() % 10) < 4 ? 1 : 2)]

            out.append(UInt8(ascii: "T"))
            Self.appendDigits(&out, row + 1, width: 10)
            out.append(UInt8(ascii: ","))
            out.append(contentsOf: [0x32, 0x30, 0x32, 0x34, UInt8(ascii: "-")])  // "2024-"
            Self.appendDigits(&out, month, width: 2)
            out.append(UInt8(ascii: "-"))
            Self.appendDigits(&out, day, width: 2)
            out.append(UInt8(ascii: " "))
            Self.appendDigits(&out, hour, width: 2)
            out.append(UInt8(ascii: ":"))
            Self.appendDigits(&out, minute, width: 2)
            out.append(UInt8(ascii: ":"))
            Self.appendDigits(&out, second, width: 2)
            out.append(contentsOf: [UInt8(ascii: ","), UInt8(ascii: "C")])
            Self.appendDigits(&out, c + 1, width: 8)
            out.append(UInt8(ascii: ","))
            out.append(contentsOf: regionCodes[home])
            out.append(contentsOf: [UInt8(ascii: ","), UInt8(ascii: "M")])
            Self.appendDigits(&out, m + 1, width: 6)
            out.append(UInt8(ascii: ","))
            out.append(contentsOf: regionCodes[merchantRegion[m]])
            out.append(UInt8(ascii: ","))
            out.append(contentsOf: industryCodes[industry])
            out.append(UInt8(ascii: ","))
            Self.appendDigits(&out, Int(won), width: 1)
            out.append(UInt8(ascii: ","))
            channel.withUTF8Buffer { out.append(contentsOf: $0) }
            out.append(UInt8(ascii: ","))
            if cancel {
                out.append(contentsOf: [0x63, 0x61, 0x6E, 0x63, 0x65, 0x6C])  // "cancel"
            } else {
                out.append(contentsOf: [0x61, 0x70, 0x70, 0x72, 0x6F, 0x76, 0x65, 0x64])  // "approved"
            }
            out.append(0x0A)
            if out.count >= 1 << 22 {
                emit(out)
                out.removeAll(keepingCapacity: true)
            }
        }
        if !out.isEmpty { emit(out) }
    }

    static func appendDigits(_ out: inout [UInt8], _ value: Int, width: Int) {
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                     UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var v = value
        var count = 0
        withUnsafeMutableBytes(of: &digits) { d in
            repeat {
                d[count] = UInt8(0x30 + v % 10)
                v /= 10
                count += 1
            } while v > 0 && count < 20
            while count < width && count < 20 {
                d[count] = 0x30
                count += 1
            }
            for k in stride(from: count - 1, through: 0, by: -1) { out.append(d[k]) }
        }
    }

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
