import ArgumentParser
import Foundation
import ReproAnalysis
import ReproExperiments
import ReproNN
import ReproSupport

struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Time the batched trainer against plain cblas_sgemm, t-SNE on 2,337 points, and the whole capacity sweep.",
        discussion: "Prints one `name: value` per line. The sweeps train into a temporary directory, so nothing cached is reused.")

    @OptionGroup var locations: Locations

    @Flag(help: "Skip the whole-sweep timings (epoch timings only).")
    var noSweep = false

    @Flag(help: "Also time the whole learning-rate grid.")
    var grid = false

    func run() throws {
        print("blas_core: \(BLASInfo.coreName)")
        print("blas_threads: \(BLASInfo.threads)")
        let data = GEMMBenchmark.syntheticSet(count: 9347)
        for (name, sizes, rates) in [("capacity_group", ExperimentPlan.paperHiddenSizes, [0.03]),
                                     ("lr_grid_group", ExperimentPlan.paperHiddenSizes, ExperimentPlan.paperLearningRates)] {
            let r = GEMMBenchmark.run(data: data, hiddenSizes: sizes, learningRates: rates)
            print("\(name)_models: \(r.models)")
            print("\(name)_active_inputs: \(r.activeInputs)")
            print("\(name)_epoch_ms: \(String(format: "%.1f", r.secondsPerEpoch * 1000))")
            print("\(name)_trainer_gmacs: \(String(format: "%.1f", r.trainerGMACs))")
            print("\(name)_sgemm_gmacs: \(String(format: "%.1f", r.sgemmGMACs))")
            print("\(name)_fraction_of_sgemm: \(String(format: "%.2f", r.trainerGMACs / r.sgemmGMACs))")
        }
        // t-SNE of 2,337 points in 24 dimensions (the size of Fig. 5), 1000 iterations.
        var rng = RandomStream(seed: 0, "bench-tsne")
        var activations = [Double](repeating: 0, count: 2337 * 24)
        for k in activations.indices {
            let side: Double = k / 24 < 1168 ? 1 : -1   // two groups, like the two digits
            activations[k] = max(0, rng.nextNormal() + side * Double(k % 3))
        }
        let tsneStart = Date()
        let embedding = TSNE().run(activations, count: 2337, dimensions: 24)
        print("tsne_2337_points_seconds: \(String(format: "%.2f", Date().timeIntervalSince(tsneStart)))")
        print("tsne_final_kl: \(String(format: "%.3f", embedding.finalKL))")
        guard !noSweep else { return }
        guard (try? locations.mnist.verifyAll()) != nil else {
            print("sweeps: skipped (no verified MNIST in \(locations.dataURL.path); run `repro data fetch`)")
            return
        }
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("repro-bench-\(ProcessInfo.processInfo.processIdentifier)")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let directory = locations.mnist
        var runner = ExperimentRunner(store: ResultStore(root: scratch)) { try directory.load() }
        runner.showProgress = false
        // In the order build-report runs them: the grid first, so the capacity sweep reuses its lr = 0.03 models.
        for plan in (grid ? [ExperimentPlan.lrGrid()] : []) + [ExperimentPlan.capacity()] {
            let summary = try runner.run(plan)
            print("\(plan.experiment)_sweep_models: \(summary.trained)")
            print("\(plan.experiment)_sweep_seconds: \(String(format: "%.1f", summary.seconds))")
        }
    }
}
