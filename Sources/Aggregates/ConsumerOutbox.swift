/// Consumer updates waiting for their partition's flush (one per worker × partition), in
/// their packed form (`PackedConsumerUpdate`), and the rare ones that do not pack in full
/// (`wide`). Raw storage: the worker reserves room for a batch, writes through the pointer,
/// then commits the count; the worker that flushes the partition reads `buffer` and `wide` and clears them.
final class ConsumerOutbox: @unchecked Sendable {
    // @unchecked Sendable: written by its worker in the parse phase and drained by the
    // worker that flushes its partition in the consumer phase; the phases are separated by a barrier.
    @exclusivity(unchecked) private var storage: UnsafeMutablePointer<PackedConsumerUpdate>
    @exclusivity(unchecked) private var capacity: Int
    @exclusivity(unchecked) private(set) var count = 0
    /// Updates whose values lie outside the packed ranges.
    @exclusivity(unchecked) var wide: [ConsumerUpdate] = []

    /// Updates waiting, in both forms.
    var waiting: Int { count + wide.count }

    init() {
        capacity = 256
        storage = Self.allocate(capacity)
    }

    deinit { storage.deallocate() }

    /// Line-aligned storage: runs of eight updates (192 bytes) are written with 16-byte
    /// non-temporal stores (`ChunkAccumulator`), so every run must start 16-byte aligned.
    private static func allocate(_ n: Int) -> UnsafeMutablePointer<PackedConsumerUpdate> {
        UnsafeMutableRawPointer.allocate(byteCount: n * MemoryLayout<PackedConsumerUpdate>.stride, alignment: 64)
            .bindMemory(to: PackedConsumerUpdate.self, capacity: n)
    }

    /// Room for `n` more updates; returns where the next one goes.
    func reserve(_ n: Int) -> UnsafeMutablePointer<PackedConsumerUpdate> {
        if count + n > capacity {
            var c = capacity
            while c < count + n { c *= 2 }
            let bigger = Self.allocate(c)
            bigger.moveInitialize(from: storage, count: count)
            storage.deallocate()
            storage = bigger
            capacity = c
        }
        return storage + count
    }

    /// Counts `n` updates written after `reserve`.
    func commit(_ n: Int) { count += n }

    /// The waiting updates.
    var buffer: UnsafeBufferPointer<PackedConsumerUpdate> { UnsafeBufferPointer(start: storage, count: count) }

    func removeAll() {
        count = 0  // PackedConsumerUpdate is trivial: nothing to deinitialize
        if !wide.isEmpty { wide.removeAll() }
    }
}
