/// The 15 corruptions of the MNIST-C benchmark (Mu & Gilmer 2019), each at the default
/// severity of `corruptions.py` (protocol B §2.1), in the benchmark's order. Raw values are
/// MNIST-C's names.
public enum MNISTCorruption: String, CaseIterable, Sendable {
    case shotNoise = "shot_noise"
    case impulseNoise = "impulse_noise"
    case glassBlur = "glass_blur"
    case motionBlur = "motion_blur"
    case shear
    case scale
    case rotate
    case brightness
    case translate
    case stripe
    case fog
    case spatter
    case dottedLine = "dotted_line"
    case zigzag
    case cannyEdges = "canny_edges"

    /// Number of pixels of one MNIST image (28 × 28).
    public static let pixelCount = 784

    /// The name with spaces for underscores, e.g. "shot noise".
    public var displayName: String {
        String(rawValue.map { $0 == "_" ? " " : $0 })
    }

    /// The severity `corruptions.py` uses by default, or nil where the function has none.
    public var severity: Int? {
        switch self {
        case .shotNoise, .brightness, .fog: return 5
        case .impulseNoise, .spatter: return 4
        case .glassBlur, .motionBlur: return 1
        case .shear, .rotate: return 2
        case .scale, .translate: return 3
        case .stripe, .dottedLine, .zigzag, .cannyEdges: return nil
        }
    }

    /// False for the corruptions that draw nothing (scale, brightness, stripe, canny edges):
    /// they leave the generator untouched.
    public var isRandom: Bool {
        switch self {
        case .scale, .brightness, .stripe, .cannyEdges: return false
        default: return true
        }
    }

    /// Corrupts one image: 784 bytes, row-major, as stored in the MNIST IDX files. Returns 784
    /// values in [0, 255], as MNIST-C's float32 output (integer-valued for motion blur, whose
    /// original round-trips through 8-bit PNG; 0 or 255 for canny edges). Not rounded to bytes.
    /// The same generator state always gives the same pixels.
    public func apply<G: RandomNumberGenerator>(
        to image: [UInt8], using generator: inout G
    ) -> [Float] {
        precondition(image.count == Self.pixelCount, "an MNIST image has 784 pixels")
        switch self {
        case .shotNoise: return ShotNoise.apply(image, using: &generator)
        case .impulseNoise: return ImpulseNoise.apply(image, using: &generator)
        case .glassBlur: return GlassBlur.apply(image, using: &generator)
        case .motionBlur: return MotionBlur.apply(image, using: &generator)
        case .shear: return AffineCorruptions.shear(image, using: &generator)
        case .scale: return AffineCorruptions.scale(image)
        case .rotate: return AffineCorruptions.rotate(image, using: &generator)
        case .brightness: return Brightness.apply(image)
        case .translate: return AffineCorruptions.translate(image, using: &generator)
        case .stripe: return Stripe.apply(image)
        case .fog: return Fog.apply(image, using: &generator)
        case .spatter: return Spatter.apply(image, using: &generator)
        case .dottedLine: return DottedLine.apply(image, using: &generator)
        case .zigzag: return Zigzag.apply(image, using: &generator)
        case .cannyEdges: return CannyEdges.apply(image)
        }
    }

    /// As `apply(to:using:)`, divided by 255: pixels in [0, 1], the space the models and the
    /// attacks work in (protocol A, "input normalisation").
    public func applyUnitRange<G: RandomNumberGenerator>(
        to image: [UInt8], using generator: inout G
    ) -> [Float] {
        apply(to: image, using: &generator).map { $0 / 255 }
    }
}
