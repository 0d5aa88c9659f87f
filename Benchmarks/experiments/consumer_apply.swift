// Stand-alone measurement of the consumer-update loop (ConsumerStorage.apply): the same
// record layout (27 words), index (64-bit slots with a 32-bit fingerprint) and two-stage
// prefetch, on 400,000 consumers and 8 M random updates, single-threaded, in ns per update.
// It isolates the memory behaviour that wall times of a whole scan hide in host noise.
//
//   cd Benchmarks/experiments
//   swiftc -O -import-objc-header prefetch.h -o /tmp/consumer_apply consumer_apply.swift
//   /tmp/consumer_apply                          # the layout and leads of ConsumerStorage
//   DSLOT=48 DREC=24 RING=1 /tmp/consumer_apply  # leads, and reuse of the prefetched record
//   WORDS=16 LINES=2 /tmp/consumer_apply         # a 128-byte record (a cost model only:
//   WORDS=8 LINES=1 /tmp/consumer_apply          #   fewer fields are updated), a 64-byte one
//   THP=1 /tmp/consumer_apply                    # records on transparent huge pages
//
// Results on the 2-core VM (best of 5): 58 ns (32/16), 54 ns (32/16 with reuse), 53 ns
// (48/24 with reuse); 216-byte records 69–78 ns against 54–61 ns for 128 bytes and 34–37 ns
// for 64 bytes; huge pages made no difference once the records were touched.
import Glibc


@inline(__always) func pfw(_ p: UnsafeRawPointer) { pf_w(p) }
@inline(__always) func pfr(_ p: UnsafeRawPointer) { pf_r(p) }

struct U { var key: UInt64; var amount: Int64; var time: Int64; var home: Int64; var hour: UInt8; var group: UInt8; var division: UInt8; var outside: Bool }

let words = Int(getenv("WORDS").map { atoi($0) } ?? 27)
precondition(words == 27 || words == 16 || words == 8, "WORDS must be 27, 16 or 8")
let nKeys = 400_000
let slotCap = 1 << 20
let slots = UnsafeMutablePointer<UInt64>.allocate(capacity: slotCap); slots.initialize(repeating: 0, count: slotCap)
let recBytes = (nKeys * words + 64) * 8 + (4 << 20)
let raw = mmap(nil, recBytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0)!
let aligned = UnsafeMutableRawPointer(bitPattern: (UInt(bitPattern: raw) + UInt(2 << 20) - 1) / UInt(2 << 20) * UInt(2 << 20))!
if getenv("THP") != nil { madvise(aligned, recBytes - (2 << 20), 14) }
let recs = aligned.bindMemory(to: UInt64.self, capacity: nKeys * words + 64)
var count = 0
@inline(__always) func mix(_ k: UInt64) -> UInt64 { var h = k &* 0x9E37_79B9_7F4A_7C15; h ^= h >> 31; return h }
func findOrInsert(_ key: UInt64) -> Int {
    let h = mix(key); let fp = (h >> 32) | 1; var i = Int(truncatingIfNeeded: h) & (slotCap - 1)
    while true {
        let s = slots[i]
        if s == 0 { let idx = count; count += 1; recs[idx * words] = key; slots[i] = fp << 32 | UInt64(idx); return idx }
        if (s >> 32) == fp && recs[Int(s & 0xFFFF_FFFF) * words] == key { return Int(s & 0xFFFF_FFFF) }
        i = (i + 1) & (slotCap - 1)
    }
}
// random keys
var rng: UInt64 = 1
func next() -> UInt64 { rng &+= 0x9E37_79B9_7F4A_7C15; var z = rng; z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9; z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB; return z ^ (z >> 31) }
let keys = (0..<nKeys).map { _ in next() | 1 }
for k in keys { _ = findOrInsert(k) }  // all inserted (first touch done)
let n = 8_000_000
let ups = UnsafeMutablePointer<U>.allocate(capacity: n)
for j in 0..<n { ups[j] = U(key: keys[Int(next() % UInt64(nKeys))], amount: 1000, time: Int64(next() % 1000), home: 1, hour: UInt8(next() % 24), group: UInt8(next() % 12), division: UInt8(next() % 100), outside: next() & 1 == 0) }
let dSlot = Int(getenv("DSLOT").map { atoi($0) } ?? 32), dRec = Int(getenv("DREC").map { atoi($0) } ?? 16)
let lines = Int(getenv("LINES").map { atoi($0) } ?? 4)
@inline(__always) func add(_ u: U, _ r: UnsafeMutablePointer<UInt64>) {
    r[1] = UInt64(bitPattern: Int64(bitPattern: r[1]) &+ u.amount)
    if u.outside { r[2] = UInt64(bitPattern: Int64(bitPattern: r[2]) &+ u.amount) }
    if u.time < Int64(bitPattern: r[3]) { r[3] = UInt64(bitPattern: u.time) }
    if u.time > Int64(bitPattern: r[4]) { r[4] = UInt64(bitPattern: u.time) }
    r[6] &+= 1
    if words >= 16 && u.division < 100 { r[7 + Int(u.division >> 6)] |= 1 << UInt64(u.division & 63) }
    if words >= 27 {
    UnsafeMutableRawPointer(r + 9).withMemoryRebound(to: UInt16.self, capacity: 24) { $0[Int(u.hour)] &+= 1 }
    r[15 + Int(u.group)] = UInt64(bitPattern: Int64(bitPattern: r[15 + Int(u.group)]) &+ u.amount)
    } else if words >= 16 {
    UnsafeMutableRawPointer(r + 9).withMemoryRebound(to: UInt8.self, capacity: 24) { $0[Int(u.hour)] &+= 1 }
    UnsafeMutableRawPointer(r + 12).withMemoryRebound(to: UInt32.self, capacity: 8) { $0[Int(u.group & 7)] &+= UInt32(truncatingIfNeeded: u.amount) }
    } else {
    r[7] &+= UInt64(u.hour)
    }
}
var ts = timespec(); clock_gettime(CLOCK_MONOTONIC, &ts); let t0 = Double(ts.tv_sec) + Double(ts.tv_nsec) * 1e-9
let ringMode = getenv("RING") != nil
var ring = [Int](repeating: -1, count: 256)
ring.withUnsafeMutableBufferPointer { ringP in
for k in 0..<n {
    if k + dSlot < n { pfr(slots + (Int(truncatingIfNeeded: mix(ups[k + dSlot].key)) & (slotCap - 1))) }
    if k + dRec < n {
        let key = ups[k + dRec].key; let h = mix(key); let fp = (h >> 32) | 1; var i = Int(truncatingIfNeeded: h) & (slotCap - 1)
        var found = -1
        for _ in 0..<4 { let s = slots[i]; if s == 0 { break }; if (s >> 32) == fp { found = Int(s & 0xFFFF_FFFF); let r = recs + found * words; for l in 0..<lines { pfw(r + min(l * 8, words - 1)) }; break }; i = (i + 1) & (slotCap - 1) }
        ringP[(k + dRec) & 255] = found
    }
    let u = ups[k]
    if ringMode {
        let idx = ringP[k & 255]
        if idx >= 0 && recs[idx * words] == u.key { add(u, recs + idx * words) } else { add(u, recs + findOrInsert(u.key) * words) }
    } else {
        add(u, recs + findOrInsert(u.key) * words)
    }
}
}
clock_gettime(CLOCK_MONOTONIC, &ts); let t1 = Double(ts.tv_sec) + Double(ts.tv_nsec) * 1e-9
print("words \(words) dslot \(dSlot) drec \(dRec) lines \(lines): \((t1 - t0) / Double(n) * 1e9) ns/update")
