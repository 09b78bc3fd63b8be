import ReproRobustness
import XCTest
import ReproExperiments
import ReproMNISTC
import ReproNN
import ReproPlot
import ReproReport
@testable import ReproPaper2

/// Paper 2's figures and design table on synthetic results whose means and spreads are known:
/// every value of a seed pair is `mean ∓ 0.01`, so a line must sit at the mean and its band
/// span ± 0.01 (the population std of two values).
final class Paper2FiguresTests: XCTestCase {
    static let spread = 0.01
    static let sigmas = ["0.05", "0.1", "0.2", "0.3", "0.5"]
    static let epsilons = ["0.02", "0.05", "0.1", "0.2"]

    /// The value every seed pair averages to: depends on the size and the setting only.
    static func mean(_ size: NetworkSize, _ evaluation: RobustnessEvaluation,
                     _ setting: String) -> Double {
        let s = Double(setting) ?? 0
        let level = 0.9 - 0.01 * log2(Double(size.width / 128 + size.depth))
        switch evaluation {
        case .weightNoiseDL: return 0.05 + s * s * Double(size.depth + size.width / 128)
        case .weightNoise, .fgsm, .ffgsm, .bim, .pgd, .apgd: return level - s
        default: return level
        }
    }

    static func results(seeds: [Int] = [0, 1],
                        drop: (RobustnessRow) -> Bool = { _ in false }) -> Paper2Results {
        var records: [Paper2Family: [ModelRecord]] = [:]
        var rows: [RobustnessRow] = []
        let settings: [(RobustnessEvaluation, [String])] = [
            (.clean, [""]), (.weightNoise, sigmas), (.weightNoiseDL, sigmas),
            (.mnistC, MNISTCorruption.allCases.map(\.rawValue) + ["mean", "identity"]),
            (.fgsm, epsilons), (.ffgsm, epsilons), (.bim, epsilons), (.pgd, epsilons),
            (.apgd, epsilons), (.minRecall, [""]),
        ]
        for family in Paper2Family.reportFamilies {
            var plan = Paper2Plan.named(family, quick: true)
            plan.seeds = seeds
            let specs = plan.specs(data: "synthetic")
            records[family] = specs.map { spec in
                let size = NetworkSize(width: spec.width, depth: spec.depth)
                let sign = spec.seed == 0 ? -1.0 : 1.0
                return ModelRecord(
                    key: spec.key, spec: spec,
                    history: TrainingHistory(metrics: ["loss": Array(
                        repeating: 0.1, count: spec.isPruned ? 0 : 10 + spec.seed)]),
                    evaluation: ["accuracy": mean(size, .clean, "") + sign * spread],
                    trainCount: 60_000, evaluationCount: 10_000, batchSize: 1, batchSeconds: 1)
            }
            for spec in specs where family.role != .pruned || spec.isPruned {
                let size = NetworkSize(width: spec.width, depth: spec.depth)
                let sign = spec.seed == 0 ? -1.0 : 1.0
                for (evaluation, values) in settings {
                    for setting in values {
                        rows.append(RobustnessRow(
                            family: family, width: size.width, depth: size.depth,
                            seed: spec.seed, evaluation: evaluation, setting: EvaluationSetting(text: setting),
                            value: mean(size, evaluation, setting) + sign * spread))
                    }
                }
            }
        }
        let digits = (0..<(5 * 784)).map { UInt8(($0 * 7) % 256) }
        return Paper2Results(records: records, robustness: rows.filter { !drop($0) },
                             galleryImages: digits)
    }

    static func lines(_ axes: Axes) -> [LineSeries] {
        axes.series.compactMap { if case .line(let l) = $0 { return l }; return nil }
    }

    static func bands(_ axes: Axes) -> [BandSeries] {
        axes.series.compactMap { if case .band(let b) = $0 { return b }; return nil }
    }

    static func figure(_ r: Paper2Results, _ id: String) throws -> Figure {
        try XCTUnwrap(Paper2Figures.all(r).first { $0.id.rawValue == id }?.figure, id)
    }

