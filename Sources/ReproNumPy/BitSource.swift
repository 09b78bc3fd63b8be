/// The two raw outputs every NumPy bit generator offers (`next_uint32` and `next_uint64` of
/// numpy's `bitgen_t`).
///
/// The bounded-integer and shuffle routines (§2.1, §4.2, §5) are written once against this
/// protocol, then drawn from MT19937 (the legacy `RandomState`, §1) or from PCG64 (the
/// `Generator`, §3). Which raw draw a routine uses is part of what makes it bit-exact, so the
/// protocol names them exactly as numpy does.
protocol NumPyBitSource {
    /// One 32-bit output (`next_uint32`).
    mutating func nextUInt32() -> UInt32
    /// One 64-bit output (`next_uint64`).
    mutating func nextUInt64() -> UInt64
}
