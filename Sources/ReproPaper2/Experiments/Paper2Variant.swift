import ReproExperiments
import ReproSparse
import ReproSupport

/// A reading of the paper other than ours: a named, stored alternative to one decision of the
/// MLP protocol (part A). A variant changes the spec of the width family's networks, so they
/// have their own keys and nothing of the default reading is recomputed; where a variant's
/// network equals the default's (the dense 128-unit base under `output-dense`, the batch-size
/// check's batch-64 nets) the stored one is reused.
public enum Paper2Variant: String, CaseIterable, Codable, Sendable {
    case outputDense = "output-dense"
    case normalInit = "normal-init"
    case rawInput = "raw-input"
    case noBias = "no-bias"
    case batch64 = "batch-64"
    /// The CNNs' reading: wide-sparse-nets' mask split for its VGG and ResNet code.
    case waterFilling = "water-filling"

    /// The readings of the MLP protocol (all but the CNNs' water-filling).
    public static let mlpReadings = allCases.filter(\.readsMLP)

    /// Whether it reads the MLP's width family (else the CNNs').
    public var readsMLP: Bool { families == [.sparseWidth] }

    /// The evaluations that read its networks: `robustness` or `robustness-cnn`.
    public var evaluationExperiment: String {
        readsMLP ? Paper2Reproduction.robustness : Paper2Reproduction.robustnessCNN
    }

    /// The width families a variant trains again: the MLP's for the MLP readings, VGG11's and
    /// ResNet18's (the profile's widths and seeds) for water-filling.
    public var families: [Paper2Family] {
        self == .waterFilling ? [.vggWidth, .resnetWidth] : [.sparseWidth]
    }

    /// The variants the default profile trains and evaluates; the others run under `--full`
    /// (and one by one with `repro run robustness --variant <name>`). The default profile may
    /// grow by at most 30 minutes on 2 cores, and one variant's width family with its
    /// evaluations measured 21–27 minutes (README, paper 2), so it holds one: output-dense,
    /// wide-sparse-nets' own published split, the reading most likely to change what sparsity
    /// does at large widths (its input layer keeps only 19,712 weights at 8,192 units).
    public static let defaultProfile: [Paper2Variant] = [.outputDense]

    /// The variants a profile runs.
    public static func profile(full: Bool) -> [Paper2Variant] { full ? allCases : defaultProfile }

    /// The variant of a command-line name; a wrong name is refused listing the names.
    public static func named(_ name: String) throws -> Paper2Variant {
        guard let variant = Paper2Variant(rawValue: name) else {
            throw ReproError("--variant: unknown variant '\(name)'; give one of "
                             + allCases.map(\.rawValue).joined(separator: ", "))
        }
        return variant
    }

    /// One sentence for the report.
    public var summary: String {
        switch self {
        case .outputDense:
            return "All freezing in the input layer and the output layer dense, as "
                + "wide-sparse-nets' published configuration does (widths up to 8,192)."
        case .normalInit:
            return "Initial weights and biases drawn from a normal distribution with the standard "
                + "deviation of our uniform, s/√3, instead of U(−s, s)."
        case .rawInput:
            return "Pixels in [0, 1] go straight into the first layer, without the "
                + "(x − 0.1307) / 0.3081 normalisation."
        case .noBias:
            return "No biases in any layer, as wide-sparse-nets' published configuration."
        case .batch64:
            return "Mini-batches of 64 instead of 128."
        case .waterFilling:
            return "The CNNs' kept weights shared as wide-sparse-nets' VGG and ResNet code does: "
                + "the largest layers cut to a common cap, the small ones (stem, shortcuts, "
                + "classifier) dense."
        }
    }

    /// The part-A decision the variant replaces, and why a reviewer would try it.
    public var protocolText: String {
        switch self {
        case .outputDense:
            return "Replaces the mask split (every layer keeps 128/width of its weights). "
                + "wide-sparse-nets, which the paper builds on, freezes only input-layer weights "
                + "(get_NWTF with fract_freeze_cl = 0), so the paper may have kept the output layer "
                + "dense; at large widths that starves the input layer (19,712 non-zeros at 8,192), "
                + "which can change how sparsity acts. Widths above 10,163 are infeasible."
        case .normalInit:
            return "Replaces the initial distribution U(−s, s), s = 1/√(fan_in·keep). "
                + "wide-sparse-nets also offers a normal initialisation; we match the standard "
                + "deviation of our uniform (s/√3) so that only the shape changes (its own normal "
                + "option uses s as the standard deviation, three times our variance)."
        case .rawInput:
            return "Replaces the input normalisation (x − 0.1307)/0.3081. The paper does not say "
                + "it normalises; the input scale changes the effective learning rate of the first "
                + "layer and the size of an ε-step relative to the inputs it sees."
        case .noBias:
            return "Replaces a bias on every layer (PyTorch's default). The paper does not mention "
                + "biases and wide-sparse-nets' published configuration has none; biases are "
                + "dense and uncounted, so they add capacity that sparsity does not remove."
        case .batch64:
            return "Replaces the batch size 128 (not given by the paper). A smaller batch doubles "
                + "the number of steps per epoch and adds gradient noise, which can move both the "
                + "stopping epoch and the flatness that weight noise probes."
        case .waterFilling:
            return "Replaces the CNNs' uniform split (every conv and linear layer keeps the same "
                + "share). The paper says weights are removed \"in proportion to the layer size\"; "
                + "the code it builds on (get_nwtf) caps the largest layers instead, so the first "
                + "conv, the shortcuts and the classifier stay dense while the wide middle layers "
                + "are cut harder."
        }
    }

    /// The layer shapes of the width family at `width` under this variant, when it changes them.
    func shapes(width: Int) throws -> [SparseLayerShape]? {
        guard self == .outputDense else { return nil }
        return try SparseFamilies.widthOutputDense(width, baseWidth: Paper2Family.baseWidth)
    }

    /// The spec of the default reading changed as this variant reads the protocol.
    func apply(to spec: inout ModelSpec) {
        switch self {
        case .outputDense, .batch64, .waterFilling:
            break   // the shapes, the plan's batch size and the CNN's kept counts carry them
        case .normalInit: spec.initialization = Initialization(kind: "normal-fan-in")
        case .rawInput: spec.inputTransform = "none"
        case .noBias: spec.biases = false
        }
    }
}
