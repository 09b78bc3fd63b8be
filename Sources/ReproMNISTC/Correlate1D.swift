/// SciPy's `ndimage.correlate1d` on a plane, along axis 0 (down each column) or axis 1 (along
/// each row), for an odd-length kernel centred on the output pixel:
/// out[i] = Σⱼ w[j]·in[i + j − radius], with the line extended by `mode`.
///
/// The summation order is SciPy's, so results match it to the last bit (protocol B §2.2 Canny,
/// whose non-maximum suppression compares magnitudes that can tie): a symmetric kernel is
/// summed as w₀·x₀ + Σ (x₋ⱼ + x₊ⱼ)·wⱼ from the outermost tap inwards, an antisymmetric one as
/// w₀·x₀ + Σ (x₋ⱼ − x₊ⱼ)·w₋ⱼ, any other left to right after the last tap.
///
/// `storeAsFloat32` rounds each output to Float, as SciPy does when the array is float32
/// (spatter's mask blur, whose second axis then reads the rounded first-axis result).
func correlate1D(
    _ input: Plane, weights: [Double], axis: Int, mode: BoundaryMode,
    storeAsFloat32: Bool = false
) -> Plane {
    precondition(weights.count % 2 == 1, "correlate1D needs an odd-length kernel")
    precondition(axis == 0 || axis == 1, "a plane has axes 0 and 1")
    let radius = weights.count / 2
    let symmetry = KernelSymmetry(weights)
    let lineCount = axis == 0 ? input.cols : input.rows
    let length = axis == 0 ? input.rows : input.cols
    var output = input
    var line = [Double](repeating: 0, count: length + 2 * radius)
    for lineIndex in 0..<lineCount {
        // Gather the extended line: line[k] holds position k − radius.
        for k in 0..<line.count {
            line[k] = mode.sample(k - radius, count: length) { position in
                axis == 0 ? input[position, lineIndex] : input[lineIndex, position]
            }
        }
        for position in 0..<length {
            let centre = position + radius
            var sum: Double
            switch symmetry {
            case .symmetric:
                sum = line[centre] * weights[radius]
                for j in stride(from: radius, to: 0, by: -1) {
                    sum += (line[centre - j] + line[centre + j]) * weights[radius - j]
                }
            case .antisymmetric:
                sum = line[centre] * weights[radius]
                for j in stride(from: radius, to: 0, by: -1) {
                    sum += (line[centre - j] - line[centre + j]) * weights[radius - j]
                }
            case .general:
                sum = line[centre + radius] * weights[2 * radius]
                for j in 0..<(2 * radius) {
                    sum += line[centre - radius + j] * weights[j]
                }
            }
            if storeAsFloat32 { sum = Double(Float(sum)) }
            if axis == 0 {
                output[position, lineIndex] = sum
            } else {
                output[lineIndex, position] = sum
            }
        }
    }
    return output
}

/// SciPy's test for the cheaper symmetric and antisymmetric loops: mirrored weights equal (or
/// opposite) within DBL_EPSILON.
private enum KernelSymmetry {
    case symmetric, antisymmetric, general

    init(_ weights: [Double]) {
        let radius = weights.count / 2
        let mirrored = (1..<(radius + 1)).map { (weights[radius + $0], weights[radius - $0]) }
        if mirrored.allSatisfy({ abs($0.0 - $0.1) <= Double.ulpOfOne }) {
            self = .symmetric
        } else if mirrored.allSatisfy({ abs($0.0 + $0.1) <= Double.ulpOfOne }) {
            self = .antisymmetric
        } else {
            self = .general
        }
    }
}
