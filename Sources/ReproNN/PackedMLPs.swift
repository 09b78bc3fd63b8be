/// Several 784-h-1 networks laid side by side so that one GEMM serves them all: the first layers
/// form one inputs × H matrix (H = Σ h), column block `offsets[m] ..< offsets[m] + hidden[m]` being
/// model m; second layers form one H-vector of output weights plus one bias per model.
struct PackedMLPs<T: BLASScalar> {
    let inputs: Int
    let hidden: [Int]
    let offsets: [Int]
    let totalHidden: Int
    var w1: [T]
    var b1: [T]
    var w2: [T]
    var b2: [T]

    var count: Int { hidden.count }

    init(_ models: [MLPParameters]) {
        precondition(!models.isEmpty && Set(models.map(\.inputs)).count == 1,
                     "models must share their input size")
        inputs = models[0].inputs
        hidden = models.map(\.hidden)
        var running = 0
        offsets = hidden.map { h in defer { running += h }; return running }
        totalHidden = running
        w1 = [T](repeating: 0, count: inputs * totalHidden)
        b1 = []; w2 = []; b2 = []
        for (m, model) in models.enumerated() {
            for i in 0..<inputs {
                for j in 0..<model.hidden {
                    w1[i * totalHidden + offsets[m] + j] = T(model.w1[i * model.hidden + j])
                }
            }
            b1 += model.b1.map { T($0) }
            w2 += model.w2.map { T($0) }
            b2.append(T(model.b2))
        }
    }

    /// Model m's weights, unpacked.
    func model(_ m: Int) -> MLPParameters {
        let h = hidden[m], off = offsets[m]
        var first = [Double](repeating: 0, count: inputs * h)
        for i in 0..<inputs {
            for j in 0..<h { first[i * h + j] = Double(w1[i * totalHidden + off + j]) }
        }
        return MLPParameters(inputs: inputs, hidden: h, w1: first,
                             b1: b1[off..<(off + h)].map { Double($0) },
                             w2: w2[off..<(off + h)].map { Double($0) }, b2: Double(b2[m]))
    }
}
