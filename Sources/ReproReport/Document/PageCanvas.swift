import ReproPlot

/// The page layout's pen: ReproPlot's ``DocumentCanvas`` (text, fills, hairlines, figures, pages;
/// every Cairo call is there) and the layout's own word wrapping.
struct PageCanvas {
    let pen: DocumentCanvas

    init(_ pen: DocumentCanvas) { self.pen = pen }

    func width(_ text: String, size: Double, bold: Bool = false) -> Double {
        pen.width(text, size: size, bold: bold)
    }

    func text(_ text: String, at p: Point, size: Double, color: Color = .ink, bold: Bool = false,
              centred: Bool = false) {
        pen.text(text, at: p, size: size, color: color, bold: bold, centred: centred)
    }

    func fill(_ r: Rect, _ color: Color) { pen.fill(r, color) }

    func line(_ a: Point, _ b: Point, _ color: Color, width: Double) {
        pen.line(a, b, color, width: width)
    }

    func figure(_ figure: Figure, in rect: Rect) { pen.figure(figure, in: rect) }

    func showPage() { pen.showPage() }

    /// Lines of `text` no wider than `width` at `size`; a word longer than a line is split.
    func wrap(_ text: String, width: Double, size: Double, bold: Bool = false) -> [String] {
        var lines: [String] = [], current = ""
        func fits(_ s: String) -> Bool { self.width(s, size: size, bold: bold) <= width }
        for word in text.split(separator: " ").map(String.init) {
            let candidate = current.isEmpty ? word : current + " " + word
            if fits(candidate) { current = candidate; continue }
            if !current.isEmpty { lines.append(current) }
            current = word
            while !fits(current) && current.count > 1 {
                var cut = current.count - 1
                while cut > 1 && !fits(String(current.prefix(cut))) { cut -= 1 }
                lines.append(String(current.prefix(cut)))
                current = String(current.dropFirst(cut))
            }
        }
        if !current.isEmpty { lines.append(current) }
        return lines.isEmpty ? [""] : lines
    }
}
