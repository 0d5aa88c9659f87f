/// Consumer updates waiting for their partition's owner (one per worker × partition).
final class ConsumerOutbox: @unchecked Sendable {
    // @unchecked Sendable: written by its worker in the parse phase and drained by the
    // partition owner in the consumer phase; the phases are separated by a barrier.
    var updates: [ConsumerUpdate] = []
}

/// A consumer partition owned by one worker during a scan.
final class ConsumerPartition: @unchecked Sendable {
    // @unchecked Sendable: mutated only by its owning worker, between barriers.
    var table = ConsumerTable()
}
