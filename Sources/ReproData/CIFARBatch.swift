import Foundation
import ReproSupport

/// One pickled batch of CIFAR's Python version: a dict whose `data` is a NumPy uint8 array of
/// N × 3,072 pixels and whose `labels` (CIFAR-10) or `fine_labels` (CIFAR-100) is a list of N
/// class numbers. Read with our own pickle reader (no code runs).
public enum CIFARBatch {
    public static func read(_ data: Data, dataset: CIFARDataset, name: String) throws -> CIFARImages {
        func fail(_ why: String) -> ReproError {
            ReproError("\(dataset.title) \(name): \(why); \(dataset.fetchHint)")
        }
        let value: PickleValue
        do { value = try PickleReader.load(data, limits: .cifarBatch) } catch {
            throw fail("not a readable batch (\(error))")
        }
        guard case .array(let array)? = value["data"] else { throw fail("no 'data' array") }
        guard array.dtype == "u1" || array.dtype == "|u1", array.shape.count == 2,
              array.shape[1] == CIFARImages.pixels else {
            throw fail("'data' is \(array.dtype) of shape \(array.shape), not N × 3072 bytes")
        }
        guard case .list(let items)? = value[dataset.labelKey] else {
            throw fail("no '\(dataset.labelKey)' list")
        }
        let labels = try items.map { item -> UInt8 in
            guard case .int(let label) = item, (0..<dataset.classes).contains(label) else {
                throw fail("a label outside 0…\(dataset.classes - 1)")
            }
            return UInt8(label)
        }
        guard labels.count == array.shape[0] else {
            throw fail("\(array.shape[0]) images but \(labels.count) labels")
        }
        return CIFARImages(pixels: [UInt8](array.payload), labels: labels)
    }
}
