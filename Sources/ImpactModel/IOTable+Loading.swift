import LinearAlgebra

#if canImport(Glibc)
import Glibc
#endif

extension IOTable {
    /// Row codes with a fixed meaning below the sector rows.
    static let reservedRowCodes: Set<String> = [
        "imports", "compensation", "value_added", "total_input", "employment", "household_income",
        "imports_rest_of_nation",
    ]

    /// Options for loading a table.
    public struct LoadOptions: Sendable {
        /// Unit override (`--units`); when nil the `# units:` header comment is used.
        public var units: String?
        /// Relative tolerance for row/column balances: a sector is reported when its
        /// imbalance exceeds `max(absoluteTolerance, relativeTolerance · x)`.
        public var relativeTolerance: Double
        /// Absolute tolerance in table units (published tables are rounded to one unit).
        public var absoluteTolerance: Double

        public init(units: String? = nil, relativeTolerance: Double = 1e-3, absoluteTolerance: Double = 1) {
            self.units = units
            self.relativeTolerance = relativeTolerance
            self.absoluteTolerance = absoluteTolerance
        }
    }

    /// Loads a table from a CSV file in the documented layout (SampleData/README.md).
    public static func load(path: String, options: LoadOptions = LoadOptions()) throws(IOTableError) -> IOTable {
        let bytes = try readFileBytes(path)
        return try IOTable(parsed: try TextTable(bytes: bytes, source: path), source: path, options: options)
    }

    /// Parses a table from CSV text. `source` names it in messages.
    public init(csv text: String, source: String, options: LoadOptions = LoadOptions()) throws(IOTableError) {
        try self.init(parsed: try TextTable(text: text, source: source), source: source, options: options)
    }

