import Foundation

/// Runs the built `lcimpact` binary, found next to the test bundle (as in
/// Tests/LocalCurrencyImpactTests/CommandLineTests.swift).
enum CLI {
    struct Result {
        let status: Int32
        let stdout: String
        let stderr: String
        /// Whether the process ended by a signal (then `status` is the signal number).
        let killedBySignal: Bool
    }

    /// The path of the `lcimpact` executable.
    static var binary: URL {
        var directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        while !FileManager.default.fileExists(atPath: directory.appendingPathComponent("lcimpact").path) && directory.path != "/" {
            directory = directory.deletingLastPathComponent()
        }
        return directory.appendingPathComponent("lcimpact")
    }

    /// Runs `lcimpact arguments…` to the end.
    static func run(_ arguments: [String]) throws -> Result {
        let process = try start(arguments)
        return finish(process)
    }

    /// A running process with its output captured (into files, so a long run cannot fill a pipe).
    final class Running {
        let process: Process
        let stdout: URL
        let stderr: URL
        init(process: Process, stdout: URL, stderr: URL) {
            self.process = process
            self.stdout = stdout
            self.stderr = stderr
        }
        deinit {
            try? FileManager.default.removeItem(at: stdout)
            try? FileManager.default.removeItem(at: stderr)
        }
    }

    /// Starts `lcimpact arguments…` without waiting.
    static func start(_ arguments: [String]) throws -> Running {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        let base = NSTemporaryDirectory() + "lcimpact-cli-" + UUID().uuidString
        let out = URL(fileURLWithPath: base + ".out"), err = URL(fileURLWithPath: base + ".err")
        FileManager.default.createFile(atPath: out.path, contents: nil)
        FileManager.default.createFile(atPath: err.path, contents: nil)
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = try FileHandle(forWritingTo: err)
        try process.run()
        return Running(process: process, stdout: out, stderr: err)
    }

    /// Waits for a started process and collects its output.
    static func finish(_ running: Running) -> Result {
        running.process.waitUntilExit()
        let stdout = (try? String(contentsOf: running.stdout, encoding: .utf8)) ?? ""
        let stderr = (try? String(contentsOf: running.stderr, encoding: .utf8)) ?? ""
        return Result(status: running.process.terminationStatus, stdout: stdout, stderr: stderr,
                      killedBySignal: running.process.terminationReason == .uncaughtSignal)
    }
}
