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

/// The CPU engine, created once per process, and a stream per user: each convolution has its
/// own, so networks trained side by side on different threads never share one.
final class DNNLContext: @unchecked Sendable {
    let engine: dnnl_engine_t
    let stream: dnnl_stream_t

    static let shared: DNNLContext? = try? DNNLContext()

    static func require() throws -> DNNLContext {
        guard let context = shared else { throw DNNLError(description: "no oneDNN CPU engine") }
        return try DNNLContext(engine: context.engine)
    }

    private init() throws {
        var e: dnnl_engine_t?
        try check(dnnl_engine_create(&e, dnnl_cpu, 0), "engine creation")
        engine = e!
        var s: dnnl_stream_t?
        try check(dnnl_stream_create(&s, engine, dnnl_stream_default_flags.rawValue), "stream creation")
        stream = s!
    }

    /// A new stream on the shared engine.
    private init(engine: dnnl_engine_t) throws {
        self.engine = engine
        var s: dnnl_stream_t?
        try check(dnnl_stream_create(&s, engine, dnnl_stream_default_flags.rawValue), "stream creation")
        stream = s!
    }

    deinit { dnnl_stream_destroy(stream) }

    /// The threads oneDNN's OpenMP runtime uses for the primitives the calling thread runs next
    /// (OpenMP keeps this per thread). Debian's oneDNN runs on GNU OpenMP, loaded with it; its
    /// `omp_set_num_threads` is looked up at run time, so we link only `dnnl`.
    static func setThreads(_ n: Int) {
        ompSetNumThreads?(Int32(max(1, n)))
    }

    private static let ompSetNumThreads: (@convention(c) (Int32) -> Void)? = {
        _ = shared
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "omp_set_num_threads") else { return nil }
        return unsafeBitCast(symbol, to: (@convention(c) (Int32) -> Void).self)
    }()
}

/// A plain row-major float32 memory object whose data pointer is set before each execution.
final class DNNLMemory {
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

    /// A descriptor leaving the layout to oneDNN (caller deallocates).
    static func anyLayout(_ dims: [Int]) throws -> UnsafeMutablePointer<dnnl_memory_desc_t> {
        let md = UnsafeMutablePointer<dnnl_memory_desc_t>.allocate(capacity: 1)
        md.initialize(to: dnnl_memory_desc_t())
        var d = dims.map(Int64.init)
        try check(dnnl_memory_desc_init_by_tag(md, Int32(dims.count), &d, dnnl_f32, dnnl_format_tag_any),
                  "memory descriptor \(dims)")
        return md
    }

    func bind(_ pointer: UnsafeRawPointer) {
        _ = dnnl_memory_set_data_handle(handle, UnsafeMutableRawPointer(mutating: pointer))
    }

    deinit {
        dnnl_memory_destroy(handle)
        descriptor.deallocate()
    }
}

/// One argument of a primitive as we see it: our plain buffer, bound at each call, and, when
/// oneDNN prefers another layout for it, its own buffer and the reorder between the two.
private final class DNNLArgument {
    let plain: DNNLMemory
    let blocked: dnnl_memory_t?
    /// A copy of the blocked layout's descriptor.
    let blockedDescriptor: UnsafeMutablePointer<dnnl_memory_desc_t>?
    let reorder: dnnl_primitive_t?
    let reorderDescriptor: dnnl_primitive_desc_t?
    /// Read by the primitive (reorder before) or written by it (reorder after).
    let isInput: Bool
    /// An input already reordered since the last forward pass (x and w are unchanged until the
    /// next forward pass, dy between the two backward passes).
    var fresh = false

