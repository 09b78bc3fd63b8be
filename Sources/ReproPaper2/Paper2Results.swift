import ReproData
import ReproExperiments
import ReproReport

/// What paper 2's report reads: the trained networks of each family, every evaluation of them,
/// and a few clean test digits for the MNIST-C gallery.
public struct Paper2Results {
    public var records: [Paper2Family: [ModelRecord]]
    public var robustness: [RobustnessRow]
    /// Test images for the MNIST-C gallery, 784 bytes each (row-major, as in the IDX file).
    public var galleryImages: [UInt8]
    /// The batch-64 networks of ``BatchSensitivity``: their records and evaluations.
    public var batchSensitivity: (records: [ModelRecord], rows: [RobustnessRow]) = ([], [])
    /// The width family over seeds 0…N−1 under `--seeds N` (nil without it): the claims' seed
    /// intervals read these rows (family sparse-width, like `robustness`'s).
    public var extendedRows: [RobustnessRow]?
    /// The width family under each variant of the profile (``Paper2Variant/defaultProfile``),
    /// evaluated like the default's.
    public var variantRows: [Paper2Variant: [RobustnessRow]] = [:]
    /// The profile the results come from, and how long each step of this run took.
    public var quick: Bool
    /// The full profile (`build-report --full`): every CNN family's whole design.
    public var full = false
    /// Read from the store only (`repro claims --stored`): what was not stored is left out.
    public var storedOnly = false
    /// The CIFAR data sets installed in the data directory (the report says what adds the rest).
    public var cifarInstalled: [CIFARDataset] = []
    /// Those whose corrupted test set (CIFAR-10-C, CIFAR-100-C) is installed too.
    public var cifarCInstalled: [CIFARDataset] = []
    /// Those installed from test data, not the published archive (`--unofficial`): their
    /// section, figures and status say so.
    public var cifarUnofficial: [CIFARDataset] = []
    /// The data set these results are of: nil for MNIST (the report's), a CIFAR set's in a
    /// view made by ``cifarView(_:)``.
    public var dataset: CIFARDataset?
    /// Per CIFAR data set, its families' networks and their evaluations (rows marked with it).
    public var cifar: [CIFARDataset: (records: [Paper2Family: [ModelRecord]], rows: [RobustnessRow])] = [:]
    public var stepTimes: [StepTime]

    public init(records: [Paper2Family: [ModelRecord]], robustness: [RobustnessRow],
                galleryImages: [UInt8] = [], quick: Bool = false, stepTimes: [StepTime] = []) {
        self.records = records
        self.robustness = robustness
        self.galleryImages = galleryImages
        self.quick = quick
        self.stepTimes = stepTimes
    }

    /// The results of one CIFAR set as the figures and claims read MNIST's: its records and rows
    /// in place of MNIST's, nothing else (no gallery, readings or batch check); nil when none.
    public func cifarView(_ dataset: CIFARDataset) -> Paper2Results? {
        guard let part = cifar[dataset], !part.rows.isEmpty else { return nil }
        var view = Paper2Results(records: part.records, robustness: part.rows, quick: quick)
        view.full = full
        view.storedOnly = storedOnly
        view.dataset = dataset
        view.cifarUnofficial = cifarUnofficial.filter { $0 == dataset }
        return view
    }

    /// The gallery's digits: the first test image of each of these classes.
    public static let galleryClasses = [0, 2, 3, 4, 7]
}
