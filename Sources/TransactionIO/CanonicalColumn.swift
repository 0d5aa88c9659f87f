/// The canonical transaction-log schema every source is mapped onto:
/// `tx_id,ts,consumer_id,consumer_region,merchant_id,merchant_region,ksic,amount,channel,status`.
///
/// - `ts`: `YYYY-MM-DD HH:MM:SS` (also ISO 8601 with `T` and an offset, and compact `YYYYMMDDHHMMSS`);
/// - regions: 5-digit 시군구 codes; `ksic`: KSIC industry code (up to 8 characters);
/// - `amount`: integer won; `status`: `approved`/`승인` or `cancel`/`취소`. A cancellation
///   (by status, or by a negative amount) removes |amount| from spending.
public enum CanonicalColumn: String, CaseIterable, Sendable {
    case txID = "tx_id"
    case timestamp = "ts"
    case consumerID = "consumer_id"
    case consumerRegion = "consumer_region"
    case merchantID = "merchant_id"
    case merchantRegion = "merchant_region"
    case ksic
    case amount
    case channel
    case status

    /// Columns a scan cannot do without.
    public static let required: [CanonicalColumn] = [.timestamp, .consumerRegion, .merchantRegion, .ksic, .amount]
}
