import ReproData
import ReproRobustness
import ReproExperiments
import ReproSparse
import ReproSupport

/// One family's networks: widths (or depths) × seeds, with the training protocol's settings.
public struct Paper2Plan: ExperimentPlanning, Codable, Equatable, Sendable {
    public var experiment: String
    public var family: Paper2Family
    public var widths: [Int]
    public var depths: [Int]
    public var seeds: [Int]
    public var maxEpochs: Int
    public var batchSize: Int
    public var learningRate: Double
    /// Train on the first this many training images only (the quick profile's CNN miniatures);
    /// nil: all 60,000.
    public var trainImages: Int?
    /// The reading of the protocol (nil: ours, part A); left out of the plan's JSON when nil.
    public var variant: Paper2Variant? = nil
    /// The CIFAR data set the networks train on (`--dataset`); nil: MNIST, left out of the JSON.
    public var dataset: CIFARDataset? = nil

    public static let paperSeeds = [0, 1, 2, 3, 4]
    public static let quickSeeds = [0, 1]
    public static let maxEpochs = 300
    /// The quick profile's MLPs train at most 3 epochs: enough for every curve and claim to have
    /// numbers, about 3.7 minutes for the whole pipeline on 2 cores (it exercises, it does not
    /// reproduce).
    public static let quickMaxEpochs = 3
    /// The quick profile trains each CNN for one epoch on the first 4,000 training images (fewer
    /// leave VGG11 at chance, and its figures would mislead), the
    /// depth families at width 16: a miniature of every family that exercises the pipeline, not
    /// a result.
    public static let quickConvEpochs = 1
    /// The quick profile's CNN seeds: two, trained side by side on the two cores.
    public static let quickConvSeeds = [0, 1]
    public static let quickConvImages = 4000
    /// A miniature (a CNN trained on a subset of the training images) is scored on this many
    /// test images, the first of the test split: its test pass would otherwise cost more than
    /// its training.
    public static let miniatureTestImages = 2000

    /// A family's whole design (what `repro run <family>` trains): the paper's sizes and 5 seeds;
    /// the quick profile's miniature.
    public static func named(_ family: Paper2Family, quick: Bool = false,
                             full: Bool = false) -> Paper2Plan {
        let widths: [Int]
        switch family {
        case .sparseWidth: widths = quick ? [128, 512, 2048, 8192, 32768] : Paper2Family.allWidths
        case .sparseDepth: widths = [Paper2Family.depthWidth]
        case .prunedWidth:
            widths = full ? Paper2Family.allWidths
                : quick ? [128, 512, 1024] : Paper2Family.prunedWidths
        case .vggWidth, .resnetWidth, .vggPruned:
            widths = quick ? [16, 32] : Paper2Family.convWidths
        case .vggDepth, .resnetDepth:
            widths = [quick ? Paper2Family.convBaseWidth : Paper2Family.convDepthWidth]
        }
        return Paper2Plan(experiment: family.rawValue, family: family, widths: widths,
                          depths: family == .sparseDepth
                              ? (quick ? [1, 2] : Paper2Family.allDepths)
                              : quick && family == .resnetDepth ? [18, 34] : family.depths,
                          seeds: quick ? (family.isConvolutional ? quickConvSeeds : quickSeeds)
                              : paperSeeds,
                          maxEpochs: family.isConvolutional
                              ? (quick ? quickConvEpochs : maxEpochs)
                              : (quick ? quickMaxEpochs : maxEpochs),
                          batchSize: 128, learningRate: 0.01,
                          trainImages: family.isConvolutional && quick ? quickConvImages : nil)
    }

    /// The CNNs' evaluation settings in a profile: the full one evaluates them at the MLPs'
    /// sizes, the others at ``RobustnessSettings/conv(quick:)``'s.
    public static func convSettings(quick: Bool, full: Bool = false) -> RobustnessSettings {
        full ? .paper : .conv(quick: quick)
    }

    /// The plans a report builds. The quick and full profiles build every family's design; the
    /// default profile builds every MLP family, and of the CNNs only what fits its time bound
    /// (`ConvProfile.standard`).
    public static func report(quick: Bool, full: Bool = false) -> [Paper2Plan] {
        Paper2Family.reportFamilies.compactMap { family in
            let plan = named(family, quick: quick, full: full)
            guard family.isConvolutional, !quick, !full else { return plan }
            return ConvProfile.standard.narrowed(plan)
        }
    }

    /// The options a family takes: its sizes (widths, or depths), seeds and the training
    /// protocol's numbers; `--full` for the pruned family.
    public static func options(_ family: Paper2Family) -> Set<ExperimentOption> {
        var options: Set<ExperimentOption> = [.seeds, .epochs, .batchSize, .lr, .dataset]
        options.insert(family.role == .depth ? .depths : .widths)
        if family == .prunedWidth { options.insert(.full) }
        if Paper2Variant.allCases.contains(where: { $0.families.contains(family) }) {
            options.insert(.variant)
        }
        return options
    }

