import ReproData
@testable import ReproExperiments
@testable import ReproPaper1
import ReproSupport
@testable import ReproReport

/// Empty results and claims built in code, for the claim-checker tests.
enum ClaimFixtures {
    static func empty() -> Paper1Results {
        Paper1Results(lrGrid: [], capacity: [], pruning: [], deadNeurons: [], tsne: TSNEStudy.Result(digits: [], panels: [], seconds: 0),
                      robustness: [], saliency: [], corruptionExamples: CorruptionExamples.Result(digit: 0, original: [], noisy: [], occluded: [], patchTop: 0, patchLeft: 0),
                      quick: true)
    }

    /// The fields a claims.json rule may carry, set per test and stored as JSON, as the file does.
    struct ClaimTest: Encodable {
        var kind: String
        var pair: String?, hidden: Int?, threshold: Double?, low: Int?, high: Int?
        var learningRate: Double?, level: Double?, tolerance: Double?, source: String?
        var larger: Int?, smaller: Int?, sizes: [Int]?
        var pairs: [String]?, levels: [Double]?, steps: Int?, minimumCases: Int?, ratio: Double?
        var from: Int?, knee: Int?, top: Int?
        init(kind: String) { self.kind = kind }
    }

    static func claim(_ kind: String, _ configure: (inout ClaimTest) -> Void = { _ in }) -> Claim {
        var test = ClaimTest(kind: kind)
        configure(&test)
        let json = try! CanonicalJSON.decode(JSONValue.self, from: CanonicalJSON.encode(test))
        return Claim(id: "T", text: "test", published: "x", figure: "fig6", test: json)
    }
}
