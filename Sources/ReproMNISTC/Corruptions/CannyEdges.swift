/// canny_edges (protocol B §2.2): skimage's `canny(x/255)` with its defaults; edge pixels are
/// 255, the rest 0. Deterministic.
enum CannyEdges {
    static func apply(_ image: [UInt8]) -> [Float] {
        CannyEdgeDetector().edges(MNISTImage.unitPlane(image)).map { $0 ? 255 : 0 }
    }
}