    init(plain: DNNLMemory, wanted: UnsafePointer<dnnl_memory_desc_t>, isInput: Bool, _ context: DNNLContext) throws {
        self.plain = plain
        self.isInput = isInput
        if dnnl_memory_desc_equal(plain.descriptor, wanted) != 0 {
            blocked = nil; reorder = nil; reorderDescriptor = nil; blockedDescriptor = nil
            return
        }
        var m: dnnl_memory_t?
        try check(dnnl_memory_create(&m, wanted, context.engine, UnsafeMutableRawPointer(bitPattern: -1)),
                  "blocked memory")
        var rpd: dnnl_primitive_desc_t?
        if isInput {
            try check(dnnl_reorder_primitive_desc_create(&rpd, plain.descriptor, context.engine, wanted,
                                                         context.engine, nil), "reorder descriptor")
        } else {
            try check(dnnl_reorder_primitive_desc_create(&rpd, wanted, context.engine, plain.descriptor,
                                                         context.engine, nil), "reorder descriptor")
        }
        var r: dnnl_primitive_t?
        try check(dnnl_primitive_create(&r, rpd), "reorder")
        blocked = m; reorder = r; reorderDescriptor = rpd
        blockedDescriptor = .allocate(capacity: 1)
        blockedDescriptor!.initialize(to: wanted.pointee)
    }

    deinit {
        if let reorder { dnnl_primitive_destroy(reorder) }
        if let reorderDescriptor { dnnl_primitive_desc_destroy(reorderDescriptor) }
        if let blocked { dnnl_memory_destroy(blocked) }
        blockedDescriptor?.deallocate()
    }

    /// The memory the primitive reads or writes.
    var memory: dnnl_memory_t { blocked ?? plain.handle }

    func convert(_ context: DNNLContext) throws {
        guard let reorder, let blocked, !(isInput && fresh) else { return }
        fresh = isInput
        var args = isInput
            ? [dnnl_exec_arg_t(arg: DNNL_ARG_FROM, memory: plain.handle), dnnl_exec_arg_t(arg: DNNL_ARG_TO, memory: blocked)]
            : [dnnl_exec_arg_t(arg: DNNL_ARG_FROM, memory: blocked), dnnl_exec_arg_t(arg: DNNL_ARG_TO, memory: plain.handle)]
        try check(dnnl_primitive_execute(reorder, context.stream, 2, &args), "reorder")
    }
}

/// One primitive with its arguments.
private final class DNNLStep {
    let primitive: dnnl_primitive_t
    let descriptor: dnnl_primitive_desc_t
    let arguments: [(Int32, DNNLArgument)]

    init(_ pd: dnnl_primitive_desc_t, _ args: [(Int32, DNNLMemory, dnnl_query_t?, Bool)], _ context: DNNLContext,
         sharing earlier: [DNNLArgument] = []) throws {
        descriptor = pd
        var p: dnnl_primitive_t?
        try check(dnnl_primitive_create(&p, pd), "convolution primitive")
        primitive = p!
        arguments = try args.map { arg, plain, query, isInput in
            let wanted = query.map { dnnl_primitive_desc_query_md(pd, $0, 0)! } ?? UnsafePointer(plain.descriptor)
            if isInput, let same = earlier.first(where: { a in
                a.isInput && a.plain === plain && a.blocked != nil
                    && dnnl_memory_desc_equal(a.blockedDescriptor!, wanted) != 0
            }) {
                return (arg, same)
            }
            return (arg, try DNNLArgument(plain: plain, wanted: wanted, isInput: isInput, context))
        }
    }

    deinit {
        dnnl_primitive_destroy(primitive)
        dnnl_primitive_desc_destroy(descriptor)
    }

    func run(_ context: DNNLContext) throws {
        for (_, a) in arguments where a.isInput { try a.convert(context) }
        var list = arguments.map { dnnl_exec_arg_t(arg: $0.0, memory: $0.1.memory) }
        try check(dnnl_primitive_execute(primitive, context.stream, Int32(list.count), &list), "convolution")
        for (_, a) in arguments where !a.isInput { try a.convert(context) }
        try check(dnnl_stream_wait(context.stream), "stream wait")
    }

    var implementation: String {
        var name: UnsafePointer<CChar>?
        _ = withUnsafeMutablePointer(to: &name) { dnnl_primitive_desc_query(descriptor, dnnl_query_impl_info_str, 0, $0) }
        return name.map { String(cString: $0) } ?? "?"
    }
}

