import Foundation
import ReproPlot

/// Time to render the heaviest figure kind of the reports: 11 series with error bars, as PNG.
public enum RenderBenchmark {
    public static func milliseconds(dpi: Double = 150, runs: Int = 10) throws -> Double {
        let figure = Gallery.errorBars11()
        _ = try FigureRenderer.data(figure, format: .png(dpi: dpi))
        let start = Date()
        for _ in 0..<runs { _ = try FigureRenderer.data(figure, format: .png(dpi: dpi)) }
        return Date().timeIntervalSince(start) / Double(runs) * 1000
    }
}
