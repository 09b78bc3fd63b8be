import Foundation
import ReproExperiments
import ReproPaper2
import ReproSupport

/// Paper 2's robustness evaluations, sharded by network: each evaluated network of the plans is
/// one unit. While a shard evaluates a network it holds `results/locks/eval-<key>.lock`, so two
/// shards never compute the same evaluations and `repro status` sees the claim. Runs after the
/// networks are trained (the stage before).
public struct EvaluationPart: WorkPart {
    public let paper = "paper2"
    public let name = Paper2Reproduction.robustness
    public let unit = "evaluations"
    public let plans: [Paper2Plan]
    public let settings: RobustnessSettings

    public init(plans: [Paper2Plan], settings: RobustnessSettings) {
        self.plans = plans
        self.settings = settings
    }

    /// The evaluated networks in a fixed order (plan order, then each plan's spec order), once
    /// each: every network of the static families, the pruned ones of pruned-width.
    func networks(data: String) -> [(family: Paper2Family, spec: ModelSpec)] {
        var seen: Set<String> = []
        var list: [(Paper2Family, ModelSpec)] = []
        for plan in plans {
            for spec in plan.specs(data: data)
            where (plan.family != .prunedWidth || spec.isPruned) && seen.insert(spec.key).inserted {
                list.append((plan.family, spec))
            }
        }
        return list
    }

    func lockURL(_ spec: ModelSpec, store: ResultStore) -> URL {
        store.root.appendingPathComponent("locks").appendingPathComponent("eval-\(spec.key).lock")
    }

    func study(_ runner: ExperimentRunner, threads: Int,
               log: @escaping (String) -> Void = { _ in }) -> RobustnessStudy {
        RobustnessStudy(runner: runner, settings: settings, threads: threads, log: log)
    }

    /// Whether every evaluation of this network is cached (false while it is not trained).
    func isEvaluated(_ family: Paper2Family, _ spec: ModelSpec, study: RobustnessStudy) -> Bool {
        guard let record = try? study.runner.store.model(spec.key) else { return false }
        return study.isComplete([family: [record]])
    }

    public func progress(_ runner: ExperimentRunner) -> [UnitProgress] {
        let study = study(runner, threads: 1)
        return networks(data: runner.dataHash).enumerated().map { position, network in
            if isEvaluated(network.family, network.spec, study: study) {
                return UnitProgress(position: position, state: .stored, count: 1, missing: 0,
                                    remainingSeconds: 0)
            }
            let held = ExperimentRunner.isHeld(lockURL(network.spec, store: runner.store))
            return UnitProgress(position: position, state: held ? .claimed : .missing, count: 1,
                                missing: 1,
                                remainingSeconds: CostModel.evaluation(network.spec, settings: settings))
        }
    }

    public func run(_ shard: Shard, runner: ExperimentRunner, threads: Int,
                    log: @escaping (String) -> Void) throws -> String {
        let study = study(runner, threads: threads, log: log)
        let mine = networks(data: runner.dataHash).enumerated()
            .filter { shard.includes($0.offset) }.map(\.element)
        var evaluated = 0, reused = 0
        var held: [(family: Paper2Family, spec: ModelSpec)] = []
        // First every network nobody else holds; then wait for the held ones (their holder
        // normally finishes them, and the check under the lock finds them done).
        for wait in [false, true] {
            for network in wait ? held : mine {
                let lock = try FileLock(lockURL(network.spec, store: runner.store))
                if wait { try lock.lock() } else if !lock.tryLock() { held.append(network); continue }
                defer { lock.unlock() }
                if isEvaluated(network.family, network.spec, study: study) {
                    reused += 1
                    continue
                }
                let record = try runner.store.model(network.spec.key)
                _ = try study.rows([network.family: [record]])
                evaluated += 1
            }
        }
        return "\(name): \(evaluated) networks evaluated, \(reused) already evaluated (shard \(shard))"
    }
}
