/// 8-connected component labelling of a boolean grid (`scipy.ndimage.label` with a 3×3
/// all-ones structure, as skimage's Canny hysteresis uses it; protocol B §2.2 step 5).
/// Returns one label per pixel, 0 for background and 1…count for the components, numbered in
/// order of their first pixel in row-major order (as SciPy numbers them).
func labelEightConnected(_ mask: [Bool], rows: Int, cols: Int) -> (labels: [Int], count: Int) {
    precondition(mask.count == rows * cols, "mask size mismatch")
    var labels = [Int](repeating: 0, count: mask.count)
    var count = 0
    var stack = [Int]()
    for seed in mask.indices where mask[seed] && labels[seed] == 0 {
        count += 1
        labels[seed] = count
        stack.append(seed)
        while let index = stack.popLast() {
            let row = index / cols, col = index % cols
            for dr in -1...1 {
                for dc in -1...1 {
                    let r = row + dr, c = col + dc
                    guard r >= 0, r < rows, c >= 0, c < cols else { continue }
                    let neighbour = r * cols + c
                    if mask[neighbour] && labels[neighbour] == 0 {
                        labels[neighbour] = count
                        stack.append(neighbour)
                    }
                }
            }
        }
    }
    return (labels, count)
}

/// Hysteresis thresholding: the pixels of `low` whose 8-connected component (within `low`)
/// contains at least one pixel of `high` (skimage v0.15 `canny`, protocol B §2.2 step 5).
func hysteresis(low: [Bool], high: [Bool], rows: Int, cols: Int) -> [Bool] {
    let (labels, count) = labelEightConnected(low, rows: rows, cols: cols)
    var keep = [Bool](repeating: false, count: count + 1)
    for index in labels.indices where high[index] && labels[index] > 0 {
        keep[labels[index]] = true
    }
    return labels.map { $0 > 0 && keep[$0] }
}