    init(parsed table: TextTable, source: String, options: LoadOptions) throws(IOTableError) {
        guard let header = table.records.first else {
            throw IOTableError(.emptyTable, file: source, message: "the table has no header row",
                               hint: "the first line must be code,label,<sector codes…>,<final demand…>,total_output")
        }
        let h = header.fields.map { $0.trimmingWhitespace() }
        let headerCodes = Set(h.dropFirst(2))
        guard h.count >= 3, h[0].lowercased() == "code", h[1].lowercased() == "label" else {
            throw IOTableError(.missingColumn, file: source, line: header.line, column: 1,
                               message: "the header must start with code,label (found \(h.prefix(2).joined(separator: ",")))",
                               hint: "write the header as code,label,<sector codes…>,<final demand…>,total_output")
        }
        guard let totalColumn = h.firstIndex(where: { $0.lowercased() == "total_output" }) else {
            throw IOTableError(.missingColumn, file: source, line: header.line,
                               message: "the header has no total_output column",
                               hint: "add a total_output column after the final-demand columns")
        }
        if totalColumn != h.count - 1 {
            throw IOTableError(.missingColumn, file: source, line: header.line, column: totalColumn + 2,
                               message: "columns after total_output (\(h[(totalColumn + 1)...].joined(separator: ",")))",
                               hint: "total_output must be the last column; move or delete the extra columns")
        }
        let dataRows = Array(table.records.dropFirst())
        let units = MoneyUnit(parsing: options.units ?? table.commentValue("units") ?? "")
        if units.label.isEmpty {
            throw IOTableError(.missingUnits, file: source,
                               message: "the table does not declare its money unit",
                               hint: "add a first line such as '# units: million won', or pass --units")
        }

        // Sector rows: the leading rows whose codes are not reserved.
        var sectorRows: [TextTable.Record] = []
        var otherRows: [TextTable.Record] = []
        for record in dataRows {
            let code = record.firstField.trimmingWhitespace()
            if otherRows.isEmpty && !Self.reservedRowCodes.contains(code.lowercased()) && headerCodes.contains(code) && code != h[totalColumn] {
                sectorRows.append(record)
            } else {
                otherRows.append(record)
            }
        }
        for record in dataRows {
            let count = record.fieldCount
            if count != h.count {
                throw IOTableError(.malformedCSV, file: source, line: record.line,
                                   message: "row has \(count) fields but the header has \(h.count)",
                                   hint: "every row needs one cell per header column (empty cells are read as 0)")
            }
        }
        let codes = sectorRows.map { $0.firstField.trimmingWhitespace() }
        let n = codes.count
        guard n > 0 else {
            throw IOTableError(.emptyTable, file: source, line: dataRows.first?.line,
                               message: "no sector rows: no row code matches a header column",
                               hint: "sector rows come first, each with a code that also names a column")
        }
        var seen: [String: Int] = [:]
        for (k, record) in sectorRows.enumerated() {
            if let first = seen[codes[k]] {
                throw IOTableError(.duplicateSector, file: source, line: record.line, column: 1,
                                   message: "sector code '\(codes[k])' appears twice (also on line \(sectorRows[first].line))",
                                   hint: "give every sector a unique code")
            }
            seen[codes[k]] = k
        }
        let sectorColumnCodes = Set(h[2..<totalColumn])
        for record in otherRows {
            let code = record.firstField.trimmingWhitespace()
            if seen[code] != nil || (sectorColumnCodes.contains(code) && !Self.reservedRowCodes.contains(code.lowercased())) {
                throw IOTableError(.sectorMismatch, file: source, line: record.line, column: 1,
                                   message: "sector row '\(code)' comes after the value-added rows",
                                   hint: "put all sector rows first, in the order of the sector columns")
            }
        }
        // Sector columns: header columns 2..<2+n must be the same codes in the same order.
        for k in 0..<n {
            let columnCode = 2 + k < totalColumn ? h[2 + k] : "(none)"
            if columnCode != codes[k] {
                throw IOTableError(.sectorMismatch, file: source, line: header.line, column: 3 + k,
                                   message: "column \(3 + k) is '\(columnCode)' but sector row \(k + 1) is '\(codes[k])'",
                                   hint: "sector columns must follow code,label in the same order as the sector rows")
            }
        }
        let headerDuplicates = Dictionary(grouping: h[2..<totalColumn], by: { $0 }).filter { $0.value.count > 1 }
        if let dup = headerDuplicates.keys.sorted().first {
            throw IOTableError(.duplicateSector, file: source, line: header.line,
                               message: "column '\(dup)' appears more than once in the header",
                               hint: "give every column a unique name")
        }
        let finalDemandNames = Array(h[(2 + n)..<totalColumn])
        let k = finalDemandNames.count

        func number(_ record: TextTable.Record, _ fields: TextTable.Fields, _ column: Int, allowNegative: Bool, what: String) throws(IOTableError) -> Double {
            guard let v = fields.number(column) else {
                let raw = fields[column]
                throw IOTableError(.invalidNumber, file: source, line: record.line, column: column + 1,
                                   message: "cell '\(h[column])' of row '\(fields[0])' is '\(raw)', not a number",
                                   hint: "write a finite number (empty or '-' means 0); NaN and infinity are not allowed")
            }
            if v < 0 && !allowNegative {
                throw IOTableError(.negativeValue, file: source, line: record.line, column: column + 1,
                                   message: "\(what) '\(h[column])' of row '\(fields[0])' is negative (\(fields[column]))",
                                   hint: "\(what)s cannot be negative; check the sign or the cell")
            }
            return v
        }

        var z = Matrix(rows: n, columns: n)
        var f = Matrix(rows: n, columns: k)
        var x = [Double](repeating: 0, count: n)
        var labels: [String] = []
        for (i, record) in sectorRows.enumerated() {
            let fields = record.split()
            labels.append(fields[1].trimmingWhitespace())
            // Row i of Z goes to the column-major storage with stride n (no per-cell bounds checks).
            var row = [Double](repeating: 0, count: n)
            for j in 0..<n { row[j] = try number(record, fields, 2 + j, allowNegative: false, what: "intermediate flow") }
            z.withUnsafeMutableBufferPointer { buffer in
                for j in 0..<n { buffer[i + j * n] = row[j] }  // Safe: i, j < n, so i + j·n < n·n.
            }
            // Final demand may be negative (changes in inventories, re-exports).
            for c in 0..<k { f[i, c] = try number(record, fields, 2 + n + c, allowNegative: true, what: "final demand") }
            x[i] = try number(record, fields, totalColumn, allowNegative: false, what: "total output")
        }

        var imports: [Double]?
        var importsFD: [Double]?
        var importsRest: (record: TextTable.Record, values: [Double])?
        var valueAddedTotal: [Double]?
        var totalInput: (record: TextTable.Record, values: [Double])?
        var employment: [Double]?
        var compensation: [Double]?
        var compensationFD: [Double]?
        var compensationTotal: Double?
        var householdIncome: Double?
        var components: [(code: String, label: String, values: [Double], line: Int)] = []
        var seenOther: [String: Int] = [:]
        for record in otherRows {
            let fields = record.split()
            let code = fields[0].trimmingWhitespace()
            let key = code.lowercased()
            if let previous = seenOther[key] {
                throw IOTableError(.duplicateSector, file: source, line: record.line, column: 1,
                                   message: "row '\(code)' appears twice (also on line \(previous))",
                                   hint: "keep one row per code")
            }
            seenOther[key] = record.line
            let negativeOK = !(key == "imports" || key == "employment" || key == "compensation" || key == "imports_rest_of_nation")
            let what = key == "employment" ? "employment" : (key == "imports" ? "import" : "compensation")
            var values = [Double](repeating: 0, count: n)
            for j in 0..<n { values[j] = try number(record, fields, 2 + j, allowNegative: negativeOK, what: what) }
            switch key {
            case "imports":
                imports = values
                var fd = [Double](repeating: 0, count: k)
                for c in 0..<k { fd[c] = try number(record, fields, 2 + n + c, allowNegative: true, what: what) }
                importsFD = fd
            case "imports_rest_of_nation": importsRest = (record, values)
            case "value_added": valueAddedTotal = values
            case "total_input": totalInput = (record, values)
            case "employment": employment = values
            case "household_income":
                householdIncome = try number(record, fields, totalColumn, allowNegative: false, what: "household income")
            default:
                if key == "compensation" {
                    compensation = values
                    var fd = [Double](repeating: 0, count: k)
                    for c in 0..<k { fd[c] = try number(record, fields, 2 + n + c, allowNegative: false, what: what) }
                    compensationFD = fd
                    compensationTotal = values.reduce(0, +) + fd.reduce(0, +)
                }
                components.append((code, fields[1].trimmingWhitespace(), values, record.line))
            }
        }

        // Row and column sums in one sequential pass each (column-major storage).
        let zRowSums = z.rowSums, zColumnSums = z.columnSums, fRowSums = f.rowSums
        var warnings: [IOTableWarning] = []
        let tolerance: (Double) -> Double = { max(options.absoluteTolerance, options.relativeTolerance * abs($0)) }

        // Value added: given, from components, or both (then they must agree).
        var valueAdded: [Double]
        if !components.isEmpty {
            var sum = [Double](repeating: 0, count: n)
            for c in components { for j in 0..<n { sum[j] += c.values[j] } }
            if let given = valueAddedTotal {
                for j in 0..<n where abs(given[j] - sum[j]) > tolerance(x[j]) {
                    let line = otherRows.first { $0.firstField.trimmingWhitespace().lowercased() == "value_added" }?.line
                    throw IOTableError(
                        .inconsistentTotals, file: source, line: line, column: 3 + j,
                        message: "value_added of sector '\(codes[j])' is \(given[j]) but its components (\(components.map(\.code).joined(separator: " + "))) sum to \(sum[j])",
                        hint: "correct the value_added row or its component rows, or drop one of them")
                }
                valueAdded = given
            } else {
                valueAdded = sum
            }
        } else if let given = valueAddedTotal {
            valueAdded = given
        } else {
            // Neither: value added is the residual of the column balance.
            valueAdded = (0..<n).map { j in x[j] - zColumnSums[j] - (imports?[j] ?? 0) }
            warnings.append(IOTableWarning(file: source, message: "no value_added row or components: value added taken as total output minus intermediate inputs\(imports == nil ? "" : " and imports")"))
        }

        // Zero-output sectors: allowed only when nothing flows in or out of them.
        for j in 0..<n where x[j] == 0 {
            let inputs = zColumnSums[j]
            let sales = zRowSums[j] + fRowSums[j]
            if inputs != 0 || sales != 0 {
                throw IOTableError(.zeroOutput, file: source, line: sectorRows[j].line, column: totalColumn + 1,
                                   message: "sector '\(codes[j])' has total output 0 but \(inputs != 0 ? "buys inputs (\(inputs))" : "sells output (\(sales))")",
                                   hint: "give the sector its total output, or remove its flows")
            }
            warnings.append(IOTableWarning(file: source, message: "sector '\(codes[j])' has zero output: its input coefficients are 0 and its ratio multipliers are undefined (null)"))
        }

        // Row balance: Σⱼ Zᵢⱼ + Σ_c Fᵢc = xᵢ.
        var worstRow: (Int, Double) = (-1, 0)
        var rowsOff = 0
        for i in 0..<n {
            let gap = zRowSums[i] + fRowSums[i] - x[i]
            if abs(gap) > tolerance(x[i]) {
                rowsOff += 1
                if abs(gap) > abs(worstRow.1) { worstRow = (i, gap) }
            }
        }
        if rowsOff > 0 {
            let i = worstRow.0
            warnings.append(IOTableWarning(file: source, message: "\(rowsOff) sector row(s) do not balance (intermediate + final demand ≠ total_output); worst: '\(codes[i])' off by \(formatNumber(worstRow.1)) \(units) (\(formatNumber(100 * worstRow.1 / max(abs(x[i]), 1e-300)))% of output)"))
        }
        // Column balance: Σᵢ Zᵢⱼ + mⱼ + vⱼ = xⱼ, when value added was given.
        if valueAddedTotal != nil || !components.isEmpty {
            var worst: (Int, Double) = (-1, 0)
            var off = 0
            for j in 0..<n {
                let gap = zColumnSums[j] + (imports?[j] ?? 0) + valueAdded[j] - x[j]
                if abs(gap) > tolerance(x[j]) {
                    off += 1
                    if abs(gap) > abs(worst.1) { worst = (j, gap) }
                }
            }
            if off > 0 {
                let j = worst.0
                warnings.append(IOTableWarning(file: source, message: "\(off) sector column(s) do not balance (intermediate + imports + value added ≠ total_output); worst: '\(codes[j])' off by \(formatNumber(worst.1)) \(units)"))
            }
        }
        if let ti = totalInput {
            for j in 0..<n where abs(ti.values[j] - x[j]) > tolerance(x[j]) {
                throw IOTableError(.inconsistentTotals, file: source, line: ti.record.line, column: 3 + j,
                                   message: "total_input of sector '\(codes[j])' is \(ti.values[j]) but its total_output is \(x[j])",
                                   hint: "total input must equal total output for every sector; correct one of them")
            }
        }

        if let importsRest {
            guard let imports else {
                throw IOTableError(.missingColumn, file: source, line: importsRest.record.line, column: 1,
                                   message: "the table has an imports_rest_of_nation row but no imports row",
                                   hint: "add the imports row (all purchases from outside the region); imports_rest_of_nation is the part of it from the rest of the nation")
            }
            for j in 0..<n where importsRest.values[j] > imports[j] + tolerance(x[j]) {
                throw IOTableError(.inconsistentTotals, file: source, line: importsRest.record.line, column: 3 + j,
                                   message: "imports_rest_of_nation of sector '\(codes[j])' (\(importsRest.values[j])) exceeds its imports (\(imports[j]))",
                                   hint: "imports_rest_of_nation is part of the imports row; correct one of them")
            }
        }
        self.init(
            source: source, units: units, sectorCodes: codes, sectorLabels: labels, flows: z,
            finalDemandNames: finalDemandNames, finalDemand: f, totalOutput: x, imports: imports,
            valueAdded: valueAdded, valueAddedComponents: components.map { ($0.code, $0.label, $0.values) },
            compensation: compensation, compensationInFinalDemand: compensationFD, employment: employment,
            householdIncome: compensation == nil ? nil : (householdIncome ?? compensationTotal),
            householdColumn: finalDemandNames.firstIndex { $0.lowercased() == "household" },
            warnings: warnings, importsFromRestOfNation: importsRest?.values, importsInFinalDemand: importsFD)
        self.headerLine = header.line
    }
}