    func testEveryFigureIsThereAndRendersToANonBlankImage() throws {
        let figures = Paper2Figures.all(Self.results())
        XCTAssertEqual(figures.map(\.id.rawValue), [
            "fig1-weight-noise", "fig2-mnist-c", "fig3-attacks", "fig4-pruned-weight-noise",
            "fig5-pruned-mnist-c", "fig6-depth-weight-noise", "fig7-depth-mnist-c",
            "fig8-min-recall", "fig9-corruptions", "mnist-c-gallery",
            "fig1-weight-noise-vgg", "fig2-mnist-c-vgg", "fig3-attacks-vgg", "fig10-corruptions-vgg",
            "fig4-pruned-weight-noise-vgg", "fig5-pruned-mnist-c-vgg", "fig6-depth-weight-noise-vgg",
            "fig7-depth-mnist-c-vgg", "fig8-min-recall-vgg",
            "fig1-weight-noise-resnet", "fig2-mnist-c-resnet", "fig3-attacks-resnet",
            "fig11-corruptions-resnet", "fig6-depth-weight-noise-resnet",
            "fig7-depth-mnist-c-resnet", "fig8-min-recall-resnet",
        ])
        let mlpOnly = Self.results { $0.family.isConvolutional }
        XCTAssertEqual(Paper2Figures.all(mlpOnly).count, 10, "a CNN family without results has no figure")
        for (id, figure) in figures {
            let png = try FigureRenderer.data(figure, format: .png(dpi: 30))
            XCTAssertEqual(Array(png.prefix(4)), [0x89, 0x50, 0x4E, 0x47], "\(id)")
            let image = try FigureRenderer.raster(figure, dpi: 30)
            XCTAssertGreaterThan(Double(image.count(differingFrom: .white))
                                     / Double(image.width * image.height), 0.02, "\(id)")
        }
    }

    func testWeightNoiseLinesAreSeedMeansWithStdBands() throws {
        let fig1 = try Self.figure(Self.results(), "fig1-weight-noise")
        let accuracy = fig1.panels[0]
        let sigmaLines = Self.lines(accuracy).filter { $0.label?.hasPrefix("σ = ") == true }
        XCTAssertEqual(sigmaLines.map(\.label), Self.sigmas.map { "σ = \($0)" })
        let line = try XCTUnwrap(sigmaLines.first { $0.label == "σ = 0.2" })
        XCTAssertEqual(line.x, [100, 25, 6.25, 1.5625, 0.390625].sorted())
        let at25 = try XCTUnwrap(line.x.firstIndex(of: 25))
        let expected = Self.mean(NetworkSize(width: 512, depth: 1), .weightNoise, "0.2")
        XCTAssertEqual(line.y[at25], expected, accuracy: 1e-12)
        let band = try XCTUnwrap(Self.bands(accuracy).first { $0.color == line.color })
        XCTAssertEqual(band.upper[at25] - band.lower[at25], 2 * Self.spread, accuracy: 1e-12)
        let clean = try XCTUnwrap(Self.lines(accuracy).first { $0.label == "clean accuracy" })
        XCTAssertFalse(clean.dash.isEmpty, "clean accuracy is dashed")
        XCTAssertTrue(fig1.title?.contains("n = 2 seeds") == true, fig1.title ?? "")

        let flatness = fig1.panels[1]
        XCTAssertEqual(flatness.yScale, .log10, "every δL is positive")
        XCTAssertEqual(Self.lines(flatness).count, 5, "one line per width")
        let dense = try XCTUnwrap(Self.lines(flatness).first {
            $0.label?.hasPrefix("128 ") == true
        })
        XCTAssertEqual(dense.x, Self.sigmas.compactMap(Double.init))
    }

