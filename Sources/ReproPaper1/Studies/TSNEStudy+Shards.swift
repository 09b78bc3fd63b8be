import ReproExperiments

/// The per-seed t-SNE of the claims, one seed at a time, for a cluster to spread over tasks:
/// each seed's embedding is cached exactly as ``TSNEStudy/perSeed(_:figure:)`` caches it, so the
/// report finds it there and computes nothing.
extension TSNEStudy {
    /// What `perSeed` caches for one seed (the same name and inputs, hence the same file); the
    /// iterations only when the plan sets them, so default caches keep their names.
    struct SeedInputs: Encodable {
        let study = "tsne-quality"
        let version: Int
        let model: String
        let iterations: Int?
    }

    static func seedInputs(_ context: StudyContext, model: String) -> SeedInputs {
        SeedInputs(version: version, model: model, iterations: context.base.tsneIterations)
    }

    /// The seeds `perSeed` embeds on their own: every seed of the base plan but the figure's.
    public static func separateSeeds(_ context: StudyContext) -> [Int] {
        let figureSeed = context.seed(preferring: seed)
        return context.base.seeds.filter { $0 != figureSeed }
    }

    /// Whether seed `seed`'s embedding is cached.
    public static func isEmbedded(_ context: StudyContext, seed: Int) -> Bool {
        let key = context.spec(pair, hidden: hidden, seed: seed).key
        return context.cache.contains("tsne-seed\(seed)", inputs: seedInputs(context, model: key))
    }

    /// Computes and caches seed `seed`'s embedding (nothing if it is cached).
    public static func embedSeparately(_ context: StudyContext, seed: Int) throws {
        let key = context.spec(pair, hidden: hidden, seed: seed).key
        _ = try context.cache.value("tsne-seed\(seed)", inputs: seedInputs(context, model: key)) {
            try embed(context, seed: seed, cacheName: nil).panels.map {
                SeedRow(seed: seed, name: $0.name, neighbourAccuracy: $0.neighbourAccuracy)
            }
        }
    }
}
