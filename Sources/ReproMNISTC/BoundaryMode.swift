/// How SciPy's `ndimage` filters extend a line beyond the image (protocol B §2.2):
/// - `nearest`: repeat the edge value (skimage `gaussian`'s default, used by glass blur and
///   spatter);
/// - `constant`: a fixed value outside (Canny's smoothing, with 0);
/// - `reflect`: mirror about the edge, repeating the edge value, d c b a | a b c d | d c b a
///   (SciPy's default, used by `sobel`).
enum BoundaryMode: Equatable {
    case nearest
    case constant(Double)
    case reflect

    /// The value at `index` of `line` (length `count`, read through `value(at:)`) once the line
    /// is extended by this mode.
    @inline(__always)
    func sample(_ index: Int, count: Int, _ value: (Int) -> Double) -> Double {
        if index >= 0 && index < count { return value(index) }
        switch self {
        case .nearest:
            return value(index < 0 ? 0 : count - 1)
        case .constant(let fill):
            return fill
        case .reflect:
            let period = 2 * count
            var folded = index % period
            if folded < 0 { folded += period }
            return value(folded < count ? folded : period - 1 - folded)
        }
    }
}
