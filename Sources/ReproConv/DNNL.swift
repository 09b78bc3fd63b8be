import CDNNL
#if canImport(Glibc)
import Glibc
#endif

// Every oneDNN call of the package is in this file, so a port to oneDNN 3's API (operation
// descriptors folded into primitive-descriptor constructors) touches this file only.
//
// What we use: one CPU engine and one in-order stream; plain row-major memory (NCHW data, OIHW
// weights, no blocked layouts, so our own kernels read the same buffers); convolution forward,
// backward data and backward weights.

/// A oneDNN status other than success, in one line.
struct DNNLError: Error, CustomStringConvertible {
    let description: String
}

@inline(__always)
private func check(_ status: dnnl_status_t, _ what: String) throws {
    guard status == dnnl_success else {
        throw DNNLError(description: "oneDNN \(what) failed (status \(status.rawValue))")
    }
}

/// The CPU engine and its stream, created once per process.
final class DNNLContext: @unchecked Sendable {
    let engine: dnnl_engine_t
    let stream: dnnl_stream_t

    static let shared: DNNLContext? = try? DNNLContext()

    static func require() throws -> DNNLContext {
        guard let context = shared else { throw DNNLError(description: "no oneDNN CPU engine") }
        return context
    }

    private init() throws {
        var e: dnnl_engine_t?
        try check(dnnl_engine_create(&e, dnnl_cpu, 0), "engine creation")
        var s: dnnl_stream_t?
        try check(dnnl_stream_create(&s, e, dnnl_stream_default_flags.rawValue), "stream creation")
        engine = e!; stream = s!
    }

    /// The threads oneDNN's OpenMP runtime uses for the next primitives. Debian's oneDNN runs on
    /// GNU OpenMP, loaded with it; its `omp_set_num_threads` is looked up at run time, so we link
    /// only `dnnl`.
    static func setThreads(_ n: Int) {
        guard n != currentThreads, let set = ompSetNumThreads else { return }
        set(Int32(max(1, n)))
        currentThreads = n
    }

    nonisolated(unsafe) private static var currentThreads = 0
    private static let ompSetNumThreads: (@convention(c) (Int32) -> Void)? = {
        _ = shared
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "omp_set_num_threads") else { return nil }
        return unsafeBitCast(symbol, to: (@convention(c) (Int32) -> Void).self)
    }()
}

/// A plain row-major float32 memory object whose data pointer is set before each execution.
private final class DNNLMemory {
    var handle: dnnl_memory_t
    /// Owned, so it can be passed where oneDNN wants an optional pointer.
    let descriptor: UnsafeMutablePointer<dnnl_memory_desc_t>

    init(_ dims: [Int], _ context: DNNLContext) throws {
        var d = dims.map(Int64.init)
        let md = UnsafeMutablePointer<dnnl_memory_desc_t>.allocate(capacity: 1)
        md.initialize(to: dnnl_memory_desc_t())
        let tag: dnnl_format_tag_t = [dnnl_a, dnnl_ab, dnnl_abc, dnnl_abcd][dims.count - 1]
        try check(dnnl_memory_desc_init_by_tag(md, Int32(dims.count), &d, dnnl_f32, tag),
                  "memory descriptor \(dims)")
        var m: dnnl_memory_t?
        try check(dnnl_memory_create(&m, md, context.engine, nil), "memory \(dims)")
        handle = m!; descriptor = md
    }

    func bind(_ pointer: UnsafeRawPointer) {
        _ = dnnl_memory_set_data_handle(handle, UnsafeMutableRawPointer(mutating: pointer))
    }

    deinit {
        dnnl_memory_destroy(handle)
        descriptor.deallocate()
    }
}

/// The three primitives of one convolution shape (batch, channels, size, kernel, stride,
/// padding), on plain NCHW / OIHW buffers.
final class DNNLConvolution {
    private let context: DNNLContext
    private let src, weights, bias, dst: DNNLMemory
    private let forwardPrimitive, dataPrimitive, weightsPrimitive: dnnl_primitive_t
    private let descriptors: [dnnl_primitive_desc_t]
    let hasBias: Bool

