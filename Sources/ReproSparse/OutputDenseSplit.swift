/// wide-sparse-nets' published mask split (`get_NWTF` with `fract_freeze_cl = 0`): every frozen
/// weight is in the input layer, the output layer stays dense.
extension SparseFamilies {
    /// The widest one-hidden-layer net whose input layer can take all the freezing and keep at
    /// least one weight: (w − b)·794 ≤ 784·w − 1, i.e. w ≤ 10,163 for b = 128.
    public static func outputDenseLimit(baseWidth: Int = 128) -> Int {
        (baseWidth * (inputSize + classes) - 1) / classes
    }

    /// One hidden layer of `width` units keeping the dense base's total (794 · baseWidth), with
    /// the output layer dense (10 · width) and the input layer holding the rest.
    public static func widthOutputDense(_ width: Int, baseWidth: Int = 128) throws
        -> [SparseLayerShape]
    {
        let uniform = try self.width(width, baseWidth: baseWidth)
        let total = uniform.reduce(0) { $0 + $1.kept }
        let output = classes * width
        guard total - output >= 1 else {
            throw SparseError("width \(width) is too wide for a dense output layer: the input "
                              + "layer would keep \(total - output) weights (widths up to "
                              + "\(outputDenseLimit(baseWidth: baseWidth)))")
        }
        return [
            try SparseLayerShape(fanIn: inputSize, fanOut: width, kept: total - output),
            try SparseLayerShape(fanIn: width, fanOut: classes, kept: output),
        ]
    }
}
