/// The measures every effect is reported in, each on its own: never summed with another
/// (value added is part of output; income part of value added; taxes on production part
/// of value added; imports are what leaves the economy).
public enum EffectMeasure: String, Sendable, CaseIterable {
    /// Output (production inducement, 생산유발액), table units.
    case output
    /// Value added (부가가치유발액), table units.
    case valueAdded = "value_added"
    /// Compensation of employees (household income), table units.
    case income
    /// Employment (취업유발인원), persons.
    case employment
    /// Imports from abroad, table units.
    case imports
    /// Net taxes on production, table units.
    case taxes

    /// Whether the measure is money (false: persons).
    public var isMoney: Bool { self != .employment }
}

/// Where an effect occurs.
public enum EffectPlace: String, Sendable, CaseIterable {
    /// In the region studied (or, for a single-table model, in the table's economy).
    case inRegion = "in_region"
    /// In the rest of the nation (two-region model only): the spill-over.
    case restOfNation = "rest_of_nation"
}

/// Totals of every measure at every place, for one demand scenario, Type I and II.
/// Money in table units, employment in persons; nil where the data are missing (for
/// example no employment row, no rest of the nation, no Type II).
public struct EffectTotals: Sendable, Equatable {
    /// [measure][place] for Type I.
    public var typeI: [EffectMeasure: [EffectPlace: Double]]
    /// The same for Type II; nil without the household closure.
    public var typeII: [EffectMeasure: [EffectPlace: Double]]?

    /// A measure at a place (nil when unavailable).
    public func value(_ measure: EffectMeasure, _ place: EffectPlace, typeII useTypeII: Bool = false) -> Double? {
        (useTypeII ? typeII : typeI)?[measure]?[place]
    }

    /// In region + rest of nation (the nation, in a two-region model); nil when unavailable.
    public func total(_ measure: EffectMeasure, typeII useTypeII: Bool = false) -> Double? {
        guard let table = useTypeII ? typeII : typeI, let places = table[measure], let r = places[.inRegion] else { return nil }
        return r + (places[.restOfNation] ?? 0)
    }

    /// Every value multiplied by `factor` (effects are linear in demand).
    public func scaled(by factor: Double) -> EffectTotals {
        func scale(_ t: [EffectMeasure: [EffectPlace: Double]]) -> [EffectMeasure: [EffectPlace: Double]] {
            t.mapValues { $0.mapValues { $0 * factor } }
        }
        return EffectTotals(typeI: scale(typeI), typeII: typeII.map(scale))
    }

    /// `self − other`, measure by measure (for net effects); missing entries stay missing.
    public func subtracting(_ other: EffectTotals) -> EffectTotals {
        func sub(_ a: [EffectMeasure: [EffectPlace: Double]], _ b: [EffectMeasure: [EffectPlace: Double]]?) -> [EffectMeasure: [EffectPlace: Double]] {
            var out = a
            for (m, places) in a {
                for (p, v) in places { out[m]?[p] = v - (b?[m]?[p] ?? 0) }
            }
            return out
        }
        return EffectTotals(typeI: sub(typeI, other.typeI), typeII: typeII.map { sub($0, other.typeII) })
    }
}
