import ArgumentParser
import LocalCurrencyImpact

#if canImport(Glibc)
import Glibc
#endif

struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Write a SYNTHETIC local-currency transaction log (deterministic per seed).",
        discussion: """
            --shape canonical (the default) writes the canonical schema in ASCII. --shape card-export \
            writes the same transactions as a card-company export: the Korean preset's headers \
            (거래일시, 가맹점번호, 가맹점명, …, 취소여부) in another column order, Korean merchant names \
            (a third quoted, with a comma inside) and channels, YYYYMMDDHHMMSS timestamps, a Y/N \
            cancellation flag, CRLF line ends, in --encoding utf8 or cp949; with \
            --separate-date-time the timestamp is two columns, 거래일자 (YYYYMMDD) and 거래시간 (HHMMSS). \
            Every shape of one seed scans to the same aggregates.
            """)

    enum Shape: String, ExpressibleByArgument, CaseIterable {
        case canonical
        case cardExport = "card-export"
    }

    @Option(help: "Number of rows.")
    var rows: Int

    @Option(help: "Random seed.")
    var seed: UInt64 = 42

    @Option(help: "Output CSV path.")
    var out: String

    @Option(help: "Row layout: canonical or card-export.")
    var shape: Shape = .canonical

    @Option(help: "Text encoding of a card-export log: utf8 or cp949 (the canonical shape is ASCII).")
    var encoding: String?

    @Flag(help: "Card-export only: write the timestamp as two columns, 거래일자 and 거래시간.")
    var separateDateTime = false

    func validate() throws {
        if separateDateTime && shape != .cardExport {
            throw ValidationError("--separate-date-time applies to --shape card-export")
        }
        guard rows >= 0 else { throw ValidationError("--rows must be 0 or more (got \(rows))") }
        if let encoding {
            guard TextEncoding(rawValue: encoding) != nil else {
                throw ValidationError("--encoding must be utf8 or cp949 (got '\(encoding)')")
            }
            guard shape == .cardExport else {
                throw ValidationError("--encoding applies to --shape card-export (the canonical shape is ASCII)")
            }
        }
    }

    var logShape: SyntheticLogShape {
        switch shape {
        case .canonical: return .canonical
        case .cardExport:
            return .cardExport(encoding.flatMap(TextEncoding.init(rawValue:)) ?? .utf8, separateDateAndTime: separateDateTime)
        }
    }

    func run() throws {
        try reportingErrors {
            let clock = Stopwatch()
            // Via a temporary file and rename, like every output (an interrupted run leaves no partial log).
            let bytes = try AtomicFileWriter.write(to: out) { try SyntheticLogGenerator(rows: rows, seed: seed, shape: logShape).write(to: $0) }
            let seconds = clock.seconds
            printError("wrote \(rows) rows (\(bytes) bytes) to \(out) in \(format1(seconds)) s (\(format1(Double(bytes) / 1e6 / max(seconds, 1e-9))) MB/s)")
        }
    }
}

func format1(_ v: Double) -> String { TextTableRenderer.number(v, decimals: 1) }