/// The three primitives of one convolution shape (batch, channels, size, kernel, stride,
/// padding). Our buffers are plain NCHW / OIHW; oneDNN computes on the layouts it prefers
/// (blocked channels), with reorders in and out counted in our time.
final class DNNLConvolution {
    private let context: DNNLContext
    private let src, weights, bias, dst: DNNLMemory
    private let forwardStep, dataStep, weightsStep: DNNLStep
    let hasBias: Bool

    init(_ g: ConvGeometry, batch: Int) throws {
        context = try DNNLContext.require()
        src = try DNNLMemory([batch, g.inChannels, g.height, g.width], context)
        weights = try DNNLMemory([g.outChannels, g.inChannels, g.kernel, g.kernel], context)
        bias = try DNNLMemory([g.outChannels], context)
        dst = try DNNLMemory([batch, g.outChannels, g.outHeight, g.outWidth], context)
        hasBias = g.bias
        let anySrc = try DNNLMemory.anyLayout([batch, g.inChannels, g.height, g.width])
        let anyWeights = try DNNLMemory.anyLayout([g.outChannels, g.inChannels, g.kernel, g.kernel])
        let anyDst = try DNNLMemory.anyLayout([batch, g.outChannels, g.outHeight, g.outWidth])
        defer { anySrc.deallocate(); anyWeights.deallocate(); anyDst.deallocate() }
        var strides: [Int64] = [Int64(g.stride), Int64(g.stride)]
        var padL: [Int64] = [Int64(g.padding), Int64(g.padding)]
        // Right padding so that the output size comes out exactly as PyTorch's floor rule.
        let padH = Int64((g.outHeight - 1) * g.stride + g.kernel - g.height - g.padding)
        let padW = Int64((g.outWidth - 1) * g.stride + g.kernel - g.width - g.padding)
        var padR: [Int64] = [padH, padW]

        var fd = dnnl_convolution_desc_t()
        try check(dnnl_convolution_forward_desc_init(
            &fd, dnnl_forward_training, dnnl_convolution_direct, anySrc, anyWeights,
            g.bias ? bias.descriptor : nil, anyDst, &strides, &padL, &padR), "convolution forward descriptor")
        var bd = dnnl_convolution_desc_t()
        try check(dnnl_convolution_backward_data_desc_init(
            &bd, dnnl_convolution_direct, anySrc, anyWeights, anyDst, &strides, &padL, &padR),
                  "convolution backward-data descriptor")
        var wd = dnnl_convolution_desc_t()
        try check(dnnl_convolution_backward_weights_desc_init(
            &wd, dnnl_convolution_direct, anySrc, anyWeights, g.bias ? bias.descriptor : nil, anyDst,
            &strides, &padL, &padR), "convolution backward-weights descriptor")

        var fpd: dnnl_primitive_desc_t?
        try check(dnnl_primitive_desc_create(&fpd, &fd, nil, context.engine, nil), "convolution forward")
        var bpd: dnnl_primitive_desc_t?
        try check(dnnl_primitive_desc_create(&bpd, &bd, nil, context.engine, fpd), "convolution backward data")
        var wpd: dnnl_primitive_desc_t?
        try check(dnnl_primitive_desc_create(&wpd, &wd, nil, context.engine, fpd), "convolution backward weights")
        var forwardArgs: [(Int32, DNNLMemory, dnnl_query_t?, Bool)] = [
            (DNNL_ARG_SRC, src, dnnl_query_src_md, true), (DNNL_ARG_WEIGHTS, weights, dnnl_query_weights_md, true),
            (DNNL_ARG_DST, dst, dnnl_query_dst_md, false)]
        if g.bias { forwardArgs.append((DNNL_ARG_BIAS, bias, nil, true)) }
        forwardStep = try DNNLStep(fpd!, forwardArgs, context)
        var weightArgs: [(Int32, DNNLMemory, dnnl_query_t?, Bool)] = [
            (DNNL_ARG_SRC, src, dnnl_query_src_md, true), (DNNL_ARG_DIFF_DST, dst, dnnl_query_diff_dst_md, true),
            (DNNL_ARG_DIFF_WEIGHTS, weights, dnnl_query_diff_weights_md, false)]
        if g.bias { weightArgs.append((DNNL_ARG_DIFF_BIAS, bias, nil, false)) }
        weightsStep = try DNNLStep(wpd!, weightArgs, context, sharing: forwardStep.arguments.map(\.1))
        dataStep = try DNNLStep(bpd!, [
            (DNNL_ARG_DIFF_DST, dst, dnnl_query_diff_dst_md, true),
            (DNNL_ARG_WEIGHTS, weights, dnnl_query_weights_md, true),
            (DNNL_ARG_DIFF_SRC, src, dnnl_query_diff_src_md, false)], context,
            sharing: (forwardStep.arguments + weightsStep.arguments).map(\.1))
    }

