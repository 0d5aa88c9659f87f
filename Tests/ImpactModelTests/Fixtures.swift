@testable import ImpactModel

/// Miller & Blair (2009), *Input-Output Analysis*, 2nd ed., Table 2.3 (§2.3.1,
/// "Numerical example: hypothetical figures"): Z = [[150, 500], [200, 100]],
/// f = (350, 1700), x = (1000, 2000), payments sector (650, 1400).
let millerBlairTable23 = """
# units: dollars
code,label,1,2,final_demand,total_output
1,Sector 1,150,500,350,1000
2,Sector 2,200,100,1700,2000
value_added,Payments sector,650,1400,1100,3150
total_input,Total input,1000,2000,3150,6150
"""

/// The same economy closed with respect to households as in Miller & Blair's
/// closed-model example (§2.5; the 1985 1st ed. printing is reproduced in MIT OCW
/// 11.481J, 2009, "Multipliers in Input-Output Model"): labour-input coefficients
/// (.30, .25), household consumption coefficients (.05, .40), households' own
/// coefficient .05, so Ā = [[.15, .25, .05], [.20, .05, .40], [.30, .25, .05]].
/// Written here as flows with total household income 1,000: compensation 300 and
/// 500 from the sectors and 50 from households; households buy 50 and 400; the
/// rest of the payments and final demand is "other".
let millerBlairClosed = """
# units: dollars
code,label,1,2,household,other_final_demand,total_output
1,Sector 1,150,500,50,300,1000
2,Sector 2,200,100,400,1300,2000
compensation,Compensation of employees,300,500,50,150,1000
other_value_added,Other payments,350,900,0,0,1250
household_income,Household income,,,,,1000
"""

/// Eurostat (2008), *Eurostat Manual of Supply, Use and Input-Output Tables*,
/// Table 15.4 (Germany 1995, domestic output, 6 × 6, million EUR; employment in
/// thousand persons), as transcribed in rOpenGov/iotables (`Beutel_15_4`).
/// Final demand and imports are the row and column residuals.
let eurostatTable154: String = {
    let z: [[Double]] = [
        [1131, 25480, 1, 607, 710, 762],
        [7930, 304584, 64167, 41082, 11981, 30360],
        [426, 7334, 3875, 5296, 23457, 9155],
        [3559, 72717, 14190, 74399, 10835, 21008],
        [3637, 96115, 31027, 65755, 193176, 34223],
        [1552, 14986, 1747, 11225, 15058, 22070],
    ]
    let x: [Double] = [43910, 1079446, 245606, 540063, 692487, 508918]
    let gva: [Double] = [21664, 395022, 115624, 311407, 415426, 365017]
    let employment: [Double] = [1096, 8381, 3236, 9251, 4258, 10206]
    let compensation: [Double] = [9382, 296464, 78819, 214450, 124810, 272975]
    let codes = ["agriculture", "industry", "construction", "trade", "business", "other"]
    func fmt(_ v: Double) -> String { v == v.rounded() ? String(Int(v)) : String(v) }
    var lines = ["# units: million EUR", "code,label,\(codes.joined(separator: ",")),final_demand,total_output"]
    for i in 0..<6 {
        let f = x[i] - z[i].reduce(0, +)
        lines.append("\(codes[i]),\(codes[i]),\(z[i].map(fmt).joined(separator: ",")),\(fmt(f)),\(fmt(x[i]))")
    }
    let imports = (0..<6).map { j in x[j] - (0..<6).map { z[$0][j] }.reduce(0, +) - gva[j] }
    lines.append("imports,Imports,\(imports.map(fmt).joined(separator: ",")),0,")
    lines.append("compensation,Compensation of employees,\(compensation.map(fmt).joined(separator: ",")),0,")
    lines.append("other_value_added,Other value added,\((0..<6).map { fmt(gva[$0] - compensation[$0]) }.joined(separator: ",")),0,")
    lines.append("value_added,Gross value added,\(gva.map(fmt).joined(separator: ",")),0,")
    lines.append("employment,Employment (thousand persons),\(employment.map(fmt).joined(separator: ",")),0,")
    return lines.joined(separator: "\n")
}()

func load(_ csv: String, _ name: String = "test.csv") throws -> IOTable {
    try IOTable(csv: csv, source: name)
}

func isClose(_ a: Double, _ b: Double, tolerance: Double) -> Bool {
    abs(a - b) <= tolerance
}
