import ReproNetwork
import XCTest
@testable import ReproConv

/// Evaluations batch a wide CNN by the memory one image holds, so a ResNet50 does not take
/// gigabytes per pass; the batch depends on the architecture only.
final class ConvMemoryTests: XCTestCase {
    func testEvaluationBatchFollowsTheArchitecturesActivations() throws {
        func network(_ name: String) throws -> ConvNetwork {
            let a = try ConvArchitectures.make(name, width: 16)
            let masks = try ConvNetwork.masks(architecture: a, rule: .uniform, seed: 0,
                                              budget: try a.capacity())
            return try ConvNetwork.initial(architecture: a, masks: masks, seed: 0)
        }
        let vgg = try network("vgg11"), resnet = try network("resnet50")
        // VGG11-16's largest output is 16 × 32 × 32; ResNet50-16 holds dozens of 64-channel maps.
        XCTAssertGreaterThan(vgg.bytesPerImage, 8 * 16 * 32 * 32)
        XCTAssertGreaterThan(resnet.bytesPerImage, 10 * vgg.bytesPerImage)
        XCTAssertEqual(vgg.evaluationBatch(), 256)
        XCTAssertLessThan(resnet.evaluationBatch(), 256)
        XCTAssertLessThanOrEqual(resnet.evaluationBatch() * resnet.bytesPerImage, 1 << 30)
        XCTAssertEqual(resnet.evaluationBatch(memory: 1), 1)
    }
}
