/// The canonical transaction-log schema every source is mapped onto:
/// `tx_id,ts,consumer_id,consumer_region,merchant_id,merchant_region,ksic,amount,channel,status`.
///
/// - `ts`: `YYYY-MM-DD HH:MM:SS` (also ISO 8601 with `T` and an offset, and compact `YYYYMMDDHHMMSS`);
///   or, where an export splits it (거래일자 + 거래시간), two columns `date` (`YYYYMMDD`,
///   `YYYY-MM-DD`, `YYYY/MM/DD`, `YYYY.MM.DD`) and `time` (`HHMMSS`, `HHMM`, `HH:MM[:SS]`),
///   read together as one `ts` (`ts` is used when a header has both);
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
    /// The date half of a timestamp split over two columns.
    case date
    /// The clock-time half of a timestamp split over two columns.
    case time

    /// Columns a scan cannot do without (`ts` may be given as `date` and `time` instead).
    public static let required: [CanonicalColumn] = [.timestamp, .consumerRegion, .merchantRegion, .ksic, .amount]
}
