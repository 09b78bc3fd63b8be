import Foundation
import ReproPlot
import ReproSupport

/// Writes a paper's figures (PNG and vector PDF) and tables (Markdown and CSV) into a folder.
public enum FigureWriter {
    @discardableResult
    public static func write(_ figures: [(id: FigureID, figure: Figure)], tables: [ReportTable],
                             to directory: URL, dpi: Double = 150) throws -> [URL] {
        var files: [URL] = []
        for (id, figure) in figures {
            files += try FigureRenderer.write(figure,
                                              to: directory.appendingPathComponent(id.rawValue),
                                              formats: [.png(dpi: dpi), .pdf])
        }
        for table in tables {
            let md = directory.appendingPathComponent("\(table.id).md")
            let csv = directory.appendingPathComponent("\(table.id).csv")
            try AtomicFile.write(Data(table.markdown.utf8), to: md)
            try AtomicFile.write(Data(table.csv.utf8), to: csv)
            files += [md, csv]
        }
        return files
    }
}
