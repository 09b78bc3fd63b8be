import XCTest
import ReproSupport
@testable import ReproAnalysis

final class TSNETests: XCTestCase {
    /// Three well separated Gaussian clusters in 10 dimensions, 60 points each.
    func clusters() -> (x: [Double], labels: [Int]) {
        var rng = RandomStream(seed: 1, "clusters")
        var x: [Double] = [], labels: [Int] = []
        for c in 0..<3 {
            for _ in 0..<60 {
                x += (0..<10).map { k in (k == c * 3 ? 12.0 : 0) + rng.nextNormal() }
                labels.append(c)
            }
        }
        return (x, labels)
    }

    func testClustersStaySeparatedAndKLFalls() {
        let (x, labels) = clusters()
        var tsne = TSNE()
        tsne.iterations = 500
        tsne.perplexity = 15
        let result = tsne.run(x, count: 180, dimensions: 10)
        let y = result.embedding
        func centroid(_ c: Int) -> (Double, Double) {
            let members = labels.indices.filter { labels[$0] == c }
            return (members.map { y[2 * $0] }.reduce(0, +) / 60,
                    members.map { y[2 * $0 + 1] }.reduce(0, +) / 60)
        }
        // Every point is closer to its own cluster's centroid than to any other.
        let centroids = (0..<3).map(centroid)
        for i in labels.indices {
            let distances = centroids.map { pow(y[2 * i] - $0.0, 2) + pow(y[2 * i + 1] - $0.1, 2) }
            XCTAssertEqual(distances.firstIndex(of: distances.min()!), labels[i])
        }
        let afterExaggeration = result.kl[result.klIterations.firstIndex(of: 300)!]
        XCTAssertLessThan(result.finalKL, afterExaggeration)
        XCTAssertLessThan(result.finalKL, result.kl[0])
        XCTAssertGreaterThan(result.finalKL, 0)
    }

    func testAffinitiesAreSymmetricNormalisedAndMatchThePerplexity() {
        let (x, _) = clusters()
        let p = TSNE.jointProbabilities(x, count: 180, dimensions: 10, perplexity: 20)
        let total = p.reduce(0.0) { $0 + Double($1) }
        XCTAssertEqual(total, 1, accuracy: 1e-3)
        XCTAssertEqual(p[3 * 180 + 7], p[7 * 180 + 3])
    }

    func testSameInputSameEmbedding() {
        let (x, _) = clusters()
        var tsne = TSNE(); tsne.iterations = 60; tsne.perplexity = 10
        XCTAssertEqual(tsne.run(x, count: 180, dimensions: 10),
                       tsne.run(x, count: 180, dimensions: 10))
    }

    func testPrincipalAxesOfAnElongatedCloud() {
        var rng = RandomStream(seed: 2, "pca")
        var x: [Double] = []
        for _ in 0..<500 {
            let t = rng.nextNormal() * 5
            x += [t, 2 * t + rng.nextNormal() * 0.1, rng.nextNormal() * 0.1]
        }
        let pca = PrincipalComponents(x, count: 500, dimensions: 3, keep: 2)
        XCTAssertEqual(pca.axes[0][0], 1 / 5.0.squareRoot(), accuracy: 0.01)
        XCTAssertEqual(pca.axes[0][1], 2 / 5.0.squareRoot(), accuracy: 0.01)
        XCTAssertEqual(zip(pca.axes[0], pca.axes[1]).reduce(0) { $0 + $1.0 * $1.1 }, 0,
                       accuracy: 1e-9)
    }
}
