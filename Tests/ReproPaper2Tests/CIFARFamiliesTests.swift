import Foundation
import ReproConv
import ReproData
import ReproExperiments
import ReproNetwork
import ReproSparse
import ReproSupport
import ReproTestSupport
import XCTest
@testable import ReproPaper2

/// Paper 2's families on CIFAR (`--dataset`): three input channels normalised per channel, no
/// resize, 10 or 100 classes, keys of their own; trained end to end on synthetic CIFAR.
final class CIFARFamiliesTests: XCTestCase {
    let mnist = try! SyntheticMNIST.mnist()

    func runner(_ name: String, identity: String = "synthetic") -> ExperimentRunner {
        let data = mnist
        let source = DataSource(load: { data }, cifar: {
            SyntheticCIFAR.cifar($0, perClass: 30, testPerClass: 10, identity: identity)
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
                       mnist.count * 3, "every data set's networks have keys of their own")
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

    func testAVariantReadsTheMNISTProtocolOnly() throws {
        var options = ExperimentOptions()
        options.dataset = .cifar10
        options.variant = "no-bias"
        XCTAssertThrowsError(try Paper2Plan.plan("sparse-width", options: options)) {
            XCTAssertEqual("\($0)", "--variant no-bias reads the MNIST protocol; run it without "
                           + "--dataset cifar10")
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
        XCTAssertEqual(try installed.cifar(.cifar10).identity, identity)
        XCTAssertEqual(try installed.splits(.cifar10).pixelsPerImage, 3072)
    }
}
