import Foundation
import ReproSupport

extension TSNE.Workspace {
    /// ∂KL/∂y_i = 4 Σ_j (α·p_ij − q_ij) (1 + ‖y_i − y_j‖²)⁻¹ (y_i − y_j), as (x, y) pairs, into
    /// `gradient`; α is the exaggeration.
    func computeGradient(exaggeration: Double) {
        let n = count, pp = UnsafePointer(p.baseAddress!)
        let px = UnsafePointer(yx.baseAddress!), py = UnsafePointer(yy.baseAddress!)
        let att = attraction, rep = repulsion, zs = rowZ
        split.forEach { _, rows in
            check(rows: rows)
            for i in rows {
                let sums = TSNE.rowSums(pp + i * n, px, py, n, i)
                att[2 * i] = sums.ax; att[2 * i + 1] = sums.ay
                rep[2 * i] = sums.rx; rep[2 * i + 1] = sums.ry
                zs[i] = sums.z - 1   // remove j = i (its kernel is 1)
            }
        }
        var z = 0.0
        for i in 0..<n { z += zs[i] }
        for k in 0..<(2 * n) { gradient[k] = 4 * (exaggeration * att[k] - rep[k] / z) }
    }

    /// One step of gradient descent with momentum and delta-bar-delta gains.
    func descend(momentum: Double, rate: Double) {
        let g = gradient, update = update, gains = gains
        for k in 0..<(2 * count) {
            gains[k] = (g[k] > 0) != (update[k] > 0) ? gains[k] + 0.2 : max(gains[k] * 0.8, 0.01)
            update[k] = momentum * update[k] - rate * gains[k] * g[k]
        }
        for i in 0..<count { yx[i] += Float(update[2 * i]); yy[i] += Float(update[2 * i + 1]) }
    }

    /// KL(P‖Q) = Σ_{i≠j} p_ij log(p_ij / q_ij), q_ij = k_ij / Σ k.
    func klDivergence() -> Double {
        let n = count, p = p, yx = yx, yy = yy
        var z = 0.0, cross = 0.0, entropy = 0.0
        for i in 0..<n {
            for j in 0..<n where j != i {
                let dx = Double(yx[i] - yx[j]), dy = Double(yy[i] - yy[j])
                let k = 1 / (1 + dx * dx + dy * dy)
                let pij = Double(p[i * n + j])
                z += k
                cross += pij * log(k)
                entropy += pij * log(pij)
            }
        }
        let total = p.reduce(0.0) { $0 + Double($1) }
            - (0..<n).reduce(0.0) { $0 + Double(p[$1 * n + $1]) }
        return entropy - cross + total * log(z)
    }
}

extension TSNE {
    /// Row i's sums over j with 8-wide SIMD: Σ p·k·Δ, Σ k²·Δ and Σ k, where k = (1 + ‖Δ‖²)⁻¹.
    @inline(__always)
    static func rowSums(_ p: UnsafePointer<Float>, _ px: UnsafePointer<Float>,
                        _ py: UnsafePointer<Float>, _ n: Int, _ i: Int)
        -> (ax: Double, ay: Double, rx: Double, ry: Double, z: Double) {
        let xi = SIMD8<Float>(repeating: px[i]), yi = SIMD8<Float>(repeating: py[i])
        var ax = SIMD8<Float>(), ay = SIMD8<Float>(), rx = SIMD8<Float>(), ry = SIMD8<Float>()
        var z = SIMD8<Float>()
        var j = 0
        while j + 8 <= n {
            let dx = xi - UnsafeRawPointer(px + j).loadUnaligned(as: SIMD8<Float>.self)
            let dy = yi - UnsafeRawPointer(py + j).loadUnaligned(as: SIMD8<Float>.self)
            let k = 1 / (1 + dx * dx + dy * dy)
            let pk = UnsafeRawPointer(p + j).loadUnaligned(as: SIMD8<Float>.self) * k
            let k2 = k * k
            ax += pk * dx; ay += pk * dy
            rx += k2 * dx; ry += k2 * dy
            z += k
            j += 8
        }
        var sax = Double(ax.sum()), say = Double(ay.sum())
        var srx = Double(rx.sum()), sry = Double(ry.sum()), sz = Double(z.sum())
        while j < n {
            let dx = px[i] - px[j], dy = py[i] - py[j]
            let k = 1 / (1 + dx * dx + dy * dy)
            sax += Double(p[j] * k * dx); say += Double(p[j] * k * dy)
            srx += Double(k * k * dx); sry += Double(k * k * dy); sz += Double(k)
            j += 1
        }
        return (sax, say, srx, sry, sz)
    }
}
