import ReproPlot

extension PageLayout {
    /// A table at the text width, header shaded, cells wrapped between words; a row never splits
    /// over pages.
    mutating func table(_ table: DocumentTable) {
        let pad = 3.0
        let header = table.header.map(\.printed), rows = table.rows.map { $0.map(\.text.printed) }
        let (size, widths) = tableLayout(header: header, rows: rows, pad: pad)
        guard !widths.isEmpty else { return }
        row(header, widths: widths, size: size, pad: pad, bold: true, shaded: true)
        for r in rows { row(r, widths: widths, size: size, pad: pad, bold: false, shaded: false) }
        y += 8
    }

    /// The font size and column widths of a table: every column at least as wide as its longest
    /// word (the text shrinks, from 7.5 down to 5.5 points, until the words fit side by side),
    /// then the rest of the text width shared in proportion to what a column's cells lack on
    /// average, so the long claims get the room and a short verdict keeps its word whole.
    func tableLayout(header: [String], rows: [[String]], pad: Double)
        -> (size: Double, widths: [Double])
    {
        let columns = header.count
        guard columns > 0 else { return (7.5, []) }
        let width = DocumentRenderer.width
        func cells(_ c: Int) -> [String] { ([header] + rows).map { c < $0.count ? $0[c] : "" } }
        var size = 7.5
        var floors: [Double] = [], natural: [Double] = []
        while true {
            // Bold measures the header; body text is never wider than bold at the same size.
            func measure(_ s: String) -> Double { canvas.width(s, size: size, bold: true) }
            natural = (0..<columns).map { c in (cells(c).map(measure).max() ?? 0) + 2 * pad }
            floors = (0..<columns).map { c in
                (cells(c).flatMap { $0.split(separator: " ") }.map { measure(String($0)) }.max()
                    ?? 0) + 2 * pad
            }
            if floors.reduce(0, +) <= width || size <= 5.5 { break }
            size -= 0.5
        }
        let spare = width - floors.reduce(0, +)
        guard spare > 0 else { return (size, floors.map { $0 * width / floors.reduce(0, +) }) }
        // What a column lacks, on average over its cells: a column whose every cell is long
        // (the claims) gets more room than one with a single very long cell.
        func measure(_ s: String) -> Double { canvas.width(s, size: size, bold: true) }
        let wants = (0..<columns).map { c -> Double in
            let lacks = cells(c).map { max(0, measure($0) + 2 * pad - floors[c]) }
            return lacks.reduce(0, +) / Double(max(1, lacks.count))
        }
        let wanted = wants.reduce(0, +)
        if wanted >= spare {
            return (size, zip(floors, wants).map { $0 + spare * $1 / wanted })
        }
        // Each column gets what it lacks on average; what is left goes to the columns whose
        // widest cell still wraps, or, when none does, in proportion to the natural widths.
        let given = zip(floors, wants).map { $0 + $1 }
        let rest = spare - wanted
        let short = zip(natural, given).map { max(0, $0 - $1) }
        let shortfall = short.reduce(0, +)
        if shortfall > 0 {
            return (size, zip(given, short).map { $0 + min($1, rest * $1 / shortfall) }
                .scaled(to: width))
        }
        let total = given.reduce(0, +)
        return (size, given.map { $0 + rest * $0 / total })
    }

    private mutating func row(_ cells: [String], widths: [Double], size: Double, pad: Double,
                              bold: Bool, shaded: Bool) {
        let margin = DocumentRenderer.margin, width = DocumentRenderer.width
        let wrapped = widths.indices.map { c in
            canvas.wrap(c < cells.count ? cells[c] : "", width: widths[c] - 2 * pad, size: size,
                        bold: bold)
        }
        let height = Double(wrapped.map(\.count).max() ?? 1) * size * 1.3 + 2 * pad
        ensure(height)
        if shaded {
            canvas.fill(Rect(x: margin, y: y, width: width, height: height), Color(hex: "#f2f2f2"))
        }
        var x = margin
        for (c, lines) in wrapped.enumerated() {
            for (k, line) in lines.enumerated() {
                let baseline = y + pad + size + Double(k) * size * 1.3
                canvas.text(line, at: Point(x + pad, baseline), size: size, bold: bold)
            }
            x += widths[c]
        }
        canvas.line(Point(margin, y + height), Point(margin + width, y + height),
                    Color(hex: "#d0d0d0"), width: 0.5)
        y += height
    }
}

private extension Array where Element == Double {
    /// The same proportions, summing to `total`.
    func scaled(to total: Double) -> [Double] {
        let sum = reduce(0, +)
        return sum > 0 ? map { $0 * total / sum } : self
    }
}
