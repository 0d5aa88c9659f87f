/// A form in which a consumer update is stored: the full `ConsumerUpdate` or the 24-byte
/// `PackedConsumerUpdate`. `ConsumerStorage.apply` is generic over it (and specialised), so
/// both forms share one update loop.
protocol ConsumerUpdateForm: Sendable {
    var key: UInt64 { get }
    var unpacked: ConsumerUpdate { get }
}
