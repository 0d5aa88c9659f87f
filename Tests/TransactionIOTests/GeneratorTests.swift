import Testing
@testable import TransactionIO

@Suite("Synthetic log generator")
struct GeneratorTests {
    func generate(rows: Int, seed: UInt64) -> [UInt8] {
        var out: [UInt8] = []
        SyntheticLogGenerator(rows: rows, seed: seed).generate { out += $0 }
        return out
    }

    @Test func deterministicPerSeedAndScansClean() throws {
        let a = generate(rows: 2000, seed: 7)
        #expect(a == generate(rows: 2000, seed: 7))
        #expect(a != generate(rows: 2000, seed: 8))
        let (accounting, batch, bad) = try scanText(String(decoding: a, as: UTF8.self))
        #expect(accounting.read == 2000 && accounting.accepted == 2000 && bad.isEmpty)
        #expect(accounting.cancellations > 0)
        #expect(Set(batch.month).count == 12)
    }
}
