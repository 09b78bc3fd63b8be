import CCairo

/// A rendered figure's pixels (for tests): width × height, colours un-premultiplied.
public struct RasterImage: Sendable {
    public let width: Int
    public let height: Int
    private let argb: [UInt32]

    init(surface: OpaquePointer) {
        let w = Int(cairo_image_surface_get_width(surface)),
            h = Int(cairo_image_surface_get_height(surface))
        let stride = Int(cairo_image_surface_get_stride(surface))
        let data = cairo_image_surface_get_data(surface)!
        var pixels = [UInt32](repeating: 0, count: w * h)
        for y in 0..<h {
            (data + y * stride).withMemoryRebound(to: UInt32.self, capacity: w) { row in
                for x in 0..<w { pixels[y * w + x] = row[x] }
            }
        }
        width = w
        height = h
        argb = pixels
    }

    /// The colour at pixel (x, y), origin top-left.
    public func color(x: Int, y: Int) -> Color {
        let p = argb[y * width + x]
        let a = Double(p >> 24) / 255
        guard a > 0 else { return .clear }
        return Color(Double(p >> 16 & 0xff) / 255 / a, Double(p >> 8 & 0xff) / 255 / a,
                     Double(p & 0xff) / 255 / a, alpha: a)
    }

    /// How many pixels differ from `background` by more than `tolerance` in any channel.
    public func count(differingFrom background: Color, tolerance: Double = 0.02) -> Int {
        var n = 0
        for y in 0..<height {
            for x in 0..<width where !color(x: x, y: y).isClose(to: background,
                                                                tolerance: tolerance) {
                n += 1
            }
        }
        return n
    }

    /// Pixels within `tolerance` of `target`.
    public func count(matching target: Color, tolerance: Double = 0.03) -> Int {
        var n = 0
        for y in 0..<height {
            for x in 0..<width where color(x: x, y: y).isClose(to: target, tolerance: tolerance) {
                n += 1
            }
        }
        return n
    }
}

extension Color {
    public func isClose(to other: Color, tolerance: Double) -> Bool {
        abs(red - other.red) <= tolerance && abs(green - other.green) <= tolerance
            && abs(blue - other.blue) <= tolerance
    }
}
