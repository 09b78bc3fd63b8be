// swift-tools-version:6.0
import PackageDescription

/// The numeric hot loops (training, t-SNE, corruptions, attacks) are compiled optimised even in
/// debug builds, so the test suite runs its small end-to-end pipelines in seconds, not minutes.
let optimized: [SwiftSetting] = [.unsafeFlags(["-O"])]
let readme = ["README.md"]
/// The hot kernels (`ReproKernels`) are compiled three times, for the baseline, AVX2 and AVX-512,
/// each in a module of its own whose target CPU differs; `ReproKernelDispatch` picks one per
/// process from the CPU's features. Everything else is portable, so one binary runs anywhere.
#if arch(x86_64)
let haswell: [SwiftSetting] = [.unsafeFlags(["-O", "-target-cpu", "haswell"])]
let skylakeAVX512: [SwiftSetting] = [.unsafeFlags(["-O", "-target-cpu", "skylake-avx512"])]
#else
let haswell = optimized
let skylakeAVX512 = optimized
#endif

let package = Package(
    name: "repro",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "repro", targets: ["repro"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.0.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.19"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.0.0"),
        .package(url: "https://github.com/JohnSundell/Ink", from: "0.6.0"),
    ],
    targets: [
        // MARK: - C libraries from Debian packages, found through pkg-config
        .systemLibrary(name: "CBLAS", pkgConfig: "openblas", providers: [.apt(["libopenblas-dev"])]),
        .systemLibrary(name: "CCairo", pkgConfig: "cairo", providers: [.apt(["libcairo2-dev"])]),
        .systemLibrary(name: "CZlibShim", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),

        // MARK: - Generic libraries (no paper in them)
        .target(name: "ReproBLAS", dependencies: ["CBLAS"], exclude: readme, swiftSettings: optimized),
        .target(name: "ReproSupport", dependencies: [.product(name: "Crypto", package: "swift-crypto")],
                exclude: readme),
        .target(name: "ReproData", dependencies: [
            "ReproSupport", "CZlibShim", .product(name: "ZIPFoundation", package: "ZIPFoundation"),
        ], exclude: readme),
        .target(name: "ReproNN", dependencies: ["ReproSupport", "ReproBLAS"], exclude: readme,
                swiftSettings: optimized),
        .target(name: "ReproAnalysis", dependencies: ["ReproSupport", "ReproNN"], exclude: readme,
                swiftSettings: optimized),
        .target(name: "ReproNumPy", exclude: readme),
        .target(name: "ReproMNISTC", exclude: readme, swiftSettings: optimized),
        .target(name: "ReproAttacks", exclude: readme, swiftSettings: optimized),
        .target(name: "ReproNetwork", dependencies: ["ReproSupport"], exclude: readme, swiftSettings: optimized),
        .target(name: "ReproSparse", dependencies: [
            "ReproBLAS", "ReproNetwork", "ReproSupport", "ReproKernels", "ReproKernelDispatch",
        ], exclude: readme, swiftSettings: optimized),
        .target(name: "ReproRobustness", dependencies: [
            "ReproNetwork", "ReproAttacks", "ReproMNISTC", "ReproData", "ReproSupport",
        ], exclude: readme, swiftSettings: optimized),
        .target(name: "ReproExperiments", dependencies: ["ReproSupport", "ReproData", "ReproNN", "ReproNetwork"],
                exclude: readme),
        .target(name: "ReproPlot", dependencies: ["ReproSupport", "CCairo"], exclude: readme),
        .target(name: "ReproReport", dependencies: [
            "ReproSupport", "ReproData", "ReproNN", "ReproExperiments", "ReproPlot", "ReproKernelDispatch",
            .product(name: "Mustache", package: "swift-mustache"),
            .product(name: "Ink", package: "Ink"),
        ], exclude: readme),

        // MARK: - Papers (one target each, registered in ReproCLI/Papers.swift)
        .target(name: "ReproPaper1", dependencies: [
            "ReproSupport", "ReproData", "ReproNN", "ReproAnalysis", "ReproExperiments", "ReproPlot",
            "ReproReport", "ReproNumPy",
        ], exclude: readme),

        .target(name: "ReproPaper2", dependencies: [
            "ReproSupport", "ReproData", "ReproNN", "ReproExperiments", "ReproPlot", "ReproReport", "ReproSparse",
            "ReproMNISTC", "ReproAttacks", "ReproNetwork", "ReproRobustness", "ReproConv",
        ], exclude: readme),

        // MARK: - The hot kernels, one source compiled for three instruction sets, chosen at run time
        .target(name: "CPrefetch"),
        .target(name: "ReproKernels", dependencies: ["CPrefetch"], exclude: readme, swiftSettings: optimized),
        .target(name: "ReproKernelsAVX2", dependencies: ["ReproKernels"], swiftSettings: haswell),
        .target(name: "ReproKernelsAVX512", dependencies: ["ReproKernels"], swiftSettings: skylakeAVX512),
        .target(name: "CCPUFeatures"),
        .target(name: "ReproKernelDispatch", dependencies: [
            "ReproKernels", "ReproKernelsAVX2", "ReproKernelsAVX512", "CCPUFeatures",
        ], swiftSettings: optimized),
        .testTarget(name: "ReproKernelsTests", dependencies: ["ReproKernels", "ReproKernelDispatch"],
                    swiftSettings: optimized),

        // MARK: - The conv engine (paper 2's VGG and ResNet) on oneDNN and our sparse kernels
        .systemLibrary(name: "CDNNL", providers: [.apt(["libdnnl-dev"])]),
        .target(name: "ReproConv", dependencies: [
            "CDNNL", "ReproBLAS", "ReproNetwork", "ReproSupport", "ReproKernels", "ReproKernelDispatch",
        ], exclude: readme, swiftSettings: optimized),
        .testTarget(name: "ReproConvTests", dependencies: [
            "ReproConv", "ReproNetwork", "ReproSupport", "ReproKernelDispatch",
        ],
                    resources: [.copy("Fixtures")], swiftSettings: optimized),

        // MARK: - Running a report's work on a Slurm cluster (stages, shards, status, batch scripts)
        .target(name: "ReproCluster", dependencies: [
            "ReproSupport", "ReproExperiments", "ReproReport", "ReproPaper1", "ReproPaper2",
            "ReproRobustness",
        ], exclude: readme),
        .testTarget(name: "ReproClusterTests", dependencies: [
            "ReproCluster", "ReproExperiments", "ReproPaper1", "ReproPaper2", "ReproSupport",
            "ReproTestSupport", "ReproRobustness",
        ]),

        // MARK: - Command line, benchmarks and demo figures
        .target(name: "ReproBench", dependencies: ["ReproSupport", "ReproNN", "ReproPlot", "ReproSparse", "ReproBLAS",
                                                 "ReproConv", "ReproKernels", "ReproKernelDispatch", "ReproAttacks",
                                                 "ReproRobustness", "ReproData", "ReproNetwork"],
                exclude: readme),
        .target(name: "ReproCLI", dependencies: [
            "ReproSupport", "ReproData", "ReproNN", "ReproAnalysis", "ReproExperiments", "ReproPlot",
            "ReproReport", "ReproPaper1", "ReproPaper2", "ReproBench", "ReproSparse", "ReproCluster",
            "ReproKernelDispatch", .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ], exclude: readme),
        .executableTarget(name: "repro", dependencies: ["ReproCLI"], exclude: readme),

        // MARK: - Fuzzing the parsers (`make fuzz` builds these with libFuzzer; see Fuzz/README.md)
        .target(name: "CFuzzerDriver", path: "Fuzz/CFuzzerDriver"),
        .executableTarget(name: "repro-fuzz", dependencies: [
            "ReproData", "ReproTestSupport", "CFuzzerDriver",
        ], path: "Fuzz/ReproFuzz"),

        // MARK: - Tests (synthetic data only; never the real MNIST)
        .target(name: "ReproTestSupport", dependencies: [
            "ReproData", "ReproSupport", .product(name: "ZIPFoundation", package: "ZIPFoundation"),
        ], exclude: readme),
        .testTarget(name: "ReproSupportTests", dependencies: ["ReproSupport"]),
        .testTarget(name: "ReproDataTests", dependencies: [
            "ReproData", "ReproSupport", "ReproTestSupport",
            .product(name: "ZIPFoundation", package: "ZIPFoundation"),
        ]),
        .testTarget(name: "ReproNNTests", dependencies: ["ReproNN", "ReproSupport", "ReproTestSupport"]),
        .testTarget(name: "ReproPlotTests", dependencies: ["ReproPlot", "ReproBench"]),
        .testTarget(name: "ReproAnalysisTests", dependencies: [
            "ReproAnalysis", "ReproNN", "ReproSupport", "ReproTestSupport",
        ]),
        .testTarget(name: "ReproNumPyTests", dependencies: ["ReproNumPy"], resources: [.copy("Fixtures")]),
        .testTarget(name: "ReproMNISTCTests", dependencies: ["ReproMNISTC", "ReproSupport"]),
        .testTarget(name: "ReproAttacksTests", dependencies: ["ReproAttacks", "ReproSupport"],
                    swiftSettings: optimized),
        .testTarget(name: "ReproExperimentsTests", dependencies: [
            "ReproExperiments", "ReproNetwork", "ReproData", "ReproNN", "ReproSupport", "ReproTestSupport",
        ]),
        .testTarget(name: "ReproReportTests", dependencies: [
            "ReproReport", "ReproExperiments", "ReproPlot", "ReproData", "ReproNN", "ReproSupport",
            "ReproTestSupport",
        ]),
        .testTarget(name: "ReproPaper1Tests", dependencies: [
            "ReproPaper1", "ReproReport", "ReproExperiments", "ReproAnalysis", "ReproPlot", "ReproData",
            "ReproNN", "ReproSupport", "ReproTestSupport", "ReproNumPy",
        ]),
        .testTarget(name: "ReproNetworkTests", dependencies: ["ReproNetwork"]),
        .testTarget(name: "ReproRobustnessTests", dependencies: [
            "ReproRobustness", "ReproNetwork", "ReproAttacks", "ReproPlot", "ReproData", "ReproSupport",
            "ReproTestSupport",
        ], swiftSettings: optimized),
        .testTarget(name: "ReproSparseTests", dependencies: ["ReproSparse", "ReproNetwork", "ReproKernelDispatch"],
                    swiftSettings: optimized),
        .testTarget(name: "ReproPaper2Tests", dependencies: [
            "ReproPaper2", "ReproNetwork", "ReproRobustness", "ReproAttacks", "ReproPlot", "ReproConv", "ReproExperiments", "ReproSparse", "ReproNN", "ReproSupport", "ReproTestSupport",
            "ReproData",
        ]),
        .testTarget(name: "ReproCLITests", dependencies: [
            "ReproCLI", "ReproExperiments", "ReproSupport", "ReproTestSupport",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
    ],
    swiftLanguageModes: [.v5]
)
