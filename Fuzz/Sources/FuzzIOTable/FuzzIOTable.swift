import FuzzSupport
import LocalCurrencyImpact

/// Fuzz target: the IO table loader and the model built on it. Input = a table CSV,
/// optionally followed by a NUL byte and a second CSV used both as a concordance
/// (`ksic,sector,share`) and as a demand file (`sector,amount`). Checks: every
/// failure is an `IOTableError` naming the source (and never a trap); a table that
/// loads has finite flows and outputs; a model that builds has finite multipliers
/// with output multipliers ≥ 1 (A ≥ 0 and Hawkins–Simon make L ≥ I).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzIOTable(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let input = FuzzInput(data, size)
    let (first, second) = FuzzInput.splitAtNUL(input.bytes)
    let table: IOTable
    do {
        table = try IOTable(csv: String(decoding: first, as: UTF8.self), source: "table.csv")
    } catch {
        FuzzCheck.require(error.file == "table.csv" && !error.hint.isEmpty, "table error without file or hint: \(error)")
        return 0
    }
    let n = table.sectorCount
    FuzzCheck.require(n >= 1 && table.totalOutput.count == n, "table with \(n) sectors and \(table.totalOutput.count) outputs")
    FuzzCheck.require(table.totalOutput.allSatisfy { $0.isFinite && $0 >= 0 }, "non-finite or negative total output accepted")
    let model: LeontiefModel
    do {
        model = try LeontiefModel(table: table)
    } catch {
        FuzzCheck.require(error.file == "table.csv" && !error.hint.isEmpty, "model error without file or hint: \(error)")
        return 0
    }
    do {
        for m in try model.multipliers() {
            FuzzCheck.require(m.outputType1.isFinite && m.outputType1 >= 1 - 1e-9, "output multiplier \(m.outputType1) of '\(m.code)'")
            FuzzCheck.require(m.valueAdded.isFinite, "value-added multiplier \(m.valueAdded) of '\(m.code)'")
        }
        var demand = [Double](repeating: 1, count: n)
        if let second {
            let text = String(decoding: second, as: UTF8.self)
            do {
                demand = try FinalDemandChange(csv: text, source: "demand.csv", table: table).values
            } catch {
                FuzzCheck.require(error.file == "demand.csv" && !error.hint.isEmpty, "demand error without file or hint: \(error)")
            }
            do {
                let concordance = try Concordance(csv: text, source: "map.csv", table: table)
                _ = concordance.map(spending: [("56111", 1_000_000), ("47", 5_000), ("9", -300)], sectorCount: n, wonPerUnit: 1e6)
            } catch {
                FuzzCheck.require(error.file == "map.csv" && !error.hint.isEmpty, "concordance error without file or hint: \(error)")
            }
        }
        _ = try model.impact(of: demand)
    } catch {
        // Solver failures are typed errors (a trap would have aborted before here).
        FuzzCheck.require("\(error)".contains("error"), "untyped model failure: \(error)")
    }
    return 0
}

/// The entry point: libFuzzer's driver with `fuzzIOTable`.
@main
enum FuzzIOTableMain {
    static func main() { FuzzDriver.run(fuzzIOTable) }
}