    /// The implementations oneDNN chose for the forward, backward-data and backward-weights
    /// passes (e.g. "jit:avx512_core").
    var implementations: [String] { [forwardStep, dataStep, weightsStep].map(\.implementation) }

    /// y = conv(x, w) + b.
    func forward(x: UnsafePointer<Float>, w: UnsafePointer<Float>, b: UnsafePointer<Float>?,
                 y: UnsafeMutablePointer<Float>) throws {
        src.bind(x); weights.bind(w); dst.bind(y)
        if hasBias, let b { bias.bind(b) }
        for step in [forwardStep, dataStep, weightsStep] { for (_, a) in step.arguments { a.fresh = false } }
        try forwardStep.run(context)
    }

    /// dx = conv_transpose(dy, w) (overwrites dx).
    func backwardData(dy: UnsafePointer<Float>, w: UnsafePointer<Float>,
                      dx: UnsafeMutablePointer<Float>) throws {
        dst.bind(dy); weights.bind(w); src.bind(dx)
        try dataStep.run(context)
    }

    /// dw = Σ dy ⊗ x and db = Σ dy over the batch (overwrites both).
    func backwardWeights(x: UnsafePointer<Float>, dy: UnsafePointer<Float>,
                         dw: UnsafeMutablePointer<Float>, db: UnsafeMutablePointer<Float>?) throws {
        src.bind(x); dst.bind(dy); weights.bind(dw)
        if hasBias, let db { bias.bind(db) }
        try weightsStep.run(context)
    }
}

/// oneDNN on its own terms, for the benchmark: the same convolution with every layout left to
/// oneDNN (`any`: blocked formats, its fastest kernels), on buffers it allocates; no reorders
/// counted.
final class DNNLConvolutionBestLayout {
    private let context: DNNLContext
    private var primitives: [dnnl_primitive_t] = []
    private var descriptors: [dnnl_primitive_desc_t] = []
    private var memories: [dnnl_memory_t] = []
    private var arguments: [[dnnl_exec_arg_t]] = []

