import ReproPlot

extension PageLayout {
    /// A table at the text width, header shaded, cells wrapped; a row never splits over pages.
    mutating func table(_ table: DocumentTable) {
        let size = 7.5, pad = 3.0
        let header = table.header.map(\.printed), rows = table.rows.map { $0.map(\.text.printed) }
        let widths = columnWidths(header: header, rows: rows, size: size, pad: pad)
        guard !widths.isEmpty else { return }
        row(header, widths: widths, size: size, pad: pad, bold: true, shaded: true)
        for r in rows { row(r, widths: widths, size: size, pad: pad, bold: false, shaded: false) }
        y += 8
    }

    /// Column widths: proportional to the widest content, none below 40 % of an even share or
    /// its longest word, then scaled so the table spans the text width.
    func columnWidths(header: [String], rows: [[String]], size: Double, pad: Double) -> [Double] {
        let columns = header.count
        guard columns > 0 else { return [] }
        let width = DocumentRenderer.width
        func cells(_ c: Int) -> [String] { ([header] + rows).map { c < $0.count ? $0[c] : "" } }
        func measure(_ s: String) -> Double { canvas.width(s, size: size, bold: true) }
        let natural = (0..<columns).map { c in cells(c).map(measure).max()! + 2 * pad }
        let longestWord = (0..<columns).map { c in
            cells(c).flatMap { $0.split(separator: " ") }.map { measure(String($0)) }.max() ?? 0
        }
        let total = natural.reduce(0, +)
        let floored = (0..<columns).map { c in
            max(width / Double(columns) * 0.4, longestWord[c] + 2 * pad, natural[c] * width / total)
        }
        let sum = floored.reduce(0, +)
        return floored.map { $0 * width / sum }
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