    /// `repro run`/`results`: the family's plan in the report's profile (a CNN width family
    /// narrowed as `make report` narrows it; a family the default leaves out, its whole
    /// design), narrowed by the options.
    public static func plan(_ experiment: String, options: ExperimentOptions) throws -> Paper2Plan {
        guard let family = Paper2Family(rawValue: experiment) else {
            throw ReproError("unknown experiment '\(experiment)'")
        }
        try options.check(allowed: Self.options(family), for: experiment)
        var plan = named(family, quick: options.quick, full: options.full)
        if family.isConvolutional, !options.quick, !options.full,
           let narrowed = ConvProfile.standard.narrowed(plan) {
            plan = narrowed
        }
        // On CIFAR, the report's CIFAR plan of the family where it builds one (the same
        // networks, so `repro run` fills what the report reads), else the MNIST design on it.
        if let dataset = options.dataset {
            plan = cifar(dataset, quick: options.quick, full: options.full)
                .first { $0.family == family } ?? plan.on(dataset)
        }
        if let name = options.variant {
            let variant = try Paper2Variant.named(name)
            // The MLP readings' own widths and seeds; any other pairing is refused by validate().
            plan = family == .sparseWidth && variant.readsMLP
                ? self.variant(variant, quick: options.quick) : plan.reading(variant)
            plan.dataset = options.dataset   // with a data set: refused by validate()
        }
        if let widths = options.widths { plan.widths = widths }
        if let depths = options.depths { plan.depths = depths }
        if let seeds = options.seeds { plan.seeds = seeds }
        if let epochs = options.epochs { plan.maxEpochs = epochs }
        if let batch = options.batchSize { plan.batchSize = batch }
        if let lr = options.learningRate { plan.learningRate = lr }
        try plan.validate()
        return plan
    }

    public func validate() throws {
        guard !seeds.isEmpty, seeds.allSatisfy({ $0 >= 0 }) else {
            throw ReproError("--seeds: seeds must be non-negative integers")
        }
        try validateVariant()
        if let dataset, let variant {
            throw ReproError("--variant \(variant.rawValue) reads the MNIST protocol; run it "
                             + "without --dataset \(dataset.rawValue)")
        }
        if family.isConvolutional {
            guard !widths.isEmpty,
                  widths.allSatisfy({ $0 >= 16 && $0 <= 512 && $0 & ($0 - 1) == 0 }) else {
                throw ReproError("--widths: widths of \(family.rawValue) must be powers of two "
                                 + "from 16 to 512")
            }
        } else {
            guard !widths.isEmpty,
                  widths.allSatisfy({ $0 >= 128 && $0 <= 32768 && $0 & ($0 - 1) == 0 }) else {
                throw ReproError("--widths: widths must be powers of two from 128 to 32768")
            }
        }
        if family.isConvolutional {
            guard !depths.isEmpty, depths.allSatisfy(family.depths.contains) else {
                throw ReproError("--depths: \(family.rawValue) trains depths "
                                 + family.depths.map(String.init).joined(separator: ", "))
            }
        } else {
            guard !depths.isEmpty, depths.allSatisfy({ (1...16).contains($0) }) else {
                throw ReproError("--depths: depths must be between 1 and 16 hidden layers")
            }
        }
        if let n = trainImages, !(1...60_000).contains(n) {
            throw ReproError("the training subset must hold 1 to 60000 images, not \(n)")
        }
        guard (1...10_000).contains(maxEpochs) else {
            throw ReproError("--epochs: must be between 1 and 10000")
        }
        guard (1...60_000).contains(batchSize) else {
            throw ReproError("--batch-size: must be between 1 and 60000")
        }
        guard learningRate > 0, learningRate.isFinite else {
            throw ReproError("--lr: the learning rate must be a positive number")
        }
    }

    /// The networks of the plan, in order (size, then seed). The pruned family lists each dense
    /// net followed by its pruned copy: both are kept, the pruned one is what gets evaluated.
    public func specs(data: String) -> [ModelSpec] {
        sizes.flatMap { width, depth in
            seeds.flatMap { seed -> [ModelSpec] in
                guard let spec = try? ModelSpec.paper2(family: family, width: width, depth: depth,
                                                       seed: seed, plan: self, data: data)
                else { return [] }
                guard family.role == .pruned, let pruned = try? spec.pruned(width: width) else {
                    return [spec]
                }
                return [spec, pruned]
            }
        }
    }

    /// (width, depth) of every network size in the plan.
    public var sizes: [(width: Int, depth: Int)] {
        family.role == .depth
            ? depths.map { (widths.first ?? Paper2Family.depthWidth, $0) }
            : widths.map { ($0, depths.first ?? 1) }
    }
}