    init(_ g: ConvGeometry, batch: Int) throws {
        context = try DNNLContext.require()
        func any(_ dims: [Int]) throws -> UnsafeMutablePointer<dnnl_memory_desc_t> {
            let md = UnsafeMutablePointer<dnnl_memory_desc_t>.allocate(capacity: 1)
            md.initialize(to: dnnl_memory_desc_t())
            var d = dims.map(Int64.init)
            try check(dnnl_memory_desc_init_by_tag(md, Int32(dims.count), &d, dnnl_f32, dnnl_format_tag_any),
                      "memory descriptor")
            return md
        }
        let src = try any([batch, g.inChannels, g.height, g.width])
        let wei = try any([g.outChannels, g.inChannels, g.kernel, g.kernel])
        let dst = try any([batch, g.outChannels, g.outHeight, g.outWidth])
        defer { src.deallocate(); wei.deallocate(); dst.deallocate() }
        var strides: [Int64] = [Int64(g.stride), Int64(g.stride)]
        var pad: [Int64] = [Int64(g.padding), Int64(g.padding)]
        var padR: [Int64] = [Int64((g.outHeight - 1) * g.stride + g.kernel - g.height - g.padding),
                             Int64((g.outWidth - 1) * g.stride + g.kernel - g.width - g.padding)]
        var fd = dnnl_convolution_desc_t(), bd = dnnl_convolution_desc_t(), wd = dnnl_convolution_desc_t()
        try check(dnnl_convolution_forward_desc_init(&fd, dnnl_forward_training, dnnl_convolution_direct, src, wei,
                                                     nil, dst, &strides, &pad, &padR), "forward")
        try check(dnnl_convolution_backward_data_desc_init(&bd, dnnl_convolution_direct, src, wei, dst,
                                                           &strides, &pad, &padR), "backward data")
        try check(dnnl_convolution_backward_weights_desc_init(&wd, dnnl_convolution_direct, src, wei, nil, dst,
                                                              &strides, &pad, &padR), "backward weights")
        var fpd: dnnl_primitive_desc_t?, bpd: dnnl_primitive_desc_t?, wpd: dnnl_primitive_desc_t?
        try check(dnnl_primitive_desc_create(&fpd, &fd, nil, context.engine, nil), "forward")
        try check(dnnl_primitive_desc_create(&bpd, &bd, nil, context.engine, fpd), "backward data")
        try check(dnnl_primitive_desc_create(&wpd, &wd, nil, context.engine, fpd), "backward weights")
        descriptors = [fpd!, bpd!, wpd!]
        let plan: [(dnnl_primitive_desc_t, [(Int32, dnnl_query_t)])] = [
            (fpd!, [(DNNL_ARG_SRC, dnnl_query_src_md), (DNNL_ARG_WEIGHTS, dnnl_query_weights_md),
                    (DNNL_ARG_DST, dnnl_query_dst_md)]),
            (bpd!, [(DNNL_ARG_DIFF_DST, dnnl_query_diff_dst_md), (DNNL_ARG_WEIGHTS, dnnl_query_weights_md),
                    (DNNL_ARG_DIFF_SRC, dnnl_query_diff_src_md)]),
            (wpd!, [(DNNL_ARG_SRC, dnnl_query_src_md), (DNNL_ARG_DIFF_DST, dnnl_query_diff_dst_md),
                    (DNNL_ARG_DIFF_WEIGHTS, dnnl_query_diff_weights_md)]),
        ]
        for (pd, args) in plan {
            var p: dnnl_primitive_t?
            try check(dnnl_primitive_create(&p, pd), "primitive")
            primitives.append(p!)
            arguments.append(try args.map { arg, query in
                var m: dnnl_memory_t?
                try check(dnnl_memory_create(&m, dnnl_primitive_desc_query_md(pd, query, 0), context.engine,
                                             UnsafeMutableRawPointer(bitPattern: -1)), "memory")
                memories.append(m!)
                return dnnl_exec_arg_t(arg: arg, memory: m)
            })
        }
    }

    deinit {
        for m in memories { dnnl_memory_destroy(m) }
        for p in primitives { dnnl_primitive_destroy(p) }
        for d in descriptors { dnnl_primitive_desc_destroy(d) }
    }

    /// Forward, backward data and backward weights once each.
    func run() throws {
        for (p, args) in zip(primitives, arguments) {
            var list = args
            try check(dnnl_primitive_execute(p, context.stream, Int32(list.count), &list), "execution")
        }
        try check(dnnl_stream_wait(context.stream), "stream wait")
    }

    /// The implementations oneDNN chose.
    var implementations: [String] {
        descriptors.map { d in
            var name: UnsafePointer<CChar>?
            _ = withUnsafeMutablePointer(to: &name) { dnnl_primitive_desc_query(d, dnnl_query_impl_info_str, 0, $0) }
            return name.map { String(cString: $0) } ?? "?"
        }
    }
}
