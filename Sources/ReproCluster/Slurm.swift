import Foundation
import ReproSupport

/// Slurm's command-line tools, found on the PATH and run as child processes.
public struct Slurm {
    public var path: String

    public init(path: String? = ProcessInfo.processInfo.environment["PATH"]) {
        self.path = path ?? "/usr/bin:/bin"
    }

    /// The tool's full path on the PATH, or nil.
    public func find(_ tool: String) -> String? {
        for directory in path.split(separator: ":") where !directory.isEmpty {
            let candidate = "\(directory)/\(tool)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    /// The tool's full path, or the one-line error that says it is missing.
    public func require(_ tool: String) throws -> String {
        guard let found = find(tool) else {
            throw ReproError("no `\(tool)` on the PATH, so there is no Slurm to submit to here; run "
                             + "this on the cluster's login node (or load its Slurm module), or "
                             + "drop --slurm to run locally")
        }
        return found
    }

    public struct Output {
        public var status: Int32
        public var stdout: String
        public var stderr: String
    }

    public func run(_ tool: String, _ arguments: [String]) throws -> Output {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try require(tool))
        process.arguments = arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // Read both pipes to the end before waiting, so a chatty tool cannot block on a full pipe.
        let errData = Locked(Data())
        let reader = Thread { errData.update { $0 = err.fileHandleForReading.readDataToEndOfFile() } }
        reader.start()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        while !reader.isFinished { usleep(1000) }
        return Output(status: process.terminationStatus,
                      stdout: String(decoding: outData, as: UTF8.self),
                      stderr: String(decoding: errData.value, as: UTF8.self))
    }

    /// `sbatch --parsable`: the job id it prints ("123" or "123;cluster").
    public func submit(_ arguments: [String]) throws -> String {
        let output = try run("sbatch", ["--parsable"] + arguments)
        let id = output.stdout.split(separator: ";").first.map {
            $0.trimmingCharacters(in: .whitespacesAndNewlines)
        } ?? ""
        guard output.status == 0, !id.isEmpty, id.allSatisfy(\.isNumber) else {
            let why = output.stderr.split(separator: "\n").last.map(String.init) ?? "no job id printed"
            throw ReproError("sbatch \(arguments.joined(separator: " ")) failed: \(why)")
        }
        return id
    }
}
