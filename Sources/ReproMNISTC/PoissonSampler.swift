extension RandomNumberGenerator {
    /// One Poisson(λ) draw by Knuth's multiplication method: multiply uniforms until the
    /// product falls to e^(−λ) or below; the number of factors minus one is Poisson distributed.
    /// It costs about λ + 1 uniforms, which suits shot noise, where λ = 3·x/255 ≤ 3
    /// (protocol B §2.2). λ = 0 returns 0 without consuming a draw, as NumPy does.
    /// Precondition: 0 ≤ λ ≤ 700, so that e^(−λ) stays a normal double.
    mutating func nextPoisson(mean lambda: Double) -> Int {
        precondition(lambda >= 0 && lambda <= 700, "Poisson mean outside [0, 700]")
        if lambda == 0 { return 0 }
        let limit = LibM.exp(-lambda)
        var product = 1.0
        var count = -1
        repeat {
            product *= nextUnitDouble()
            count += 1
        } while product > limit
        return count
    }
}
