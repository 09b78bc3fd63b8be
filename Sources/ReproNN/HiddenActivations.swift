/// Hidden-layer (post-ReLU) activations of one network on a set of inputs.
public enum HiddenActivations {
    /// Activations, row-major `count × hidden`, computed in Float64.
    public static func of(_ model: MLPParameters, on data: TrainingSet) -> [Double] {
        let h = model.hidden, d = model.inputs, n = data.count
        precondition(data.inputs == d)
        var z = [Double](repeating: 0, count: n * h)
        Double.gemm(transA: false, transB: false, m: n, n: h, k: d, alpha: 1, a: data.features,
                    lda: d,
                    b: model.w1, ldb: h, beta: 0, c: &z, ldc: h)
        for i in 0..<n { for j in 0..<h { z[i * h + j] = max(z[i * h + j] + model.b1[j], 0) } }
        return z
    }

    /// Units whose activation is exactly zero for every input ("dead" on this data).
    public static func deadUnits(_ model: MLPParameters, on data: TrainingSet) -> [Int] {
        let a = of(model, on: data), h = model.hidden
        return (0..<h).filter { j in (0..<data.count).allSatisfy { a[$0 * h + j] == 0 } }
    }
}
