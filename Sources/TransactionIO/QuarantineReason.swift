/// Why a row was not counted. Every row read is either accepted or quarantined
/// with one of these reasons (and its file, line and raw bytes).
public enum QuarantineReason: String, CaseIterable, Sendable, Codable {
    case wrongFieldCount = "wrong_field_count"
    case unterminatedQuote = "unterminated_quote"
    case invalidAmount = "invalid_amount"
    case amountOverflow = "amount_overflow"
    case invalidTimestamp = "invalid_timestamp"
    case invalidRegion = "invalid_region"
    case invalidIndustry = "invalid_industry"
    case unknownStatus = "unknown_status"
    case invalidEncoding = "invalid_encoding"
    case duplicateTransaction = "duplicate_tx_id"
    case bareCarriageReturn = "bare_carriage_return"
    case truncatedLastLine = "truncated_last_line"
    case recordTooLong = "record_too_long"

    /// What the reason means and what to do, for summaries.
    public var explanation: String {
        switch self {
        case .wrongFieldCount: return "the row has a different number of fields than the header (check delimiters and quoting)"
        case .unterminatedQuote: return "a quoted field is not closed before the end of the file (the file may be truncated)"
        case .invalidAmount: return "amount is not an integer number of won"
        case .amountOverflow: return "amount does not fit in a 64-bit integer of won"
        case .invalidTimestamp: return "ts is not a valid date and time (YYYY-MM-DD HH:MM:SS, ISO 8601 or YYYYMMDDHHMMSS; split over two columns, a date YYYYMMDD or YYYY-MM-DD and a time HHMMSS or HH:MM:SS)"
        case .invalidRegion: return "a region code is not a number of 1 to 18 digits"
        case .invalidIndustry: return "the industry code is empty or longer than 8 characters"
        case .unknownStatus: return "status is not a known approved or cancelled value (add it with --approved-values or --cancel-values)"
        case .bareCarriageReturn: return "the row holds a bare CR line end (old Mac style), which joins lines into one row; convert CR to LF first (for example: tr '\\r' '\\n' < in.csv > out.csv)"
        case .duplicateTransaction: return "the tx_id was already seen earlier in the log (--dedupe keeps the first occurrence)"
        case .invalidEncoding: return "the row has bytes that are not valid in the file's encoding (check --encoding)"
        case .recordTooLong: return "the row is longer than 64 MiB: almost always a quote opened and closed much later (or a file that is not a transaction log); check the quoting at its line"
        case .truncatedLastLine: return "the file's last line has no newline and fewer fields than the header: the file looks cut short (an interrupted export, download or copy); compare its size with the source and export it again"
        }
    }
}

extension QuarantineReason {
    /// The reason for a row with `fields` fields where the header has `expected`: bare CR line
    /// ends, or a last line cut short (no newline after it: `endsData`, and too few fields), get
    /// their own reasons, so the message names the cause and the fix; anything else is a wrong
    /// field count.
    static func fieldCount(_ raw: UnsafeRawBufferPointer, fields: Int, expected: Int, endsData: Bool) -> QuarantineReason {
        var i = 0
        while i < raw.count {
            if raw[i] == 0x0D && (i + 1 == raw.count || raw[i + 1] != 0x0A) { return .bareCarriageReturn }
            i += 1
        }
        return endsData && fields < expected ? .truncatedLastLine : .wrongFieldCount
    }

    /// The 1-based number of the first field (given as byte ranges) that is not valid in `encoding`.
    static func invalidField(_ data: UnsafeRawBufferPointer, fields: [Range<Int>], encoding: TextEncoding) -> Int? {
        for (k, r) in fields.enumerated() where !encoding.isValid(UnsafeRawBufferPointer(rebasing: data[r])) { return k + 1 }
        return nil
    }
}