    func testSparsityAxisIsLogReversedWithTheDenseBaseMarked() throws {
        let r = Self.results()
        for (id, panel) in [("fig2-mnist-c", 0), ("fig5-pruned-mnist-c", 0),
                            ("fig1-weight-noise", 0), ("fig3-attacks", 4)] {
            let axes = try Self.figure(r, id).panels[panel]
            XCTAssertEqual(axes.xScale, .log10, id)
            XCTAssertTrue(axes.xReversed, "\(id): sparsity grows to the right")
            XCTAssertTrue(axes.xLabel?.contains("%") == true, id)
            let base = try XCTUnwrap(Self.lines(axes).first {
                $0.label?.hasPrefix("dense base") == true
            }, id)
            XCTAssertEqual(base.x, [100, 100], id)
            XCTAssertEqual(base.y.first, axes.yLimits?.lowerBound, "\(id): spans the panel")
        }
        XCTAssertEqual(SparsityAxis.width.ticks.map(\.label),
                       ["100", "50", "25", "12.5", "6.25", "3.13", "1.56", "0.78", "0.39"])
        // With results, only the widths they hold (here the quick profile's): no tick where
        // nothing was run.
        let held = Set((r.evaluatedRecords(.sparseWidth) + r.evaluatedRecords(.prunedWidth))
            .map(\.spec.width))
        XCTAssertLessThan(held.count, 9)
        XCTAssertEqual(SparsityAxis.width(.mlp, r).ticks.map(\.value),
                       held.sorted().map { 100 * 128 / Double($0) })
        XCTAssertEqual(try Self.figure(r, "fig2-mnist-c").panels[0].xTicks?.count, held.count)
        XCTAssertEqual(SparsityAxis.width(.vgg).ticks.map(\.label), ["100", "25", "6.26", "1.57"],
                       "without results: the family's whole design")
        let depth = try Self.figure(r, "fig7-depth-mnist-c").panels[0]
        XCTAssertFalse(depth.xReversed)
        XCTAssertEqual(depth.xTicks?.first?.label, "1 (100 %)")
        XCTAssertEqual(depth.xTicks?.first { $0.value == 4 }?.label, "4 (34.1 %)")
        XCTAssertEqual(Self.lines(depth).first { $0.label?.hasPrefix("dense") == true }?.x, [1, 1])
    }

    func testMissingSettingsAndSeedsAreSkipped() throws {
        let r = Self.results { row in
            row.setting == "0.3" || row.evaluation == .apgd
                || (row.width == 512 && row.seed == 1 && row.family != .sparseDepth)
        }
        let fig1 = try Self.figure(r, "fig1-weight-noise")
        let labels = Self.lines(fig1.panels[0]).compactMap(\.label)
        XCTAssertFalse(labels.contains("σ = 0.3"))
        XCTAssertTrue(labels.contains("σ = 0.2"))
        XCTAssertTrue(fig1.title?.contains("n = 1–2 seeds") == true, fig1.title ?? "")
        let line = try XCTUnwrap(Self.lines(fig1.panels[0]).first { $0.label == "σ = 0.2" })
        let at25 = try XCTUnwrap(line.x.firstIndex(of: 25), "one seed still makes a point")
        XCTAssertEqual(line.y[at25], Self.mean(NetworkSize(width: 512, depth: 1), .weightNoise,
                                               "0.2") - Self.spread, accuracy: 1e-12)
        let apgd = try Self.figure(r, "fig3-attacks").panels[4]
        XCTAssertEqual(Self.lines(apgd).filter { $0.label?.hasPrefix("ε") == true }.count, 0)

        let empty = Paper2Results(records: [:], robustness: [])
        for (id, figure) in Paper2Figures.all(empty) {
            XCTAssertNoThrow(try FigureRenderer.raster(figure, dpi: 20), "\(id)")
        }
        XCTAssertEqual(DesignTable(empty).rows.count, 0)
    }

    func testOneSeedDrawsNoBand() throws {
        let r = Self.results(seeds: [0])
        for (id, figure) in Paper2Figures.all(r) {
            XCTAssertTrue(figure.panels.allSatisfy { Self.bands($0).isEmpty }, "\(id)")
        }
        XCTAssertTrue(try Self.figure(r, "fig2-mnist-c").title?.contains("n = 1 seed)") == true)
    }

