/// The vector unit of the kernels: 8 floats (two SSE registers, or one AVX register when the
/// compiler may use AVX). Activations are stored feature-major, one row of a batch's samples per
/// unit, and the kernels walk a row in blocks of 32 samples (4 lanes), which keep their sums in
/// registers.
public typealias Lane = SIMD8<Float>

/// Samples per column block, the kernels' unit of work along the batch.
@inlinable public var blockWidth: Int { 32 }

/// Half a column block (16 samples): the forward and input-gradient passes keep a row's block in
/// registers as two of these, and each instruction set splits them into as many registers as it
/// needs (four SSE, two AVX2, one AVX-512 each) with the same operation on every sample. (A
/// whole block as one `SIMD32` would be simpler, but Swift computes its arithmetic lane by lane.)
public typealias HalfBlock = SIMD16<Float>

@inlinable @inline(__always)
public func loadHalf(_ p: UnsafePointer<Float>) -> HalfBlock {
    UnsafeRawPointer(p).loadUnaligned(as: HalfBlock.self)
}

@inlinable @inline(__always)
public func storeHalf(_ p: UnsafeMutablePointer<Float>, _ v: HalfBlock) {
    UnsafeMutableRawPointer(p).storeBytes(of: v, as: HalfBlock.self)
}

@inlinable @inline(__always)
public func loadLane(_ p: UnsafePointer<Float>) -> Lane {
    UnsafeRawPointer(p).loadUnaligned(as: Lane.self)
}

@inlinable @inline(__always)
public func storeLane(_ p: UnsafeMutablePointer<Float>, _ v: Lane) {
    UnsafeMutableRawPointer(p).storeBytes(of: v, as: Lane.self)
}

/// a + b · c. A separate multiply and add (not a fused multiply-add): without a target that
/// guarantees FMA, Swift would call the libm `fmaf` for each lane.
@inlinable @inline(__always)
public func mulAdd(_ a: Lane, _ b: Lane, _ c: Lane) -> Lane {
    a + b * c
}

/// Lanes where `mask` is not positive become 0 (the ReLU derivative applied to a gradient).
@inlinable @inline(__always)
public func keepWherePositive(_ v: Lane, _ mask: Lane) -> Lane {
    v.replacing(with: 0, where: mask .<= 0)
}

/// The ReLU of the dense MLP layers (NaN stays NaN); the conv graph's is ``maxZero(_:)``.
@inlinable @inline(__always)
public func relu(_ v: Lane) -> Lane {
    v.replacing(with: 0, where: v .< 0)
}

/// max(0, v) lane by lane as Swift's scalar `max(0, x)` computes it: x where x ≥ 0, else 0 (−0
/// stays −0, NaN becomes 0), the conv graph's ReLU.
@inlinable @inline(__always)
public func maxZero(_ v: Lane) -> Lane {
    v.replacing(with: 0, where: .!(v .>= 0))
}

/// The sum of the 8 lanes in a fixed order (pairwise), so a dot product does not depend on how
/// the work was split.
@inlinable @inline(__always)
public func laneSum(_ v: Lane) -> Float {
    let h = v.lowHalf + v.highHalf
    let q = h.lowHalf + h.highHalf
    return q[0] + q[1]
}

/// ``laneSum(_:)`` of eight lanes at once: the same additions in the same order, done on
/// whole vectors (a transpose folded into the pairwise sums) instead of one lane at a time.
@inlinable @inline(__always)
public func laneSums(
    _ a0: Lane, _ a1: Lane, _ a2: Lane, _ a3: Lane, _ a4: Lane, _ a5: Lane, _ a6: Lane, _ a7: Lane
) -> Lane {
    // h_k = low half + high half of a_k, two per vector.
    @inline(__always) func halves(_ x: Lane, _ y: Lane) -> Lane {
        Lane(lowHalf: x.lowHalf, highHalf: y.lowHalf) + Lane(lowHalf: x.highHalf, highHalf: y.highHalf)
    }
    // q_k = (h_k[0] + h_k[2], h_k[1] + h_k[3]): moves of float pairs, then one add.
    @inline(__always) func quarters(_ x: Lane, _ y: Lane) -> Lane {
        let p = unsafeBitCast(x, to: SIMD4<Double>.self), q = unsafeBitCast(y, to: SIMD4<Double>.self)
        let first = SIMD4<Double>(lowHalf: p.evenHalf, highHalf: q.evenHalf)
        let second = SIMD4<Double>(lowHalf: p.oddHalf, highHalf: q.oddHalf)
        return unsafeBitCast(first, to: Lane.self) + unsafeBitCast(second, to: Lane.self)
    }
    let q0 = quarters(halves(a0, a1), halves(a2, a3))
    let q1 = quarters(halves(a4, a5), halves(a6, a7))
    // s_k = q_k[0] + q_k[1].
    return Lane(lowHalf: q0.evenHalf, highHalf: q1.evenHalf) + Lane(lowHalf: q0.oddHalf, highHalf: q1.oddHalf)
}
