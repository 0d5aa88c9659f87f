/// How `SyntheticLogGenerator` writes its rows. The transactions depend only on the row count
/// and the seed, so the logs of one seed in every shape scan to the same aggregates.
public enum SyntheticLogShape: Sendable, Equatable {
    /// The canonical schema and order, ASCII, `YYYY-MM-DD HH:MM:SS`, status approved/cancel.
    case canonical
    /// The shape of a card-company export (`CardExportText`): Korean headers of the built-in
    /// preset in another column order, Korean merchant names (a third quoted, with a comma
    /// inside) and channels, `YYYYMMDDHHMMSS` timestamps, a Y/N cancellation flag (취소여부),
    /// no transaction id, CRLF line ends, in UTF-8 or CP949. With `separateDateAndTime`, the
    /// timestamp is split over 거래일자 (`YYYYMMDD`) and 거래시간 (`HHMMSS`), as some exports write it.
    case cardExport(TextEncoding, separateDateAndTime: Bool = false)
}
