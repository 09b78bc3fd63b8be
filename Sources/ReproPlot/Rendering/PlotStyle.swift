/// Sizes (in points) shared by every panel; close to matplotlib's defaults.
struct PlotStyle {
    var tickFont = 9.5
    var labelFont = 10.5
    var titleFont = 12.0
    var figureTitleFont = 13.0
    var legendFont = 9.0
    var tickLength = 3.5
    var pad = 5.0
    var spineWidth = 0.8
    var colorBarWidth = 12.0
    var background = Color.white
}
