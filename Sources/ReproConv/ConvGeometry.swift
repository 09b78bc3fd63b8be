/// The shape of one convolution: input channels and size, output channels, square kernel,
/// stride and padding (the same on every side, PyTorch's `padding=`), bias or not.
struct ConvGeometry: Hashable, Sendable {
    var inChannels: Int, height: Int, width: Int
    var outChannels: Int, kernel: Int, stride: Int, padding: Int
    var bias: Bool

    var outHeight: Int { (height + 2 * padding - kernel) / stride + 1 }
    var outWidth: Int { (width + 2 * padding - kernel) / stride + 1 }
    /// Rows of a patch matrix: in · k · k, the fan-in of one output.
    var patchRows: Int { inChannels * kernel * kernel }
    var outPositions: Int { outHeight * outWidth }
    var inPositions: Int { height * width }
    var weightCount: Int { outChannels * patchRows }
}
