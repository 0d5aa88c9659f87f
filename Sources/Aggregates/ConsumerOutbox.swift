/// Consumer updates waiting for their partition's owner (one per worker × partition).
/// Raw storage: the worker reserves room for a batch, writes through the pointer,
/// then commits the count; the owner reads `buffer` and clears it.
final class ConsumerOutbox: @unchecked Sendable {
    // @unchecked Sendable: written by its worker in the parse phase and drained by the
    // partition owner in the consumer phase; the phases are separated by a barrier.
    @exclusivity(unchecked) private var storage: UnsafeMutablePointer<ConsumerUpdate>
    @exclusivity(unchecked) private var capacity: Int
    @exclusivity(unchecked) private(set) var count = 0

    init() {
        capacity = 4096
        storage = .allocate(capacity: capacity)
    }

    deinit { storage.deallocate() }

    /// Room for `n` more updates; returns where the next one goes.
    func reserve(_ n: Int) -> UnsafeMutablePointer<ConsumerUpdate> {
        if count + n > capacity {
            var c = capacity
            while c < count + n { c *= 2 }
            let bigger = UnsafeMutablePointer<ConsumerUpdate>.allocate(capacity: c)
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
    var buffer: UnsafeBufferPointer<ConsumerUpdate> { UnsafeBufferPointer(start: storage, count: count) }

    func removeAll() { count = 0 }  // ConsumerUpdate is trivial: nothing to deinitialize
}

/// A consumer partition owned by one worker during a scan.
final class ConsumerPartition: @unchecked Sendable {
    // @unchecked Sendable: mutated only by its owning worker, between barriers.
    var table = ConsumerTable()
}
