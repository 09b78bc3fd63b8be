import ArgumentParser
import Foundation
import ReproFigures
import ReproPlot
import ReproReport

struct FiguresCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "figures", abstract: "Render figures.", subcommands: [Paper1Command.self, GalleryCommand.self])

    struct Paper1Command: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "paper1",
            abstract: "Render every figure and table of paper 1 into output/figures (PNG + PDF), computing what is missing first.")

        @Flag(help: "The quick profile (seeds 0,42; sizes 4,12,24,64; 30 epochs): a full set of figures in about a minute.")
        var quick = false

        @OptionGroup var locations: Locations

        @Option(help: "PNG resolution in dots per inch.")
        var dpi: Double = 150

        func run() throws {
            let start = Date()
            let results = try Paper1Pipeline.results(runner: locations.runner, quick: quick) { print($0) }
            let directory = ReportLayout(output: locations.outputURL, quick: quick).figures
            let files = try Paper1Pipeline.render(results, to: directory, formats: [.png(dpi: dpi), .pdf])
            print("\(files.count) files in \(directory.path), \(String(format: "%.1f", Date().timeIntervalSince(start))) s in all")
        }
    }

    struct GalleryCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "gallery",
            abstract: "Render one figure of every kind from synthetic data into output/gallery (PNG + PDF).")

        @OptionGroup var locations: Locations

        @Option(help: "PNG resolution in dots per inch.")
        var dpi: Double = 150

        func validate() throws {
            guard (20...1200).contains(dpi) else { throw ValidationError("--dpi must be between 20 and 1200") }
        }

        func run() throws {
            let directory = locations.outputURL.appendingPathComponent("gallery")
            for (name, figure) in Gallery.figures() {
                let files = try FigureRenderer.write(figure, to: directory.appendingPathComponent(name), formats: [.png(dpi: dpi), .pdf])
                print(files.map(\.path).joined(separator: "  "))
            }
            // Time the heaviest figure of the report: 11 series with error bars, PNG at this DPI.
            let figure = Gallery.errorBars11()
            _ = try FigureRenderer.data(figure, format: .png(dpi: dpi))
            let runs = 10, start = Date()
            for _ in 0..<runs { _ = try FigureRenderer.data(figure, format: .png(dpi: dpi)) }
            print("render_errorbars_11_series_png_ms: \(String(format: "%.1f", Date().timeIntervalSince(start) / Double(runs) * 1000))")
        }
    }
}