    init(_ g: ConvGeometry, batch: Int) throws {
        context = try DNNLContext.require()
        src = try DNNLMemory([batch, g.inChannels, g.height, g.width], context)
        weights = try DNNLMemory([g.outChannels, g.inChannels, g.kernel, g.kernel], context)
        bias = try DNNLMemory([g.outChannels], context)
        dst = try DNNLMemory([batch, g.outChannels, g.outHeight, g.outWidth], context)
        hasBias = g.bias
        var strides: [Int64] = [Int64(g.stride), Int64(g.stride)]
        var padL: [Int64] = [Int64(g.padding), Int64(g.padding)]
        // Right padding so that the output size comes out exactly as PyTorch's floor rule.
        let padH = Int64((g.outHeight - 1) * g.stride + g.kernel - g.height - g.padding)
        let padW = Int64((g.outWidth - 1) * g.stride + g.kernel - g.width - g.padding)
        var padR: [Int64] = [padH, padW]

        var fd = dnnl_convolution_desc_t()
        try check(dnnl_convolution_forward_desc_init(
            &fd, dnnl_forward_training, dnnl_convolution_direct, src.descriptor,
            weights.descriptor, g.bias ? bias.descriptor : nil, dst.descriptor,
            &strides, &padL, &padR), "convolution forward descriptor")
        var bd = dnnl_convolution_desc_t()
        try check(dnnl_convolution_backward_data_desc_init(
            &bd, dnnl_convolution_direct, src.descriptor, weights.descriptor, dst.descriptor,
            &strides, &padL, &padR), "convolution backward-data descriptor")
        var wd = dnnl_convolution_desc_t()
        try check(dnnl_convolution_backward_weights_desc_init(
            &wd, dnnl_convolution_direct, src.descriptor, weights.descriptor,
            g.bias ? bias.descriptor : nil, dst.descriptor, &strides, &padL, &padR),
                  "convolution backward-weights descriptor")

        var fpd: dnnl_primitive_desc_t?
        try check(dnnl_primitive_desc_create(&fpd, &fd, nil, context.engine, nil),
                  "convolution forward")
        var bpd: dnnl_primitive_desc_t?
        try check(dnnl_primitive_desc_create(&bpd, &bd, nil, context.engine, fpd),
                  "convolution backward data")
        var wpd: dnnl_primitive_desc_t?
        try check(dnnl_primitive_desc_create(&wpd, &wd, nil, context.engine, fpd),
                  "convolution backward weights")
        descriptors = [fpd!, bpd!, wpd!]
        var p0: dnnl_primitive_t?, p1: dnnl_primitive_t?, p2: dnnl_primitive_t?
        try check(dnnl_primitive_create(&p0, fpd), "convolution forward primitive")
        try check(dnnl_primitive_create(&p1, bpd), "convolution backward-data primitive")
        try check(dnnl_primitive_create(&p2, wpd), "convolution backward-weights primitive")
        forwardPrimitive = p0!; dataPrimitive = p1!; weightsPrimitive = p2!
    }

    deinit {
        for p in [forwardPrimitive, dataPrimitive, weightsPrimitive] { dnnl_primitive_destroy(p) }
        for d in descriptors { dnnl_primitive_desc_destroy(d) }
    }

    /// The implementations oneDNN chose for the forward, backward-data and backward-weights
    /// passes (e.g. "gemm:jit").
    var implementations: [String] {
        descriptors.map { d in
            var name: UnsafePointer<CChar>?
            _ = withUnsafeMutablePointer(to: &name) {
                dnnl_primitive_desc_query(d, dnnl_query_impl_info_str, 0, $0)
            }
            return name.map { String(cString: $0) } ?? "?"
        }
    }

    private func run(_ primitive: dnnl_primitive_t, _ args: [(Int32, DNNLMemory)]) throws {
        var list = args.map { dnnl_exec_arg_t(arg: $0.0, memory: $0.1.handle) }
        try check(dnnl_primitive_execute(primitive, context.stream, Int32(list.count), &list),
                  "convolution execution")
        try check(dnnl_stream_wait(context.stream), "stream wait")
    }

    /// y = conv(x, w) + b.
    func forward(x: UnsafePointer<Float>, w: UnsafePointer<Float>, b: UnsafePointer<Float>?,
                 y: UnsafeMutablePointer<Float>) throws {
        src.bind(x); weights.bind(w); dst.bind(y)
        var args: [(Int32, DNNLMemory)] = [(DNNL_ARG_SRC, src), (DNNL_ARG_WEIGHTS, weights),
                                           (DNNL_ARG_DST, dst)]
        if hasBias, let b { bias.bind(b); args.append((DNNL_ARG_BIAS, bias)) }
        try run(forwardPrimitive, args)
    }

    /// dx = conv_transpose(dy, w) (overwrites dx).
    func backwardData(dy: UnsafePointer<Float>, w: UnsafePointer<Float>,
                      dx: UnsafeMutablePointer<Float>) throws {
        dst.bind(dy); weights.bind(w); src.bind(dx)
        try run(dataPrimitive, [(DNNL_ARG_DIFF_DST, dst), (DNNL_ARG_WEIGHTS, weights),
                                (DNNL_ARG_DIFF_SRC, src)])
    }

    /// dw = Σ dy ⊗ x and db = Σ dy over the batch (overwrites both).
    func backwardWeights(x: UnsafePointer<Float>, dy: UnsafePointer<Float>,
                         dw: UnsafeMutablePointer<Float>, db: UnsafeMutablePointer<Float>?) throws {
        src.bind(x); dst.bind(dy); weights.bind(dw)
        var args: [(Int32, DNNLMemory)] = [(DNNL_ARG_SRC, src), (DNNL_ARG_DIFF_DST, dst),
                                           (DNNL_ARG_DIFF_WEIGHTS, weights)]
        if hasBias, let db { bias.bind(db); args.append((DNNL_ARG_DIFF_BIAS, bias)) }
        try run(weightsPrimitive, args)
    }
}
