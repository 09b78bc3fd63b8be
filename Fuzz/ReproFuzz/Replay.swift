import Foundation

/// Without libFuzzer (the ordinary build), a target replays the files it is given: a corpus, or a
/// crash input while it is being fixed.
enum Replay {
    static func run(_ target: FuzzTarget, paths: [String]) throws -> Int {
        var files: [URL] = []
        for path in paths {
            let url = URL(fileURLWithPath: path)
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw FuzzUsage("\(path) does not exist")
            }
            files += isDirectory.boolValue
                ? try FileManager.default.contentsOfDirectory(at: url, includingPropertiesForKeys: nil)
                    .sorted { $0.path < $1.path }
                : [url]
        }
        for file in files { target.run(try Data(contentsOf: file)) }
        return files.count
    }
}
