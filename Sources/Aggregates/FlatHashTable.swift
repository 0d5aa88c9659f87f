/// An open-addressing hash table (linear probing, power-of-two capacity, load
/// ≤ 1/2) from `Key3` to `Value`, for the scan's thread-local accumulators.
/// Storage is raw memory owned by the instance; no element is ever removed.
///
/// - Complexity: expected O(1) per `withValue`; growth rehashes everything (amortized O(1)).
final class FlatHashTable<Value> {
    // @exclusivity(unchecked): these are touched on every row; the table has one owner
    // (a worker) and no accessor hands out overlapping inout access to them.
    @exclusivity(unchecked) private(set) var count = 0
    @exclusivity(unchecked) private var capacity: Int
    @exclusivity(unchecked) private var keys: UnsafeMutablePointer<Key3>
    @exclusivity(unchecked) private var used: UnsafeMutablePointer<Bool>
    @exclusivity(unchecked) private var values: UnsafeMutablePointer<Value>
    private let initial: Value

    init(initialCapacity: Int = 1024, initial: Value) {
        var c = 16
        while c < initialCapacity { c <<= 1 }
        capacity = c
        keys = .allocate(capacity: c)
        used = .allocate(capacity: c)
        used.initialize(repeating: false, count: c)
        values = .allocate(capacity: c)
        self.initial = initial
    }

    deinit {
        for i in 0..<capacity where used[i] { (values + i).deinitialize(count: 1) }
        keys.deallocate()
        used.deallocate()
        values.deallocate()
    }

    /// Calls `body` with the value for `key`, inserting `initial` first if absent.
    @inline(__always)
    func withValue<R>(_ key: Key3, _ body: (inout Value) -> R) -> R {
        if (count + 1) * 2 > capacity { grow() }
        let mask = capacity - 1
        var i = Int(truncatingIfNeeded: key.hash) & mask
        while true {
            // Safe: i is masked to [0, capacity).
            if !used[i] {
                used[i] = true
                (keys + i).initialize(to: key)
                (values + i).initialize(to: initial)
                count += 1
                return body(&values[i])
            }
            if keys[i] == key { return body(&values[i]) }
            i = (i + 1) & mask
        }
    }

    /// Every key and value, in table order.
    func forEach(_ body: (Key3, Value) -> Void) {
        for i in 0..<capacity where used[i] { body(keys[i], values[i]) }
    }

    private func grow() {
        let oldCapacity = capacity, oldKeys = keys, oldUsed = used, oldValues = values
        capacity *= 2
        keys = .allocate(capacity: capacity)
        used = .allocate(capacity: capacity)
        used.initialize(repeating: false, count: capacity)
        values = .allocate(capacity: capacity)
        let mask = capacity - 1
        for j in 0..<oldCapacity where oldUsed[j] {
            var i = Int(truncatingIfNeeded: oldKeys[j].hash) & mask
            while used[i] { i = (i + 1) & mask }
            used[i] = true
            (keys + i).initialize(to: oldKeys[j])
            (values + i).moveInitialize(from: oldValues + j, count: 1)
        }
        oldKeys.deallocate()
        oldUsed.deallocate()
        oldValues.deallocate()
    }
}
