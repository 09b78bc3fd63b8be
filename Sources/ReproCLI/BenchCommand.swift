import ArgumentParser
import Foundation
import ReproAnalysis
import ReproBench
import ReproExperiments
import ReproKernelDispatch
import ReproNN
import ReproPaper1
import ReproSupport

struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Time the trainers against plain BLAS of the same shapes, t-SNE, figure "
                  + "rendering and the sweeps.",
        discussion: "Prints one `name: value` per line. The sweeps train into a temporary "
                    + "directory, so nothing cached is reused.")

    @OptionGroup var locations: Locations

    @Flag(help: "Skip the whole-sweep timings (epoch timings only).")
    var noSweep = false

    @Flag(help: "Also time the whole learning-rate grid.")
    var grid = false

    @Flag(help: "Paper 2's engine only: one epoch per width and depth against dense masked GEMMs.")
    var paper2 = false

    @Option(help: ArgumentHelp("With --paper2: only these rows, comma-separated (e.g. width_512,depth_8); width_128 and depth_1 come along for the ratios.", valueName: "rows"))
    var rows: String?

    @Flag(help: "Paper 2's conv engine only: VGG11 and ResNet18 per width, ours against oneDNN on dense weights × mask.")
    var conv = false

    @Flag(help: "Paper 2's attacks only: MLP widths 2^7, 2^10, 2^13 (3 epochs each), 5 attacks × 6 ε on 1,000 MNIST test images, CPU seconds with APGD's early stop off ('before') and on ('after') and whether the robust accuracies are equal (needs MNIST; about 30 s).")
    var attacks = false

    func validate() throws {
        try locations.refuseOutput(for: "bench", "its sweeps train into a temporary directory")
        let only = [("--paper2", paper2), ("--conv", conv), ("--attacks", attacks)].filter(\.1).map(\.0)
        if only.count > 1 {
            throw ValidationError("\(only.joined(separator: " and ")) each time one part alone; choose one")
        }
        if attacks, let flag = grid ? "--grid" : noSweep ? "--no-sweep" : nil {
            throw ValidationError("\(flag) does not apply with --attacks, which times the attacks only")
        }
        if conv, let flag = paper2 ? "--paper2" : grid ? "--grid" : noSweep ? "--no-sweep" : nil {
            throw ValidationError("\(flag) does not apply with --conv, which times the conv engine only")
        }
        if paper2, let flag = grid ? "--grid" : noSweep ? "--no-sweep" : nil {
            throw ValidationError("\(flag) does not apply with --paper2, which times one epoch "
                                  + "per width and depth only")
        }
        if let rows {
            guard paper2 else { throw ValidationError("--rows picks rows of --paper2; add --paper2") }
            if selectedRows(rows).isEmpty {
                throw ValidationError("--rows names no row; give some of "
                                      + SparseBenchmark.labels.joined(separator: ", "))
            }
            let unknown = selectedRows(rows).subtracting(SparseBenchmark.labels).sorted()
            if let name = unknown.first {
                throw ValidationError("--rows: no row '\(name)'; the rows are "
                                      + SparseBenchmark.labels.joined(separator: ", "))
            }
        }
        if grid && noSweep {
            throw ValidationError("--grid times the learning-rate grid's sweep; it cannot go "
                                  + "with --no-sweep")
        }
    }

    func run() throws {
        print("blas_core: \(BLASInfo.coreName)")
        print("blas_threads: \(BLASInfo.threads)")
        if paper2 { return try sparse() }
        if conv { return ConvBenchmarkReport.print() }
        if attacks { return try attackTimes() }
        let data = GEMMBenchmark.syntheticSet(count: 9347)
        let sizes = Paper1Plan.paperHiddenSizes
        for (name, rates) in [("capacity_group", [0.03]),
                              ("lr_grid_group", Paper1Plan.paperLearningRates)] {
            let r = GEMMBenchmark.run(data: data, hiddenSizes: sizes, learningRates: rates)
            print("\(name)_models: \(r.models)")
            print("\(name)_active_inputs: \(r.activeInputs)")
            print("\(name)_epoch_ms: \(Digits.fixed(r.secondsPerEpoch * 1000, 1))")
            print("\(name)_epoch_cpu_ms: \(Digits.fixed(r.cpuSecondsPerEpoch * 1000, 1))")
            print("\(name)_sgemm_pair_ms: \(Digits.fixed(r.sgemmSeconds * 1000, 1))")
            print("\(name)_sgemm_pair_cpu_ms: \(Digits.fixed(r.sgemmCPUSeconds * 1000, 1))")
            print("\(name)_setup_ms: \(Digits.fixed(r.setupSeconds * 1000, 1))")
            print("\(name)_trainer_gmacs: \(Digits.fixed(r.trainerGMACs, 1))")
            print("\(name)_sgemm_gmacs: \(Digits.fixed(r.sgemmGMACs, 1))")
            print("\(name)_fraction_of_sgemm: \(Digits.fixed(r.fractionOfSGEMM, 2))")
            print("\(name)_cpu_fraction_of_sgemm: \(Digits.fixed(r.cpuFractionOfSGEMM, 2))")
        }
        let tsneStart = Date()
        let embedding = TSNE().run(TSNEBenchmark.activations(), count: TSNEBenchmark.count,
                                   dimensions: TSNEBenchmark.dimensions)
        print("tsne_2337_points_seconds: \(Digits.fixed(Date().timeIntervalSince(tsneStart), 2))")
        print("tsne_final_kl: \(Digits.fixed(embedding.finalKL, 3))")
        print("render_errorbars_11_series_png_ms: "
              + "\(Digits.fixed(try RenderBenchmark.milliseconds(), 1))")
        guard !noSweep else { return }
        guard (try? locations.mnist.verifyAll()) != nil else {
            print("sweeps: skipped (no verified MNIST in \(locations.dataURL.path); run "
                  + "`repro data fetch`)")
            return
        }
        try sweeps()
    }

    private func selectedRows(_ list: String) -> Set<String> {
        Set(list.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty })
    }

    /// Paper 2's engine: per width and depth, one epoch (CPU seconds) with each kernel family
    /// and of the dense masked GEMMs, the ratio to width 2^7 or depth 1 per family, GMAC/s on the
    /// kept weights, and whether the families trained the same bits.
    private func sparse() throws {
        print("kernels_active: \(Kernels.active.family.rawValue)")
        print("kernels_supported: \(Kernels.supported.map(\.rawValue).joined(separator: ","))")
        let rows = try SparseBenchmark.rows(only: self.rows.map(selectedRows))
        let width128 = rows.first { $0.label == "width_128" }, depth1 = rows.first { $0.label == "depth_1" }
        for r in rows {
            let base = r.label.hasPrefix("width") ? width128 : depth1
            for (i, (family, seconds)) in r.seconds.enumerated() {
                print("\(r.label)_epoch_s_\(family.rawValue): \(Digits.fixed(seconds, 2))")
                if let base, base.label != r.label {
                    let over = seconds / base.seconds[i].seconds
                    print("\(r.label)_over_\(base.label)_\(family.rawValue): \(Digits.fixed(over, 2))")
                }
            }
            print("\(r.label)_dense_masked_epoch_s: \(Digits.fixed(r.denseSeconds, 2))")
            print("\(r.label)_dense_over_ours: \(Digits.fixed(r.denseSeconds / r.oursSeconds, 1))")
            print("\(r.label)_gmacs_kept: \(Digits.fixed(r.macs / r.oursSeconds / 1e9, 2))")
            print("\(r.label)_computed_weights: \(r.computed)")
            print("\(r.label)_same_bits_every_family: \(r.sameBits)")
            print("\(r.label)_weights_sha256: \(r.weightHash)")
        }
    }

    /// Paper 2's attacks per MLP width: CPU seconds with APGD's early stop off and on, the ratio,
    /// and whether the robust accuracies are the same.
    private func attackTimes() throws {
        let images = try locations.data.splits(nil)
        for r in try AttackBenchmark.rows(images) {
            print("attacks_\(r.label)_cpu_s_before: \(Digits.fixed(r.before, 1))")
            print("attacks_\(r.label)_cpu_s_after: \(Digits.fixed(r.after, 1))")
            print("attacks_\(r.label)_after_over_before: \(Digits.fixed(r.after / r.before, 2))")
            print("attacks_\(r.label)_apgd_stops_early: \(r.stopsEarly)")
            print("attacks_\(r.label)_same_values: \(r.sameValues)")
        }
    }

    /// Paper 1's sweeps from scratch, in the order build-report runs them (the grid first, so the
    /// capacity sweep reuses its lr = 0.03 models).
    private func sweeps() throws {
        let scratch = FileManager.default.temporaryDirectory
            .appendingPathComponent("repro-bench-\(ProcessInfo.processInfo.processIdentifier)")
        defer { try? FileManager.default.removeItem(at: scratch) }
        var runner = ExperimentRunner(store: ResultStore(root: scratch), data: locations.data)
        runner.showProgress = false
        for plan in (grid ? [Paper1Plan.lrGrid()] : []) + [Paper1Plan.capacity()] {
            let outcome = try runner.run(plan, trainer: BinaryBatchTrainer())
            print("\(plan.experiment)_sweep_models: \(outcome.trained)")
            print("\(plan.experiment)_sweep_seconds: \(Digits.fixed(outcome.seconds, 1))")
        }
    }
}
