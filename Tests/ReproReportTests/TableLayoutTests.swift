import Foundation
import XCTest
import ReproPlot
@testable import ReproReport

/// PDF tables: columns from their content, no narrower than their longest word, words never
/// broken, and every line of every cell inside its cell.
final class TableLayoutTests: XCTestCase {
    let header = ["claim", "published", "reproduced", "verdict", "evidence", "seeds", "robustness"]
    let rows = [
        ["C1: Up to a certain sparsity, sparse networks of fixed capacity match or beat the "
            + "accuracy of their dense base (width family).",
         "\"up to a certain sparsity … sparsified networks consistently match\" (abstract)",
         "clean: sparse − base = −0.0004 [−0.0011, 0.0003] at 50 %; weight-noise σ=0.2 …",
         "does not hold", "fig1-weight-noise", "5", "fragile"],
        ["C2", "Fig. 1", "ε ∈ 0.01, 0.02, 0.05, 0.1, 0.2, 0.3 on 1,000 images", "holds",
         "fig3-attacks", "3", "robust"],
    ]

    func testColumnsKeepWordsWholeAndCellsInside() throws {
        let pad = 3.0
        _ = try DocumentCanvas.pdf(size: DocumentRenderer.page, title: "T") { pen in
            let layout = PageLayout(canvas: PageCanvas(pen), figures: [:])
            let (size, widths) = layout.tableLayout(header: header, rows: rows, pad: pad)
            XCTAssertEqual(widths.reduce(0, +), DocumentRenderer.width, accuracy: 1e-6)
            XCTAssertGreaterThanOrEqual(size, 5.5)
            XCTAssertGreaterThan(widths[0], widths[3], "the claim gets more room than the verdict")
            for (c, title) in header.enumerated() {
                for (r, cell) in ([header] + rows).map({ $0[c] }).enumerated() {
                    let bold = r == 0
                    let lines = layout.canvas.wrap(cell, width: widths[c] - 2 * pad, size: size,
                                                   bold: bold)
                    XCTAssertEqual(lines.joined(separator: " "), cell,
                                   "\(title), row \(r): wrapped between words only")
                    for line in lines {
                        XCTAssertLessThanOrEqual(
                            layout.canvas.width(line, size: size, bold: bold), widths[c] - 2 * pad,
                            "\(title), row \(r): '\(line)' stays inside its cell")
                    }
                }
            }
        }
    }
}
