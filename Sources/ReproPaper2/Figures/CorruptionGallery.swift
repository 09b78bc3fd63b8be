import ReproMNISTC
import ReproPlot
import ReproSupport

/// The MNIST-C overview: one row per gallery digit, the clean image first and then each of the
/// 15 corruptions (named above its column), in grey on a fixed 0…255 scale, each in a thin
/// grey frame. The random corruptions draw from a stream of (0, "mnist-c-gallery", corruption,
/// digit), so the figure is the same on every run.
enum CorruptionGallery {
    static let side = 28

    static func figure(_ r: Paper2Results) -> Figure {
        let pixels = MNISTCorruption.pixelCount
        let digits = r.galleryImages.count / pixels
        let columns = 1 + MNISTCorruption.allCases.count
        guard digits > 0 else {
            return Figure(width: 6, height: 1, title: "MNIST-C gallery: no test digits given",
                          panels: [])
        }
        var panels: [Axes] = []
        for d in 0..<digits {
            let image = Array(r.galleryImages[(d * pixels)..<((d + 1) * pixels)])
            panels.append(cell(image.map(Float.init), title: d == 0 ? "clean" : nil))
            for corruption in MNISTCorruption.allCases {
                var stream = RandomStream(seed: 0, "mnist-c-gallery", corruption.rawValue,
                                          "digit=\(d)")
                panels.append(cell(corruption.apply(to: image, using: &stream),
                                   title: d == 0 ? corruption.displayName : nil))
            }
        }
        return Figure(width: 1.0 * Double(columns), height: 0.3 + 1.25 * Double(digits),
                      title: "MNIST-C: the 15 corruptions at their benchmark severities",
                      rows: digits, columns: columns, panels: panels)
    }

    /// Grey of the one-pixel frame drawn around each image, so that white pixels at an edge
    /// (stripe) stay visible against the page.
    static let frame = 128.0

    /// One framed image without axes. Every cell has a title line (blank below the first row) so
    /// all images are the same size and aligned.
    static func cell(_ values: [Float], title: String?) -> Axes {
        let framed = side + 2
        var pixels = [Double](repeating: frame, count: framed * framed)
        for row in 0..<side {
            for column in 0..<side {
                pixels[(row + 1) * framed + column + 1] = Double(values[row * side + column])
            }
        }
        var axes = Axes(title: title ?? " ")
        axes.series = [.image(ImageSeries(values: pixels, rows: framed, columns: framed,
                                          colormap: .gray, range: 0...255))]
        axes.showAxes = false
        axes.grid = false
        axes.legend = .hidden
        return axes
    }
}
