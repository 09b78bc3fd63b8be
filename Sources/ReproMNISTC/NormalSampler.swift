extension RandomNumberGenerator {
    /// `count` independent standard normal draws by Marsaglia's polar method: draw (u, v)
    /// uniformly in the square (−1, 1)², reject points outside the unit disc (or at its centre),
    /// and scale both coordinates by sqrt(−2 ln s / s), s = u² + v². Both values of each accepted
    /// pair are used, so an odd `count` discards one. Spatter needs these (protocol B §2.2,
    /// `np.random.normal`); the method is exact, short and needs only `log` and `sqrt`.
    mutating func standardNormals(count: Int) -> [Double] {
        var values = [Double]()
        values.reserveCapacity(count + 1)
        while values.count < count {
            let u = nextUniform(-1, 1)
            let v = nextUniform(-1, 1)
            let s = u * u + v * v
            if s >= 1 || s == 0 { continue }
            let factor = (-2 * LibM.log(s) / s).squareRoot()
            values.append(u * factor)
            values.append(v * factor)
        }
        if values.count > count { values.removeLast() }
        return values
    }
}
