import Foundation
import ReproConv
import ReproData
import ReproExperiments
import ReproNetwork
import ReproRobustness
import ReproSparse
import ReproSupport
import ReproTestSupport
import XCTest
@testable import ReproPaper2

/// Paper 2's families on CIFAR (`--dataset`): three input channels normalised per channel, no
/// resize, 10 or 100 classes, keys of their own; trained end to end on synthetic CIFAR.
final class CIFARFamiliesTests: XCTestCase {
    let mnist = try! SyntheticMNIST.mnist()

    /// A runner on synthetic CIFAR (300 training and 100 test images of CIFAR-10), with a
    /// CIFAR-C release of the same 100 test images in `release` when given.
    func runner(_ name: String, identity: String = "synthetic",
                release: URL? = nil) -> ExperimentRunner {
        let data = mnist
        let source = DataSource(load: { data }, cifar: {
            SyntheticCIFAR.cifar($0, perClass: 30, testPerClass: 10, identity: identity)
        }, corrupted: { dataset in
            CIFARCorrupted(data: release ?? URL(fileURLWithPath: "/nonexistent"), dataset: dataset,
                           perSeverity: 10 * dataset.classes)
        })
        var r = ExperimentRunner(store: ResultStore(root: SyntheticMNIST.temporaryDirectory(name)),
                                 data: source, dataHash: "synthetic")
        r.showProgress = false
        return r
    }

    func plan(_ family: Paper2Family, _ dataset: CIFARDataset?) throws -> Paper2Plan {
        var options = ExperimentOptions()
        options.quick = true
        options.dataset = dataset
        options.seeds = [0]
        return try Paper2Plan.plan(family.rawValue, options: options)
    }

    func testCIFARSpecsReadThreeChannelsAndHaveTheirOwnKeys() throws {
        let mnist = try plan(.sparseWidth, nil).specs(data: "d")
        let ten = try plan(.sparseWidth, .cifar10).specs(data: "d")
        let hundred = try plan(.sparseWidth, .cifar100).specs(data: "d")
        // The base keeps 2^7 hidden units: 3,072 · 128 + 10 · 128 weights at every width.
        XCTAssertEqual(ten[0].layers, [3072, 128, 10])
        XCTAssertEqual(hundred[0].layers, [3072, 128, 100])
        for spec in ten { XCTAssertEqual(spec.keptPerLayer, [3072 * 128, 10 * 128]) }
        XCTAssertEqual(ten[0].task.classes, 10)
        XCTAssertEqual(hundred[0].task.classes, 100)
        XCTAssertEqual(ten[0].sparseNormalisation?.means, [0.4914, 0.4822, 0.4465])
        XCTAssertEqual(mnist[0].sparseNormalisation, .mnist)
        XCTAssertEqual(Set(mnist.map(\.key) + ten.map(\.key) + hundred.map(\.key)).count,
                       mnist.count + ten.count + hundred.count,
                       "every data set's networks have keys of their own")
        // An MNIST spec says nothing of a data set, so every stored key stays what it was.
        let json = String(decoding: try JSONEncoder().encode(mnist[0].task), as: UTF8.self)
        XCTAssertFalse(json.contains("dataset"), json)

        let vgg = try plan(.vggWidth, .cifar100).specs(data: "d")
        let architecture = try XCTUnwrap(vgg[0].architecture)
        XCTAssertEqual(architecture.input, [3, 32, 32])
        XCTAssertEqual(try architecture.outputShapes().last, [100])
        XCTAssertFalse(architecture.nodes.contains { if case .resize = $0.op { return true }; return false },
                       "CIFAR images are not resized")
        guard case .normalize(let mean, let std) = architecture.nodes[0].op else {
            return XCTFail("the first operation normalises")
        }
        XCTAssertEqual(mean, CIFARDataset.cifar100.channelMeans)
        XCTAssertEqual(std, CIFARDataset.cifar100.channelDeviations)
        // The width family keeps the CIFAR width-16 net's capacity at every width.
        let base = try Paper2Input(.cifar100).architecture("vgg11", width: 16).capacity()
        for spec in try plan(.vggWidth, .cifar100).specs(data: "d") {
            XCTAssertEqual(spec.keptPerLayer.reduce(0, +), base)
        }
    }

