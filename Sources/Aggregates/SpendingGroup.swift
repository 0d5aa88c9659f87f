import TransactionIO

/// Twelve consumer-spending groups of KSIC (10th rev.) divisions, for the
/// per-consumer industry mix. A division is the first two digits of a KSIC code.
///
/// | group | divisions |
/// |---|---|
/// | retail | 47 |
/// | food_service | 56 |
/// | accommodation | 55 |
/// | education | 85 |
/// | health | 86, 87 |
/// | personal_services | 96 |
/// | repair | 95 |
/// | recreation | 90, 91 |
/// | transport | 49–52 |
/// | wholesale_motor | 45, 46 |
/// | manufacturing | 10–34 |
/// | other | everything else, and codes that do not start with two digits |
public enum SpendingGroup: Int, CaseIterable, Sendable, Codable {
    case retail, foodService, accommodation, education, health, personalServices, repair, recreation,
         transport, wholesaleMotor, manufacturing, other

    /// The name used in outputs.
    public var name: String {
        ["retail", "food_service", "accommodation", "education", "health", "personal_services", "repair",
         "recreation", "transport", "wholesale_motor", "manufacturing", "other"][rawValue]
    }

    /// The group of a KSIC division (0–99).
    public init(division: Int) {
        switch division {
        case 47: self = .retail
        case 56: self = .foodService
        case 55: self = .accommodation
        case 85: self = .education
        case 86, 87: self = .health
        case 96: self = .personalServices
        case 95: self = .repair
        case 90, 91: self = .recreation
        case 49...52: self = .transport
        case 45, 46: self = .wholesaleMotor
        case 10...34: self = .manufacturing
        default: self = .other
        }
    }

    /// The KSIC division of a code (its first two characters as digits), or nil.
    @inline(__always)
    static func division(of code: IndustryCode) -> Int? {
        let first = UInt8(truncatingIfNeeded: code.packed >> 56)
        let second = UInt8(truncatingIfNeeded: code.packed >> 48)
        guard first >= 0x30 && first <= 0x39 && second >= 0x30 && second <= 0x39 else { return nil }
        return Int(first - 0x30) * 10 + Int(second - 0x30)
    }

    /// Group index per division 0–99, and 100 for "no division" (precomputed for the hot loop).
    static let byDivision: [UInt8] = (0...100).map { UInt8(SpendingGroup(division: $0 == 100 ? -1 : $0).rawValue) }
}
