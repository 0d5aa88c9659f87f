import Testing
@testable import TransactionIO

/// `UTF8Validation` (eight ASCII bytes at a time and a short path for three-byte characters;
/// sixteen bytes at a time in `isValidPadded`) against the standard library's UTF-8 decoder,
/// which follows RFC 3629 as it must: every sequence of one to three bytes from a set of
/// boundary values, behind ASCII runs of 0–16 bytes so that the eight-byte skip and the
/// sixteen-byte blocks meet them at every offset that matters, and random byte strings.
@Suite("Text encodings")
struct TextEncodingTests {
    static func standardValid(_ bytes: [UInt8]) -> Bool { String(validating: bytes, as: UTF8.self) != nil }

    /// The byte loop's verdict, checked to be the block validator's too (the bytes followed by
    /// 16 bytes of padding that must not matter: continuation bytes, which would complete a
    /// character cut off at the end if they were read as the field's).
    static func fastValid(_ bytes: [UInt8]) -> Bool {
        let loop = bytes.withUnsafeBytes { UTF8Validation.isValid($0, allowTruncatedEnd: false) }
        let padded = bytes + [UInt8](repeating: 0x80, count: 16)
        let blocks = padded.withUnsafeBytes { UTF8Validation.isValidPadded($0.baseAddress!, count: bytes.count) }
        #expect(blocks == loop, "\(bytes)")
        return loop
    }

    @Test func utf8ValidationAgreesWithTheStandardLibrary() {
        let boundaries: [UInt8] = [0x00, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC1, 0xC2, 0xDF, 0xE0,
                                   0xE1, 0xEA, 0xEC, 0xED, 0xEE, 0xEF, 0xF0, 0xF1, 0xF4, 0xF5, 0xFF]
        var checked = 0
        for pad in [0, 1, 5, 8, 13, 14, 15, 16] {
            let prefix = [UInt8](repeating: 0x61, count: pad)
            for a in boundaries {
                for b in boundaries {
                    for c in boundaries {
                        for tail in [[], [0x80], [0xEA, 0xB0, 0x80]] as [[UInt8]] {
                            let bytes = prefix + [a, b, c] + tail
                            #expect(Self.fastValid(bytes) == Self.standardValid(bytes), "\(bytes)")
                            checked += 1
                        }
                    }
                    let two = prefix + [a, b]
                    #expect(Self.fastValid(two) == Self.standardValid(two), "\(two)")
                }
            }
        }
        var rng = GeneratorRandom(seed: 3)
        for _ in 0..<20_000 {
            let n = Int(rng.next() % 40)
            let bytes = (0..<n).map { _ -> UInt8 in
                let r = rng.next()
                // Mostly Hangul-like and ASCII bytes, so that valid strings occur too.
                return r % 3 == 0 ? UInt8(0x61) : r % 3 == 1 ? UInt8(0x80 | (r >> 8) % 64) : UInt8(truncatingIfNeeded: 0xE0 | (r >> 8) % 32)
            }
            #expect(Self.fastValid(bytes) == Self.standardValid(bytes), "\(bytes)")
        }
        #expect(checked > 100_000)
    }

    /// `CP949Validation.isValidPadded` (runs of non-ASCII bytes of even length pass at once)
    /// against the byte loop: every sequence of one to four bytes from a set of boundary values
    /// behind ASCII runs of 0–16 bytes, and random strings of up to 80 bytes (past the 63 the
    /// mask covers), made mostly of Hangul-like bytes, letters (UHC trail bytes) and 80/FF.
    @Test func cp949BlockValidationAgreesWithTheByteLoop() {
        func agree(_ bytes: [UInt8]) {
            let loop = bytes.withUnsafeBytes { CP949Validation.isValid($0, allowTruncatedEnd: false) }
            let padded = bytes + [UInt8](repeating: 0xB0, count: 16)
            let blocks = padded.withUnsafeBytes { CP949Validation.isValidPadded($0.baseAddress!, count: bytes.count) }
            #expect(blocks == loop, "\(bytes)")
        }
        let boundaries: [UInt8] = [0x00, 0x41, 0x5A, 0x5B, 0x61, 0x7A, 0x7B, 0x80, 0x81, 0xA1, 0xB0, 0xC8, 0xFE, 0xFF]
        for pad in [0, 1, 7, 14, 15, 16] {
            let prefix = [UInt8](repeating: 0x61, count: pad)
            for a in boundaries {
                for b in boundaries {
                    agree(prefix + [a, b])
                    for c in boundaries {
                        agree(prefix + [a, b, c])
                        for d in [0x41, 0xB0, 0xFF] as [UInt8] { agree(prefix + [a, b, c, d]) }
                    }
                }
            }
        }
        var rng = GeneratorRandom(seed: 4)
        for _ in 0..<20_000 {
            let n = Int(rng.next() % 80)
            let bytes = (0..<n).map { _ -> UInt8 in
                let r = rng.next() % 16
                return r < 9 ? UInt8(0xB0 + r) : r < 12 ? 0x20 : r < 14 ? 0x41 : r == 14 ? 0x80 : 0xFF
            }
            agree(bytes)
        }
    }
}