    /// `repro run <family> --dataset` builds the report's CIFAR plan (the networks the report
    /// reads), and names it in messages with its data set.
    func testRunWithADataSetBuildsTheReportsCIFARPlan() throws {
        for quick in [true, false] {
            var options = ExperimentOptions()
            options.quick = quick
            options.dataset = .cifar10
            for family in Paper2Plan.cifarFamilies {
                let run = try Paper2Plan.plan(family.rawValue, options: options)
                let report = try XCTUnwrap(Paper2Plan.cifar(.cifar10, quick: quick)
                    .first { $0.family == family })
                XCTAssertEqual(run, report, "\(family) quick \(quick)")
                XCTAssertEqual(run.runCommand, "repro run \(family.rawValue) --dataset cifar10")
            }
            let depth = try Paper2Plan.plan("sparse-depth", options: options)
            XCTAssertEqual(depth.dataset, .cifar10, "the MNIST design on CIFAR")
            XCTAssertEqual(depth.experiment, "sparse-depth+cifar10")
        }
    }

    func testAVariantReadsTheMNISTProtocolOnly() throws {
        var options = ExperimentOptions()
        options.dataset = .cifar10
        options.variant = "no-bias"
        for family in ["sparse-width", "vgg-width"] {
            options.variant = family == "vgg-width" ? "water-filling" : "no-bias"
            XCTAssertThrowsError(try Paper2Plan.plan(family, options: options)) {
                XCTAssertTrue("\($0)".hasSuffix("reads the MNIST protocol; run it without "
                                                 + "--dataset cifar10"), "\($0)")
            }
        }
    }

    func testATinyMLPAndCNNTrainOnSyntheticCIFAR() throws {
        let runner = runner("cifar-families")
        var mlp = try plan(.sparseWidth, .cifar10)
        mlp.widths = [128, 256]
        mlp.maxEpochs = 4
        mlp.batchSize = 32
        XCTAssertEqual(try runner.run(mlp, trainer: SparseNetworkTrainer()).trained, 2)
        let records = try runner.records(mlp)
        for r in records {
            XCTAssertEqual(r.spec.data, "synthetic", "named by the installed data's identity")
            XCTAssertGreaterThan(r.evaluation["accuracy"] ?? 0, 0.5, "learns the class patterns")
            let network = try NetworkEngines.load(r, from: runner.store)
            XCTAssertEqual(network.inputSize, 3072)
        }
        var cnn = try plan(.vggWidth, .cifar100)
        cnn.widths = [16]
        cnn.trainImages = 1000
        XCTAssertEqual(try runner.run(cnn, trainer: ConvNetworkTrainer()).trained, 1)
        let conv = try XCTUnwrap(try runner.records(cnn).first)
        XCTAssertEqual(conv.trainCount, 1000)
        let accuracy = try XCTUnwrap(conv.evaluation["accuracy"])
        XCTAssertTrue((0...1).contains(accuracy))
        XCTAssertEqual(try runner.run(mlp, trainer: SparseNetworkTrainer()).trained, 0, "reused")
        // Other data under the same name would be other networks: a new identity, new keys.
        let other = self.runner("cifar-families-other", identity: "other")
        XCTAssertNotEqual(other.dataHash(for: mlp), runner.dataHash(for: mlp))
        XCTAssertEqual(runner.dataHash(for: try plan(.sparseWidth, nil)), "synthetic")
    }

    func testAnInstalledCIFARIsNamedByItsArchive() throws {
        let data = SyntheticMNIST.temporaryDirectory("cifar-identity")
        let source = DataSource(directory: data) { throw ReproError("no MNIST") }
        XCTAssertEqual(source.identity(of: .cifar10), CIFARDataset.cifar10.officialIdentity,
                       "not installed: the data a run would ask for")
        XCTAssertThrowsError(try source.cifar(.cifar10)) {
            XCTAssertTrue("\($0)".contains("repro data fetch --dataset cifar10"), "\($0)")
        }
        let archive = data.appendingPathComponent("synthetic.tar.gz")
        try SyntheticCIFAR.archive(.cifar10).write(to: archive)
        _ = try CIFARDirectory(data: data, dataset: .cifar10).install(archive: archive, unofficial: true)
        let installed = DataSource(directory: data) { throw ReproError("no MNIST") }
        let identity = installed.identity(of: .cifar10)
        XCTAssertTrue(identity.hasPrefix("cifar10-unofficial-md5:"), identity)
        XCTAssertTrue(installed.hasUnofficialCIFAR(.cifar10))
        XCTAssertFalse(installed.hasUnofficialCIFAR(.cifar100))
        XCTAssertEqual(try installed.cifar(.cifar10).identity, identity)
        XCTAssertEqual(try installed.splits(.cifar10).pixelsPerImage, 3072)
    }

    /// A data directory with a synthetic CIFAR-10-C of 100 images per severity installed (its
    /// release folder changed by `edit` first).
    func installedRelease(_ name: String, edit: (URL) throws -> Void = { _ in }) throws -> URL {
        let parent = SyntheticMNIST.temporaryDirectory(name + "-release")
        let folder = try SyntheticCIFAR.corruptedFolder(.cifar10, perSeverity: 100, in: parent)
        try edit(folder)
        let data = SyntheticMNIST.temporaryDirectory(name)
        _ = try CIFARCorrupted(data: data, dataset: .cifar10, perSeverity: 100).install(from: folder)
        return data
    }

