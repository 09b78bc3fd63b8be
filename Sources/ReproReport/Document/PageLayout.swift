import ReproPlot

/// The cursor of the PDF layout: where the next block goes on the current page, and when a
/// block that does not fit moves to the next page.
struct PageLayout {
    typealias R = DocumentRenderer
    let canvas: PageCanvas
    let figures: [String: Figure]
    var y = R.margin
    var pageNumber = 1
    let body = 9.5

    init(canvas: PageCanvas, figures: [String: Figure]) {
        self.canvas = canvas
        self.figures = figures
    }

    mutating func finishPage() {
        let footer = Point(R.page.width / 2, R.page.height - 25)
        canvas.text("\(pageNumber)", at: footer, size: 8, color: Color(hex: "#777777"),
                    centred: true)
        canvas.showPage()
    }

    /// Starts a new page unless `height` more points fit on this one (or it is still empty).
    mutating func ensure(_ height: Double) {
        guard y + height > R.page.height - R.margin && y > R.margin + 1 else { return }
        finishPage()
        pageNumber += 1
        y = R.margin
    }

    mutating func lines(_ text: String, size: Double, bold: Bool = false, indent: Double = 0,
                        color: Color = .ink, spacing: Double = 1.35) {
        for line in canvas.wrap(text, width: R.width - indent, size: size, bold: bold) {
            ensure(size * spacing)
            canvas.text(line, at: Point(R.margin + indent, y + size), size: size, color: color,
                        bold: bold)
            y += size * spacing
        }
    }

    /// Places `block`; a heading moves to the next page with the start of `next` when that
    /// does not fit below it, so no heading ends a page.
    mutating func place(_ block: DocumentBlock, next: DocumentBlock? = nil) {
        switch block {
        case .heading(let level, let text):
            let size = level == 1 ? 16.0 : level == 2 ? 13 : 11
            ensure(size * 4 + opening(of: next))
            y += level == 1 ? 0 : size * 0.8
            lines(text.printed, size: size, bold: true)
            y += 4
        case .paragraph(let text):
            lines(text.printed, size: body)
            y += 6
        case .quote(let text):
            let top = y
            lines(text.printed, size: body, indent: 12, color: Color(hex: "#444444"))
            canvas.fill(Rect(x: R.margin, y: top, width: 3, height: y - top), Color(hex: "#cccccc"))
            y += 6
        case .bullet(let text):
            ensure(body * 1.35)
            canvas.text("•", at: Point(R.margin + 2, y + body), size: body)
            lines(text.printed, size: body, indent: 12)
            y += 2
        case .rule:
            ensure(12)
            let rule = y + 5
            canvas.line(Point(R.margin, rule), Point(R.page.width - R.margin, rule),
                        Color(hex: "#cccccc"), width: 0.8)
            y += 12
        case .table(let table):
            self.table(table)
        case .figure(let figure):
            self.figure(figure)
        case .anchor:
            break
        }
    }

    /// The figure at the text width (at most 62 % of the text height), caption below; the
    /// figure and the first caption line stay on one page.
    mutating func figure(_ block: DocumentFigure) {
        guard let figure = figures[block.id] else { return }
        let (drawWidth, drawHeight) = drawnSize(figure)
        ensure(drawHeight + 30)
        canvas.figure(figure, in: Rect(x: R.margin + (R.width - drawWidth) / 2, y: y,
                                       width: drawWidth, height: drawHeight))
        y += drawHeight + 4
        if !block.caption.isEmpty {
            lines(block.caption.printed, size: 8, color: Color(hex: "#333333"))
        }
        y += 8
    }

    /// A figure's size on the page: the text width, unless that makes it taller than 62 % of
    /// the text height.
    func drawnSize(_ figure: Figure) -> (width: Double, height: Double) {
        let size = figure.pointSize
        let scale = min(R.width / size.width, (R.page.height - 2 * R.margin) * 0.62 / size.height)
        return (size.width * scale, size.height * scale)
    }

    /// How much of `block` must fit under a heading beyond the heading's own few lines: all
    /// of a figure (with its first caption line); text and tables need no more.
    func opening(of block: DocumentBlock?) -> Double {
        guard case .figure(let f)? = block, let figure = figures[f.id] else { return 0 }
        return drawnSize(figure).height + 30
    }
}
