/// The text of `SyntheticLogShape.cardExport` rows in one encoding: the header, merchant names
/// and channels encoded once, and the row writer.
///
/// Header (the Korean preset's names, `SchemaMapping.koreanPreset`):
/// 거래일시,가맹점번호,가맹점명,가맹점시군구코드,가맹점업종코드,회원번호,회원거주지코드,결제금액,결제수단,취소여부
/// Row: `20240226115009,M016922,"포항 죽도상회, 2호점",47111,56192,C00318798,47111,11810,모바일,N`.
/// A merchant's name depends only on its number: one of 200 names (20 stems × 10 branches),
/// those of three branches in ten quoted with a comma inside.
/// With `separateDateAndTime`, the first column is two: 거래일자,거래시간 (`20240226,115009`).
struct CardExportText {
    static let headerText = "거래일시,가맹점번호,가맹점명,가맹점시군구코드,가맹점업종코드,회원번호,회원거주지코드,결제금액,결제수단,취소여부\r\n"
    static let stems = ["포항 죽도상회", "해도동 분식", "오천읍 식당", "효자동 마트", "양덕동 약국", "흥해 꽃집", "구룡포 수산",
                        "연일 정육점", "장성동 카페", "두호동 제과점", "대이동 미용실", "상대동 안경원", "송도 횟집", "환호동 서점",
                        "창포동 세탁소", "우현동 철물점", "청하 한의원", "기계 주유소", "동해 학원", "신광 떡집"]
    static let branches = ["본점", "1호점", "2호점", "3호점", "중앙점", "역전점", "시장점", "해변점", "신도시점", "북부점"]
    /// Card, mobile and paper (지류) certificates, as the canonical log's channels.
    static let channelNames = ["카드", "모바일", "지류"]

    let header: [UInt8]
    let names: [[UInt8]]
    let channels: [[UInt8]]
    /// Whether the timestamp is written as two columns, 거래일자 and 거래시간.
    let separateDateAndTime: Bool

    init(encoding: TextEncoding, separateDateAndTime: Bool = false) {
        // Every text here is Hangul of KS X 1001 and ASCII, which CP949 encodes.
        func encoded(_ s: String) -> [UInt8] { encoding.encode(s)! }
        header = encoded(separateDateAndTime ? "거래일자,거래시간" + Self.headerText.dropFirst("거래일시".count) : Self.headerText)
        self.separateDateAndTime = separateDateAndTime
        var names: [[UInt8]] = []
        for branch in Self.branches.indices {
            for stem in Self.stems {
                // Branches 2, 5 and 8 are written "stem, branch", quoted (a comma inside).
                let quoted = branch % 3 == 2
                names.append(encoded(quoted ? "\"\(stem), \(Self.branches[branch])\"" : "\(stem) \(Self.branches[branch])"))
            }
        }
        self.names = names
        channels = Self.channelNames.map(encoded)
    }

    /// Writes one row (without a transaction id: exports seldom carry one).
    @inline(__always)
    func write(_ w: inout ByteWriter, month: Int, day: Int, hour: Int, minute: Int, second: Int, merchant m: Int,
               merchantRegion: [UInt8], industry: [UInt8], consumer c: Int, consumerRegion: [UInt8],
               won: Int, channel: Int, cancel: Bool) {
        w.bytes4(0x32, 0x30, 0x32, 0x34)  // "2024"
        w.digits(month, width: 2)
        w.digits(day, width: 2)
        if separateDateAndTime { w.byte(0x2C) }
        w.digits(hour, width: 2)
        w.digits(minute, width: 2)
        w.digits(second, width: 2)
        w.byte(0x2C)
        w.byte(0x4D)  // "M"
        w.digits(m + 1, width: 6)
        w.byte(0x2C)
        w.copy(names[m % names.count])
        w.byte(0x2C)
        w.copy(merchantRegion)
        w.byte(0x2C)
        w.copy(industry)
        w.byte(0x2C)
        w.byte(0x43)  // "C"
        w.digits(c + 1, width: 8)
        w.byte(0x2C)
        w.copy(consumerRegion)
        w.byte(0x2C)
        w.digits(won, width: 1)
        w.byte(0x2C)
        w.copy(channels[channel])
        w.byte(0x2C)
        w.byte(cancel ? 0x59 : 0x4E)  // "Y" / "N"
        w.byte(0x0D)
        w.byte(0x0A)
    }
}
