import ArgumentParser
import Foundation
import ReproAnalysis
import ReproBench
import ReproExperiments
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

    @Flag(help: "Paper 2's conv engine only: VGG11 and ResNet18 per width, ours against oneDNN on dense weights × mask.")
    var conv = false

    func validate() throws {
        try locations.refuseOutput(for: "bench", "its sweeps train into a temporary directory")
        if conv, let flag = paper2 ? "--paper2" : grid ? "--grid" : noSweep ? "--no-sweep" : nil {
            throw ValidationError("\(flag) does not apply with --conv, which times the conv engine only")
        }
        if paper2, let flag = grid ? "--grid" : noSweep ? "--no-sweep" : nil {
            throw ValidationError("\(flag) does not apply with --paper2, which times one epoch "
                                  + "per width and depth only")
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

    /// Paper 2's engine: per width and depth, one epoch of ours and of the dense masked GEMMs,
    /// the ratio to the dense base (2^7), and GMAC/s on the kept weights.
    private func sparse() throws {
        let rows = try SparseBenchmark.rows()
        let base = rows.first?.oursSeconds ?? .nan
        for r in rows {
            print("\(r.label)_epoch_s: \(Digits.fixed(r.oursSeconds, 2))")
            print("\(r.label)_dense_masked_epoch_s: \(Digits.fixed(r.denseSeconds, 2))")
            print("\(r.label)_dense_over_ours: \(Digits.fixed(r.denseSeconds / r.oursSeconds, 1))")
            if r.label.hasPrefix("width") {
                print("\(r.label)_over_width_128: \(Digits.fixed(r.oursSeconds / base, 2))")
            }
            print("\(r.label)_gmacs_kept: \(Digits.fixed(r.gmacs, 2))")
            print("\(r.label)_computed_weights: \(r.computed)")
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
