import LinearAlgebra

/// A symmetric input–output table at producer prices, as loaded and checked.
///
/// Notation (used throughout ImpactModel, after Miller & Blair 2009, ch. 2):
/// - `Z` (n × n): intermediate flows, `Z[i, j]` = sales of sector i to sector j (table units);
/// - `F` (n × k): final demand by category (household consumption, government, investment, exports, …);
/// - `x` (n): total output; `m` (n): imports used by each sector (when the table gives them);
/// - value added per sector, of which `compensation` (compensation of employees) is household income;
/// - `employment` (n): persons employed by each sector.
/// Money is in `units` (e.g. million won); employment is in persons.
public struct IOTable: Sendable {
    /// Where the table came from (a path), for messages.
    public let source: String
    /// The money unit of every monetary cell.
    public let units: MoneyUnit
    /// Sector codes, in table order.
    public let sectorCodes: [String]
    /// Sector labels, in table order.
    public let sectorLabels: [String]
    /// Intermediate flows Z, n × n, in `units`.
    public let flows: Matrix
    /// Final-demand category names (the columns between the last sector and `total_output`).
    public let finalDemandNames: [String]
    /// Final demand F, n × k, in `units`.
    public let finalDemand: Matrix
    /// Total output x, in `units`.
    public let totalOutput: [Double]
    /// Imports used by each sector (the `imports` row), in `units`; nil when the table has none.
    /// In a regional table this is everything bought from outside the region.
    public let imports: [Double]?
    /// Of `imports`, the part bought from the rest of the nation (row `imports_rest_of_nation`,
    /// written by `lcimpact regionalize`); the remainder comes from abroad. Nil when not given.
    public let importsFromRestOfNation: [Double]?
    /// Imports bought directly by each final-demand category (the `imports` row's
    /// final-demand cells), in `units`; nil when the table has no imports row.
    public let importsInFinalDemand: [Double]?
    /// Value added by sector, in `units` (given, or summed from its components).
    public let valueAdded: [Double]
    /// Named value-added components (e.g. compensation, operating_surplus, net_taxes), per sector.
    public let valueAddedComponents: [(code: String, label: String, values: [Double])]
    /// Compensation of employees by sector, in `units`; nil when the table has no `compensation` row.
    public let compensation: [Double]?
    /// Compensation paid by each final-demand category (e.g. households paying domestic staff), in `units`.
    public let compensationInFinalDemand: [Double]?
    /// Persons employed by sector; nil when the table has no `employment` row.
    public let employment: [Double]?
    /// Total household income in `units`: the `household_income` row's total when given,
    /// otherwise the sum of the `compensation` row over all columns. Nil without compensation.
    public let householdIncome: Double?
    /// Index into `finalDemandNames` of household consumption (`household`), if present.
    public let householdColumn: Int?
    /// Non-fatal findings from loading (balances off by more than the tolerance, zero-output sectors, …).
    public let warnings: [IOTableWarning]
    /// The header's line in the source file (nil for tables built in code): errors about a
    /// whole sector column (productivity, singularity) point at that line and the sector's column.
    public internal(set) var headerLine: Int?

    /// Number of sectors n.
    public var sectorCount: Int { sectorCodes.count }

    /// Index of the sector with `code`.
    public func sectorIndex(of code: String) -> Int? {
        sectorCodes.firstIndex(of: code)
    }

    public init(
        source: String, units: MoneyUnit, sectorCodes: [String], sectorLabels: [String], flows: Matrix,
        finalDemandNames: [String], finalDemand: Matrix, totalOutput: [Double], imports: [Double]?,
        valueAdded: [Double], valueAddedComponents: [(code: String, label: String, values: [Double])],
        compensation: [Double]?, compensationInFinalDemand: [Double]?, employment: [Double]?,
        householdIncome: Double?, householdColumn: Int?, warnings: [IOTableWarning],
        importsFromRestOfNation: [Double]? = nil, importsInFinalDemand: [Double]? = nil
    ) {
        self.source = source
        self.units = units
        self.sectorCodes = sectorCodes
        self.sectorLabels = sectorLabels
        self.flows = flows
        self.finalDemandNames = finalDemandNames
        self.finalDemand = finalDemand
        self.totalOutput = totalOutput
        self.imports = imports
        self.importsFromRestOfNation = importsFromRestOfNation
        self.importsInFinalDemand = importsInFinalDemand
        self.valueAdded = valueAdded
        self.valueAddedComponents = valueAddedComponents
        self.compensation = compensation
        self.compensationInFinalDemand = compensationInFinalDemand
        self.employment = employment
        self.householdIncome = householdIncome
        self.householdColumn = householdColumn
        self.warnings = warnings
    }
}
