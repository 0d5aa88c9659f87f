// swift-tools-version: 6.1
// libFuzzer targets for the parsers that meet hostile input. Their own package, so
// `swift build` / `swift test` in the root never build them (they need
// `-sanitize=fuzzer`, which links libFuzzer). Build and run: `Fuzz/run.sh` (see Fuzz/README.md).
import PackageDescription

let package = Package(
    name: "LocalCurrencyImpactFuzz",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(name: "LocalCurrencyImpact", path: ".."),
    ],
    targets: [
        // MARK: - Shared helpers (libFuzzer driver, comparisons, invariants, scratch files)
        .target(name: "CFuzzerDriver"),
        .target(
            name: "FuzzSupport",
            dependencies: ["CFuzzerDriver", .product(name: "LocalCurrencyImpact", package: "LocalCurrencyImpact")]
        ),

        // MARK: - Fuzz targets (one `LLVMFuzzerTestOneInput` each)
        .executableTarget(name: "FuzzScan", dependencies: ["FuzzSupport"]),
        .executableTarget(name: "FuzzSchema", dependencies: ["FuzzSupport"]),
        .executableTarget(name: "FuzzIOTable", dependencies: ["FuzzSupport"]),
        .executableTarget(name: "FuzzState", dependencies: ["FuzzSupport"]),
        .executableTarget(name: "FuzzGzip", dependencies: ["FuzzSupport"]),
    ]
)
