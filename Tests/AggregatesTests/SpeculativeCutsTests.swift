import Testing
@testable import TransactionIO
@testable import Aggregates

/// The parallel driver guesses that each chunk cut lies outside quotes (no quote parity
/// pass over the file); the parse checks every guess, and a wrong one (a quoted field
/// spanning lines crossed by a cut) makes `LogScan` scan the file again with exact cuts.
@Suite("Speculative chunk cuts")
struct SpeculativeCutsTests {
    /// `plainRows` rows without quotes, then a bad amount, then rows whose note (the first field,
    /// so that a cut after a row's start falls inside it) is a quoted field of `noteLines`
    /// lines, then another bad row and plain rows.
    static func log(plainRows: Int, noteLines: Int) -> [UInt8] {
        var out = "note,tx_id,ts,consumer_id,consumer_region,merchant_id,merchant_region,ksic,amount,status\n"
        func row(_ k: Int, amount: String = "1200", note: String = "plain") -> String {
            "\(note),T\(k),2024-03-0\(k % 9 + 1) 10:00:00,C\(k % 17),47111,M\(k % 5),4711\(k % 3),56111,\(amount),approved\n"
        }
        for k in 0..<plainRows { out += row(k) }
        out += row(plainRows, amount: "12x")
        let note = "\"" + (0..<noteLines).map { "line \($0), still quoted" }.joined(separator: "\n") + "\""
        for k in 0..<3 { out += row(plainRows + 1 + k, note: note) }
        out += row(plainRows + 4, amount: "-")
        for k in 0..<plainRows { out += row(plainRows + 5 + k) }
        return Array(out.utf8)
    }

    @Test func aWrongGuessIsDetected() throws {
        let bytes = Self.log(plainRows: 200, noteLines: 30)
        let options = ScanOptions(chunkSize: 512, threads: 2)
        let (reference, _) = try referenceAggregates(bytes)
        try bytes.withUnsafeBytes { raw in
            let layout = try LogLayout(bytes: raw, file: "s.csv", options: options)
            let guessed = #expect(throws: ScanError.self) {
                try ParallelScanDriver.run(bytes: raw, layout: layout, options: options, speculativeCuts: true,
                                           onBatch: { _, _ in }, afterRound: { _ in })
            }
            #expect(guessed?.code == .speculationFailed)
            let exact = try ParallelScanDriver.run(bytes: raw, layout: layout, options: options, speculativeCuts: false,
                                                   onBatch: { _, _ in }, afterRound: { _ in })
            #expect(exact == reference.rows)
        }
    }

    /// The scan recovers: the same aggregates and quarantined rows as the reference scan,
    /// each quarantined row reported once (one lies before the wrong guess, one after it).
    @Test(arguments: [(2, 512), (3, 700), (2, 4096)])
    func theScanStartsAgainWithExactCuts(threads: Int, chunkSize: Int) throws {
        let bytes = Self.log(plainRows: 200, noteLines: 30)
        let (reference, referenceBad) = try referenceAggregates(bytes)
        let (fast, fastBad) = try fastAggregates(bytes, options: ScanOptions(batchSize: 7, chunkSize: chunkSize, threads: threads))
        #expect(sameResults(fast, reference))
        #expect(fastBad == referenceBad)
        #expect(referenceBad.count == 2)
    }

    /// Quoted fields without newlines (delimiters and doubled quotes inside) never make a cut's
    /// guess wrong: the driver keeps guessing and gives the reference's rows.
    @Test func quotedFieldsOnOneLineKeepTheGuess() throws {
        var text = "tx_id,ts,consumer_id,consumer_region,merchant_id,merchant_region,ksic,amount,note,status\n"
        for k in 0..<400 {
            text += "T\(k),2024-05-01 09:00:00,C\(k % 11),47111,M\(k % 7),47113,47121,\"1,\(k % 9)00\",\"a, \"\"b\"\"\",cancel\n"
        }
        let bytes = Array(text.utf8)
        let options = ScanOptions(chunkSize: 300, threads: 2)
        let (reference, _) = try referenceAggregates(bytes)
        let rows = try bytes.withUnsafeBytes { raw in
            try ParallelScanDriver.run(bytes: raw, layout: try LogLayout(bytes: raw, file: "q.csv", options: options),
                                       options: options, speculativeCuts: true, onBatch: { _, _ in }, afterRound: { _ in })
        }
        #expect(rows == reference.rows)
        #expect(rows.accepted == 400)
    }

    /// A cut's guessed record start is the start of the next line, whatever quotes lie between
    /// the cut and it: a cut inside a quoted field on one line must not be taken for a cut
    /// before an opening quote (counting quotes from the cut inverted the state there, and the
    /// search ran to the end of the data, so one chunk took the rest of the file: correct rows,
    /// but one worker and the whole file resident).
    @Test func aGuessIsTheNextLineStartEvenInsideQuotes() {
        var text = "merchant_name,amount\n"
        for k in 0..<40 { text += k % 3 == 0 ? "\"오천읍 식당, 본점 \(k)\",\(k)\n" : "plain \(k),\(k)\n" }
        let bytes = Array(text.utf8)
        var lineStarts = bytes.indices.filter { $0 == 0 || bytes[$0 - 1] == 0x0A }
        lineStarts.append(bytes.count)
        bytes.withUnsafeBytes { raw in
            for cut in 1..<bytes.count {
                let expected = lineStarts.first { $0 >= cut }!
                #expect(ParallelScanDriver.guessedRecordStart(raw, at: cut) == expected, "cut at byte \(cut)")
            }
        }
    }

    /// The workers guess each cut's record start one round ahead; a record longer than a chunk
    /// (so several cuts find the same start) or longer than a whole round (so the next round's
    /// grid is not the one guessed for, and its cuts are found on the calling thread) still gives
    /// the reference's rows and aggregates, without a failed guess (a guess that is not a record
    /// start, such as the cut itself, makes the driver throw `speculationFailed` here).
    @Test(arguments: [(2, 300), (2, 1000), (3, 512)])
    func recordsLongerThanChunksAndRounds(threads: Int, chunkSize: Int) throws {
        var text = "tx_id,ts,consumer_id,consumer_region,merchant_id,merchant_region,ksic,amount,channel,status\n"
        for k in 0..<300 {
            // Every 37th row has a 1,500-byte channel, longer than any round here (2 × 300,
            // 2 × 1,000 or 3 × 512 bytes); every 5th a 200-byte one, longer than a chunk.
            let channel = k % 37 == 0 ? String(repeating: "x", count: 1500) : k % 5 == 0 ? String(repeating: "y", count: 200) : "card"
            text += "T\(k),2024-06-0\(k % 9 + 1) 08:30:00,C\(k % 13),47111,M\(k % 6),4711\(k % 4),56111,\(100 + k),\(channel),approved\n"
        }
        let bytes = Array(text.utf8)
        let options = ScanOptions(batchSize: 5, chunkSize: chunkSize, threads: threads)
        let (reference, referenceBad) = try referenceAggregates(bytes)
        let rows = try bytes.withUnsafeBytes { raw in
            try ParallelScanDriver.run(bytes: raw, layout: try LogLayout(bytes: raw, file: "long.csv", options: options),
                                       options: options, speculativeCuts: true, onBatch: { _, _ in }, afterRound: { _ in })
        }
        #expect(rows == reference.rows)
        #expect(rows.accepted == 300)
        let (fast, fastBad) = try fastAggregates(bytes, options: options)
        #expect(sameResults(fast, reference))
        #expect(fastBad == referenceBad)
    }
}
