import ArgumentParser
import LocalCurrencyImpact

/// Options shared by the commands that scan logs.
struct ScanArguments: ParsableArguments {
    @Option(name: .customLong("max-bad-rows"), help: "Stop when more than N rows, or P% of rows, are quarantined.")
    var maxBadRows: ScanOptions.BadRowLimit?

    var options: ScanOptions { ScanOptions(maxBadRows: maxBadRows) }
}

extension ScanOptions.BadRowLimit: ExpressibleByArgument {
    public init?(argument: String) { self.init(parsing: argument) }
}
