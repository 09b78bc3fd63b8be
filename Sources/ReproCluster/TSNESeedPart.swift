import Foundation
import ReproExperiments
import ReproPaper1
import ReproSupport

/// Paper 1's t-SNE over the claims' seeds (the largest of its analyses: about 24 core-seconds a
/// seed), sharded by seed: each unit embeds one seed's model and caches it where the report
/// looks, claimed with `results/locks/tsne-seed<seed>-<model>.lock` while it runs. The other
/// analyses stay in the report job.
public struct TSNESeedPart: WorkPart {
    public let paper = "paper1"
    public let name = "t-SNE per seed"
    public let unit = "analyses"
    /// The claims' capacity plan (its seeds are the extended ones).
    public let base: Paper1Plan
    public static let secondsPerSeed = 24.0

    public init(base: Paper1Plan) { self.base = base }

    func lockURL(_ seed: Int, context: StudyContext) -> URL {
        let model = context.spec(TSNEStudy.pair, hidden: TSNEStudy.hidden, seed: seed).key
        return context.runner.store.root.appendingPathComponent("locks")
            .appendingPathComponent("tsne-seed\(seed)-\(model).lock")
    }

    public func progress(_ runner: ExperimentRunner) -> [UnitProgress] {
        let context = StudyContext(runner: runner, base: base)
        let perSeed = Self.secondsPerSeed   // the same embedding size in every profile
        return TSNEStudy.separateSeeds(context).enumerated().map { position, seed in
            if TSNEStudy.isEmbedded(context, seed: seed) {
                return UnitProgress(position: position, state: .stored, count: 1, missing: 0,
                                    remainingSeconds: 0)
            }
            let held = ExperimentRunner.isHeld(lockURL(seed, context: context))
            return UnitProgress(position: position, state: held ? .claimed : .missing, count: 1,
                                missing: 1, remainingSeconds: perSeed)
        }
    }

    public func run(_ shard: Shard, runner: ExperimentRunner, threads: Int,
                    log: @escaping (String) -> Void) throws -> String {
        let context = StudyContext(runner: runner, base: base)
        var done = 0, reused = 0
        for (position, seed) in TSNEStudy.separateSeeds(context).enumerated() where shard.includes(position) {
            let lock = try FileLock(lockURL(seed, context: context))
            try lock.lock()
            defer { lock.unlock() }
            if TSNEStudy.isEmbedded(context, seed: seed) { reused += 1; continue }
            try TSNEStudy.embedSeparately(context, seed: seed)
            done += 1
        }
        return "\(name): \(done) seeds embedded, \(reused) already cached (shard \(shard))"
    }
}
