import FuzzSupport
import LocalCurrencyImpact

/// Fuzz target: the aggregate-state reader (`lcimpact merge`). Input = 1 mode byte,
/// then a state file. With an odd mode byte the file is re-sealed first (fresh
/// `END!` and checksum, see `StateSeal`), so mutations reach the section decoder.
/// Checks: a refused file gives a `corruptState` error naming it; an accepted file
/// round-trips (serialize → read gives the same aggregates and the same bytes),
/// its row accounting adds up, and merging it with itself and rendering the merge report
/// (what `lcimpact merge` prints) do not trap.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzState(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let input = FuzzInput(data, size)
    var bytes = input.payload(skipping: 1)
    if input.config(0) & 1 == 1 { bytes = StateSeal.seal(bytes) }
    let state: ScanAggregates
    do {
        state = try ScanAggregates(serialized: bytes, source: "fuzz.state")
    } catch {
        FuzzCheck.require(error.code == .corruptState && error.file == "fuzz.state", "refusal without code or file: \(error)")
        return 0
    }
    let again = state.serialized()
    do {
        let reread = try ScanAggregates(serialized: again, source: "again.state")
        FuzzCheck.require(reread == state, "a state read back from its own serialization differs")
        FuzzCheck.require(reread.serialized() == again, "serialization is not stable")
    } catch {
        FuzzCheck.fail("the serialization of an accepted state is refused: \(error)")
    }
    for (file, rows) in state.rowsByFile {
        FuzzCheck.require(rows.read == rows.accepted + rows.quarantined, "accounting of \(file) does not add up")
    }
    var doubled = state
    doubled.merge(state)
    FuzzCheck.require(doubled.spending.count == state.spending.count, "self-merge changed the spending keys")
    // What `lcimpact merge` prints next.
    for format in [OutputFormat.json, .csv] { _ = ScanReport(aggregates: doubled).render(format) }
    _ = ScanReport(aggregates: doubled).render(.table)
    return 0
}

/// The entry point: libFuzzer's driver with `fuzzState`.
@main
enum FuzzStateMain {
    static func main() { FuzzDriver.run(fuzzState) }
}
