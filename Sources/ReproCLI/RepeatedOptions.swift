import ArgumentParser

/// An option given twice (`--epochs 9 --epochs 8`) would silently take its last value; it is
/// refused before anything runs, in one line naming the option. Options meant to repeat
/// (`--sbatch-arg`) are allowed; nothing after a bare `--` is looked at.
enum RepeatedOptions {
    static let repeatable: Set<String> = ["--sbatch-arg"]

    static func refuse(_ arguments: [String]) throws {
        var seen: Set<String> = []
        for argument in arguments {
            if argument == "--" { return }
            guard argument.hasPrefix("--") else { continue }
            let name = String(argument.split(separator: "=", maxSplits: 1)[0])
            guard !repeatable.contains(name) else { continue }
            guard seen.insert(name).inserted else {
                throw ValidationError("\(name) is given more than once; give it once")
            }
        }
    }
}
