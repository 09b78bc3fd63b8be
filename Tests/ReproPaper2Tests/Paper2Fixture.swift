import Foundation
import ReproData
import ReproExperiments
import ReproTestSupport
@testable import ReproPaper2

/// Small paper-2 plans on synthetic digits, and a runner over a store of the test's own.
struct Paper2Fixture {
    let mnist = try! SyntheticMNIST.mnist()

    func plan(_ family: Paper2Family = .sparseWidth) -> Paper2Plan {
        var plan = Paper2Plan.named(family, quick: true)
        plan.widths = [128, 512]
        plan.depths = [1, 2]
        plan.seeds = [3]
        plan.maxEpochs = 2
        plan.batchSize = 32
        return plan
    }

    func runner(_ root: URL) -> ExperimentRunner {
        let data = mnist
        var r = ExperimentRunner(store: ResultStore(root: root), dataHash: "synthetic") { data }
        r.showProgress = false
        return r
    }
}