/// Reads a whole text file, with a clear error when it cannot.
func readTextFile(_ path: String) throws(IOTableError) -> String {
    String(decoding: try readFileBytes(path), as: UTF8.self)
}

/// Reads a whole file as bytes that are valid UTF-8, with a clear error when it cannot.
func readFileBytes(_ path: String) throws(IOTableError) -> [UInt8] {
    guard let file = fopen(path, "rb") else {
        let reason = String(cString: strerror(errno))
        throw IOTableError(.unreadableFile, file: path, message: "cannot open the file (\(reason))",
                           hint: "check the path and its permissions")
    }
    defer { fclose(file) }
    var info = stat()
    let size = fstat(fileno(file), &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG ? Int(info.st_size) : 0
    var bytes: [UInt8]
    if size > 0 {
        // One read into a buffer of the file's size (a 10,000-sector table is ~200 MB).
        var got = 0
        bytes = LargeArray.make(count: size) { buffer in
            got = fread(buffer.baseAddress, 1, size, file)
            if got < size { (buffer.baseAddress! + got).initialize(repeating: 0, count: size - got) }
        }
        if got < size { bytes.removeLast(size - got) }
    } else {
        bytes = []
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let got = buffer.withUnsafeMutableBytes { fread($0.baseAddress, 1, $0.count, file) }
            if got > 0 { bytes.append(contentsOf: buffer[0..<got]) }
            if got < buffer.count { break }
        }
    }
    if ferror(file) != 0 {
        throw IOTableError(.unreadableFile, file: path, message: "read error", hint: "check the file and the disk")
    }
    guard isValidUTF8(bytes) else {
        throw IOTableError(.unreadableFile, file: path, message: "the file is not valid UTF-8",
                           hint: "save it as UTF-8 (for a CP949 file: iconv -f CP949 -t UTF-8 FILE)")
    }
    return bytes
}

/// Whether `bytes` is valid UTF-8: an ASCII fast path eight bytes at a time, then the
/// standard library's validation for files with non-ASCII text (Korean labels).
func isValidUTF8(_ bytes: [UInt8]) -> Bool {
    let ascii = bytes.withUnsafeBytes { raw -> Bool in
        let words = raw.count / 8
        var high: UInt64 = 0
        for k in 0..<words { high |= raw.loadUnaligned(fromByteOffset: k * 8, as: UInt64.self) }  // Safe: k·8 + 8 ≤ count.
        for k in (words * 8)..<raw.count { high |= UInt64(raw[k]) }
        return high & 0x8080_8080_8080_8080 == 0
    }
    return ascii || String(validating: bytes, as: UTF8.self) != nil
}

/// A number for messages: integers without decimals, others to 6 significant digits.
func formatNumber(_ v: Double) -> String {
    if !v.isFinite { return "\(v)" }
    if v == v.rounded() && abs(v) < 1e15 { return String(Int64(v)) }
    let scale = pow(10, 5 - floor(log10(abs(v))))
    return "\((v * scale).rounded() / scale)"
}
