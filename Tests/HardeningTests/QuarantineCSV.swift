/// A minimal RFC 4180 reader for the quarantine files the tests read back
/// (quoted fields may hold commas, quotes and newlines).
enum QuarantineCSV {
    static func records(_ bytes: [UInt8]) -> [[String]] {
        var records: [[String]] = []
        var fields: [String] = []
        var field: [UInt8] = []
        var inQuotes = false
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            if inQuotes {
                if b == 0x22 {
                    if i + 1 < bytes.count && bytes[i + 1] == 0x22 {
                        field.append(0x22)
                        i += 1
                    } else {
                        inQuotes = false
                    }
                } else {
                    field.append(b)
                }
            } else if b == 0x22 {
                inQuotes = true
            } else if b == 0x2C {
                fields.append(String(decoding: field, as: UTF8.self))
                field = []
            } else if b == 0x0A {
                fields.append(String(decoding: field, as: UTF8.self))
                field = []
                if !(fields.count == 1 && fields[0].hasPrefix("#")) { records.append(fields) }
                fields = []
            } else if b != 0x0D {
                field.append(b)
            }
            i += 1
        }
        if !field.isEmpty || !fields.isEmpty {
            fields.append(String(decoding: field, as: UTF8.self))
            records.append(fields)
        }
        return records
    }
}
