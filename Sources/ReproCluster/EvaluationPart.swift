import Foundation
import ReproExperiments
import ReproPaper2
import ReproRobustness
import ReproSupport

/// Paper 2's robustness evaluations, sharded by network: each evaluated network of the plans is
/// one unit. While a shard evaluates a network it holds `results/locks/eval-<key>.lock`, so two
/// shards never compute the same evaluations and `repro status` sees the claim. Runs after the
/// networks are trained (the stage before).
public struct EvaluationPart: WorkPart {
    public let paper = "paper2"
    public let name: String
    public let unit = "evaluations"
    public let plans: [Paper2Plan]
    public let settings: RobustnessSettings

    /// `name`: the evaluation experiment (`robustness` for the MLPs, `robustness-cnn`).
    public init(plans: [Paper2Plan], settings: RobustnessSettings,
                name: String = Paper2Reproduction.robustness) {
        self.plans = plans
        self.settings = settings
        self.name = name
    }

    /// The evaluated networks in a fixed order (plan order, then each plan's spec order), once
    /// each: every network of the static families, the pruned ones of pruned-width.
    func networks(_ runner: ExperimentRunner) -> [(family: Paper2Family, spec: ModelSpec, call: String)] {
        networks { runner.dataHash(for: $0) }
    }

    /// The same with each plan's data named by `data` (the runner's hash for MNIST, the
    /// installed set's identity for CIFAR).
    func networks(data: (Paper2Plan) -> String) -> [(family: Paper2Family, spec: ModelSpec, call: String)] {
        var seen: Set<String> = []
        var list: [(Paper2Family, ModelSpec, String)] = []
        for plan in plans {
            // The report evaluates the families in one call per data set, each other plan (the
            // batch-size check) in its own.
            let call = plan.dataset.map { "families-\($0.rawValue)" }
                ?? (plan.experiment == plan.family.rawValue ? "families" : plan.experiment)
            for spec in plan.specs(data: data(plan))
            where (plan.family.role != .pruned || spec.isPruned) && seen.insert(spec.key).inserted {
                list.append((plan.family, spec, call))
            }
        }
        return list
    }

    func study(_ runner: ExperimentRunner, threads: Int,
               log: @escaping (String) -> Void = { _ in }) -> RobustnessStudy {
        var study = RobustnessStudy(runner: runner, settings: settings, threads: threads, log: log)
        study.claimsNetworks = false   // `run` holds each network's lock itself
        return study
    }

    /// Whether every evaluation of this network is cached (false while it is not trained).
    func isEvaluated(_ family: Paper2Family, _ spec: ModelSpec, study: RobustnessStudy) -> Bool {
        guard let record = try? study.runner.store.model(spec.key) else { return false }
        return study.isComplete([family: [record]])
    }

    public func progress(_ runner: ExperimentRunner) -> [UnitProgress] {
        let study = study(runner, threads: 1)
        return networks(runner).enumerated().map { position, network in
            if isEvaluated(network.family, network.spec, study: study) {
                return UnitProgress(position: position, state: .stored, count: 1, missing: 0,
                                    remainingSeconds: 0)
            }
            let held = ExperimentRunner.isHeld(runner.evaluationLockURL(network.spec.key))
            return UnitProgress(position: position, state: held ? .claimed : .missing, count: 1,
                                missing: 1,
                                remainingSeconds: CostModel.evaluation(network.spec, settings: settings))
        }
    }

    public func run(_ shard: Shard, runner: ExperimentRunner, threads: Int,
                    log: @escaping (String) -> Void) throws -> String {
        let all = networks(runner)
        let mine = all.enumerated().filter { shard.includes($0.offset) }.map(\.element)
        // A local run evaluates a seed's networks side by side, min(threads, networks of the
        // seed) at a time, each on threads / that many threads; the mean test loss of weight
        // noise sums per thread, so its last bits depend on that count. Each network here gets
        // the same count, so the shards add up to a local run with `threads` threads bit for bit.
        let perSeed = Dictionary(grouping: all, by: { "\($0.call)|\($0.spec.seed)" }).mapValues(\.count)
        func study(for network: (family: Paper2Family, spec: ModelSpec, call: String)) -> RobustnessStudy {
            let side = min(threads, max(1, perSeed["\(network.call)|\(network.spec.seed)"] ?? 1))
            return self.study(runner, threads: max(1, threads / side), log: log)
        }
        var evaluated = 0, reused = 0
        var held: [(family: Paper2Family, spec: ModelSpec, call: String)] = []
        // First every network nobody else holds; then wait for the held ones (their holder
        // normally finishes them, and the check under the lock finds them done).
        for wait in [false, true] {
            for network in wait ? held : mine {
                let lock = try FileLock(runner.evaluationLockURL(network.spec.key))
                if wait { try lock.lock() } else if !lock.tryLock() { held.append(network); continue }
                defer { lock.unlock() }
                let study = study(for: network)
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