    /// The evaluations of a CIFAR network: CIFAR-C at severities 2 and 4 from the release (the
    /// mean per severity is the mean of its 15), weight noise and attacks on CIFAR's test images,
    /// rows marked with the data set, cached under names of their own.
    func testACIFARNetworkIsEvaluatedOnCIFARC() throws {
        let data = try installedRelease("cifar-c-release")
        let runner = runner("cifar-evaluations", release: data)
        var plan = try plan(.sparseWidth, .cifar10)
        plan.widths = [128]
        plan.maxEpochs = 2
        plan.batchSize = 32
        try runner.run(plan, trainer: SparseNetworkTrainer(threads: 1))
        let records = [Paper2Family.sparseWidth: try runner.records(plan)]
        let settings = RobustnessSettings(sigmas: [0, 0.3], noiseDraws: 1, corruptionImages: 20,
                                          corruptionDraws: 1, attackImages: 10, attacks: [.fgsm],
                                          epsilons: [0, 0.1])
        var lines: [String] = []
        let study = RobustnessStudy(runner: runner, settings: settings, threads: 1) { lines.append($0) }
        let rows = try study.rows(records)
        XCTAssertTrue(rows.allSatisfy { $0.dataset == .cifar10 })
        XCTAssertTrue(lines.contains { $0.hasPrefix("CIFAR-10-C images of seed 0") }, "\(lines)")
        let corrupted = rows.filter { $0.evaluation == .cifarC }
        XCTAssertEqual(corrupted.count, 1 + 15 * 2 + 2, "identity, 15 × 2 severities, 2 means")
        XCTAssertFalse(rows.contains { $0.evaluation == .mnistC })
        for severity in [2, 4] {
            let settings = Set(CIFARCorrupted.corruptions.map {
                CIFARCorruptedImages.setting($0, severity: severity)
            })
            let each = corrupted.filter { settings.contains($0.setting) }
            XCTAssertEqual(each.count, 15)
            let mean = try XCTUnwrap(corrupted.first {
                $0.setting == CIFARCorruptedImages.setting("mean", severity: severity)
            })
            XCTAssertEqual(mean.value, each.map(\.value).reduce(0, +) / 15, accuracy: 1e-12)
        }
        let clean = try XCTUnwrap(rows.first { $0.evaluation == .clean }).value
        let unattacked = try XCTUnwrap(rows.first { $0.evaluation == .fgsm && $0.setting == "0.0" })
        XCTAssertTrue((0...1).contains(unattacked.value))
        XCTAssertEqual(try XCTUnwrap(rows.first {
            $0.evaluation == .weightNoise && $0.setting == "0.0"
        }).value, clean, "σ = 0 is the clean network, on CIFAR's whole test set")
        XCTAssertTrue(study.isComplete(records))
        lines = []
        XCTAssertEqual(try study.rows(records), rows)
        XCTAssertTrue(lines.isEmpty, "cached: \(lines)")
        // A release of the other data set (labels that are not this test set's) is refused.
        let wrong = try installedRelease("cifar-c-wrong") { folder in
            try SyntheticCIFAR.npy("<i8", shape: [500], payload: PickleWriter.int64(
                (0..<500).map { Int64(($0 + 1) % 10) }))
                .write(to: folder.appendingPathComponent("labels.npy"))
        }
        // Values computed from one CIFAR-C release are not those of another (it has no published
        // checksum): the same networks with another release installed are not evaluated yet.
        let other = ExperimentRunner(store: runner.store, data: DataSource(load: { self.mnist }, cifar: {
            SyntheticCIFAR.cifar($0, perClass: 30, testPerClass: 10, identity: "synthetic")
        }, corrupted: { CIFARCorrupted(data: wrong, dataset: $0, perSeverity: 100) }),
                                 dataHash: "synthetic")
        XCTAssertFalse(RobustnessStudy(runner: other, settings: settings, threads: 1) { _ in }
                           .isComplete(records))
        let mismatched = self.runner("cifar-evaluations", release: wrong)
        let refused = RobustnessStudy(runner: mismatched, settings: settings, threads: 1) { _ in }
        try mismatched.run(plan, trainer: SparseNetworkTrainer(threads: 1))
        XCTAssertThrowsError(try refused.rows([.sparseWidth: try mismatched.records(plan)])) {
            XCTAssertTrue("\($0)".contains("labels are not the test set's"), "\($0)")
        }
    }
}
