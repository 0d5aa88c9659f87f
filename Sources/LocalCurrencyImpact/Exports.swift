// The facade re-exports the modules a library user needs, so one
// `import LocalCurrencyImpact` reaches the whole public API.
@_exported import Aggregates
@_exported import ConsumerAnalytics
@_exported import ImpactModel
@_exported import ImpactReports
@_exported import LinearAlgebra
@_exported import TransactionIO