    func testPanelLayouts() throws {
        let r = Self.results()
        let fig3 = try Self.figure(r, "fig3-attacks")
        XCTAssertEqual(fig3.panels.prefix(5).map(\.title), ["FGSM", "FFGSM", "BIM", "PGD", "APGD"])
        XCTAssertEqual(fig3.panels[5].legendEntries.count, 4 + 2, "ε lines, clean, base")
        let fig4 = try Self.figure(r, "fig4-pruned-weight-noise")
        let compare = Self.lines(fig4.panels[1])
        let pruned = try XCTUnwrap(compare.first { $0.label == "σ = 0.2, pruned after training" })
        let fixed = try XCTUnwrap(compare.first { $0.label == "σ = 0.2, static sparse" })
        XCTAssertTrue(pruned.dash.isEmpty)
        XCTAssertFalse(fixed.dash.isEmpty)
        XCTAssertEqual(pruned.x.count, 3, "pruned widths 128, 512, 2048")
        XCTAssertEqual(fixed.x.count, 5)
        let fig9 = try Self.figure(r, "fig9-corruptions")
        XCTAssertEqual(fig9.panels.map(\.title), MNISTCorruption.allCases.map(\.displayName))
        XCTAssertEqual(fig9.rows * fig9.columns, 15)
        let fig8 = try Self.figure(r, "fig8-min-recall")
        XCTAssertEqual(fig8.panels.count, 2)
        XCTAssertTrue(fig8.panels[0].xReversed && !fig8.panels[1].xReversed)
    }

    func testGalleryIsOneRowPerDigitAndDeterministic() throws {
        let r = Self.results()
        let a = CorruptionGallery.figure(r), b = CorruptionGallery.figure(r)
        XCTAssertEqual(a.rows, 5)
        XCTAssertEqual(a.columns, 16)
        XCTAssertEqual(a.panels.prefix(3).map(\.title), ["clean", "shot noise", "impulse noise"])
        func pixels(_ f: Figure) -> [[Double]] {
            f.panels.map { p in
                p.series.flatMap { if case .image(let i) = $0 { return i.values }; return [] }
            }
        }
        XCTAssertEqual(pixels(a), pixels(b))
        let clean = pixels(a)[0]
        XCTAssertEqual(clean.count, 30 * 30, "28 × 28 in a one-pixel frame")
        var inside: [Double] = []
        for row in 1...28 {
            let start: Int = row * 30 + 1
            inside += clean[start..<(start + 28)]
        }
        XCTAssertEqual(inside, r.galleryImages.prefix(784).map(Double.init))
        XCTAssertNotEqual(pixels(a)[1], pixels(a)[0], "shot noise changes the digit")
    }

    func testDesignTable() throws {
        let table = DesignTable(Self.results())
        let mlp = table.rows.filter { !$0.family.isConvolutional }
        XCTAssertEqual(mlp.map(\.family.rawValue),
                       Array(repeating: "sparse-width", count: 5)
                           + Array(repeating: "sparse-depth", count: 2)
                           + Array(repeating: "pruned-width", count: 3))
        for row in mlp where row.family != .sparseDepth {
            XCTAssertEqual(row.spec.keptPerLayer.reduce(0, +), 101_632)
            XCTAssertEqual(row.spec.keepFraction, 128 / Double(row.spec.width), accuracy: 1e-12)
            XCTAssertEqual(row.epochs.mean, 10.5, "seeds 0 and 1 stop after 10 and 11 epochs; "
                           + "a pruned net's are its dense source's")
            XCTAssertEqual(row.accuracy.std, Self.spread, accuracy: 1e-12)
            XCTAssertEqual(row.seeds, [0, 1])
        }
        // The CNNs: every width of VGG11 (static and pruned) keeps VGG11-16's 577,424 weights,
        // every depth of VGG at width 16 (quick) VGG11-16's too; ResNet18's 698,768.
        let cnn = table.rows.filter(\.family.isConvolutional)
        XCTAssertEqual(cnn.count, 2 + 2 + 3 + 2 + 2, "quick: ResNet depths 18 and 34")
        for row in cnn {
            XCTAssertEqual(row.spec.keptPerLayer.reduce(0, +),
                           row.family.network == .vgg ? 577_424 : 698_768, "\(row.family) \(row.spec.width)")
        }
        let design = Paper2Tables.design(Self.results())
        XCTAssertEqual(design.id.rawValue, "design")
        XCTAssertTrue(design.markdown.contains("| sparse-width | 512 | 1 | 0.25 | 100352 / 1280 "
                                               + "| 101632 | 101632 | 10.5 |"), design.markdown)
        XCTAssertTrue(design.markdown.contains("| vgg-width | 32 | 11 | 0.250309 | 3×3 conv 576783 / "
                                               + "linear 641 | 577424 | 9523265 |"), design.markdown)
        XCTAssertEqual(design.csv.split(separator: "\n").count, 1 + 10 + 11)
    }
}
