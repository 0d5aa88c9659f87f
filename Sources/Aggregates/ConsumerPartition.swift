/// One consumer partition of a parallel scan: a shard of the result's consumer table (the
/// keys `ConsumerTable.shard(of:count:)` sends to it), and the rule for when the updates the
/// workers hold for it are applied.
///
/// Updates wait in the workers' outboxes until the partition has `flushFactor` of them per
/// consumer it holds (at least `minimumFlush`); a consumer phase then applies them together.
/// A partition holds a small part of the consumers (1/128 with two workers on a large log),
/// so its records are a few hundred KiB, and a flush updates each record about twice while its
/// two lines are in cache, instead of fetching two lines from DRAM for every update. The
/// price is the waiting updates: 24 bytes each (`PackedConsumerUpdate`), at most about
/// `flushFactor` × 24 bytes per consumer. On the 32 M-row log (800,000 consumers;
/// docs/SCAN-PERFORMANCE.md) this took the scan from 5.0–5.1 to 4.4–4.5 s, and peak RSS from
/// 200 to 255 MB.
final class ConsumerPartition: @unchecked Sendable {
    // @unchecked Sendable: during a consumer phase one worker at a time flushes a partition
    // (they take partitions from a shared counter); the phases are separated by barriers.
    var table = ConsumerTable()
    /// Its number among the scan's partitions (the outbox each accumulator keeps for it).
    let index: Int

    static let flushFactor = 2
    static let defaultMinimumFlush = 4096
    /// The fewest waiting updates a flush applies (`defaultMinimumFlush`; tests make it small
    /// so that partitions flush in the middle of small scans).
    let minimumFlush: Int

    init(index: Int, minimumFlush: Int = ConsumerPartition.defaultMinimumFlush) {
        self.index = index
        self.minimumFlush = minimumFlush
    }

    /// Applies the updates that `accumulators` hold for this partition once there are enough
    /// of them (`force`: whatever their number). Only in a consumer phase, when no worker
    /// writes outboxes.
    func flush(from accumulators: [ChunkAccumulator], force: Bool = false) {
        var waiting = 0
        for a in accumulators { waiting += a.waiting(for: index) }
        guard waiting > 0, force || waiting >= max(minimumFlush, Self.flushFactor * table.count) else { return }
        for a in accumulators { a.applyWaiting(for: index, to: &table) }
    }
}
