import Foundation
import LocalCurrencyImpact
import Testing

/// Crash safety: outputs appear whole or not at all (temporary file and rename), and a
/// run stopped by SIGINT or SIGTERM leaves no partial output, keeps the outputs of
/// earlier runs, and exits with the documented code (130 or 143; see InterruptGuard).
@Suite("Crash safety", .serialized)
struct CrashSafetyTests {
    /// A log of about `megabytes` MB (synthetic rows repeated; built fast, not committed).
    static func bigLog(in dir: Scratch, megabytes: Int) -> String {
        var block = ""
        SyntheticLogGenerator(rows: 2000, seed: 3).generate { block += String(decoding: $0, as: UTF8.self) }
        let rows = block.drop { $0 != "\n" }.dropFirst()
        var bytes = Array(SyntheticLogGenerator.header.utf8)
        let chunk = Array(rows.utf8)
        while bytes.count < megabytes << 20 { bytes += chunk }
        return dir.write("log.csv", bytes: bytes)
    }

    /// Starts a long `lcimpact` run, sends `signal` once it has run for a while, and returns the result.
    static func interrupt(_ arguments: [String], with signal: Int32, after seconds: Double = 1.0) throws -> CLI.Result {
        let running = try CLI.start(arguments)
        Thread.sleep(forTimeInterval: seconds)
        #expect(running.process.isRunning, "the run ended before it could be interrupted; make the input larger")
        kill(running.process.processIdentifier, signal)
        // Bounded: a run that ignores the signal is killed after 30 s and the test fails.
        let deadline = Date().addingTimeInterval(30)
        while running.process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        if running.process.isRunning {
            kill(running.process.processIdentifier, SIGKILL)
            Issue.record("lcimpact did not stop within 30 s of the signal")
        }
        return CLI.finish(running)
    }

    @Test func sigintDuringAScanLeavesNoPartialOutput() throws {
        let dir = Scratch()
        let log = Self.bigLog(in: dir, megabytes: 16)
        dir.write("q.csv", "old quarantine\n")  // an earlier run's output must survive
        let r = try Self.interrupt(["scan"] + Array(repeating: log, count: 400)
                                   + ["--quarantine", dir.path + "/q.csv", "--state-out", dir.path + "/s.state", "--quiet"],
                                   with: SIGINT)
        #expect(!r.killedBySignal, "the process died by the signal instead of handling it")
        #expect(r.status == InterruptGuard.interruptedExitCode)
        #expect(r.stderr.contains("interrupted by SIGINT") && r.stderr.contains("partial output"))
        #expect(r.stdout.isEmpty)
        #expect(dir.contents == ["log.csv", "q.csv"], "left behind: \(dir.contents)")
        #expect(dir.read("q.csv") == Array("old quarantine\n".utf8))
    }

    @Test func sigtermDuringAScanExits143() throws {
        let dir = Scratch()
        let log = Self.bigLog(in: dir, megabytes: 16)
        let r = try Self.interrupt(["scan"] + Array(repeating: log, count: 400) + ["--state-out", dir.path + "/s.state", "--quiet"],
                                   with: SIGTERM)
        #expect(!r.killedBySignal && r.status == InterruptGuard.terminatedExitCode)
        #expect(r.stderr.contains("interrupted by SIGTERM"))
        #expect(dir.contents == ["log.csv"], "left behind: \(dir.contents)")
    }

    /// `analyze` writes its outputs only after the scan: interrupted during it, it creates
    /// not even the output directory.
    @Test func sigintDuringAnalyzeLeavesNoOutputDirectory() throws {
        let dir = Scratch()
        let log = Self.bigLog(in: dir, megabytes: 16)
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
        let r = try Self.interrupt(["analyze"] + Array(repeating: log, count: 400) + [
            "--io", root + "/SampleData/synthetic_region_33.csv",
            "--concordance", root + "/SampleData/synthetic_region_33_concordance.csv",
            "--region", "47111,47113", "--out", dir.path + "/out", "--quiet",
        ], with: SIGINT)
        #expect(!r.killedBySignal && r.status == 130, "\(r.stderr)")
        #expect(dir.contents == ["log.csv"], "left behind: \(dir.contents)")
    }

    /// `generate` writes through a temporary file too: interrupted, it leaves no partial log.
    @Test func sigintDuringGenerateLeavesNoPartialLog() throws {
        let dir = Scratch()
        let r = try Self.interrupt(["generate", "--rows", "50000000", "--seed", "1", "--out", dir.path + "/big.csv"], with: SIGINT)
        #expect(!r.killedBySignal && r.status == 130)
        #expect(dir.contents.isEmpty, "left behind: \(dir.contents)")
    }

    /// The quarantine and state outputs of a scan appear together: when one cannot be
    /// written, neither is, and no temporary file stays behind.
    @Test func scanOutputsAppearTogetherOrNotAtAll() throws {
        let dir = Scratch()
        let log = dir.write("log.csv", bytes: RandomLog(rows: 50, seed: 1).bytes)
        let r = try CLI.run(["scan", log, "--quarantine", dir.path + "/q.csv", "--state-out", dir.path + "/missing/s.state", "--quiet"])
        #expect(r.status == 1)
        #expect(r.stderr.contains(dir.path + "/missing/s.state") && r.stderr.contains("cannot write"))
        #expect(dir.contents == ["log.csv"], "left behind: \(dir.contents)")
        let ok = try CLI.run(["scan", log, "--quarantine", dir.path + "/q.csv", "--state-out", dir.path + "/s.state", "--quiet"])
        #expect(ok.status == 0 && dir.contents == ["log.csv", "q.csv", "s.state"])
    }

    @Test func atomicWriterNeverLeavesTemporaryFiles() throws {
        let dir = Scratch()
        dir.write("keep.txt", "old")
        // Target is a directory: refused, naming the path; nothing else changes.
        try FileManager.default.createDirectory(atPath: dir.path + "/adir", withIntermediateDirectories: false)
        let error = #expect(throws: AtomicFileWriter.WriteError.self) { try AtomicFileWriter.write("x", to: dir.path + "/adir") }
        #expect(error?.path == dir.path + "/adir")
        #expect(error?.description.contains("cannot write") == true)
        // A batch with one unwritable output writes none of them.
        #expect(throws: AtomicFileWriter.WriteError.self) {
            try AtomicFileWriter.writeAll([(dir.path + "/keep.txt", Array("new".utf8)), (dir.path + "/no/such/dir.txt", [1])])
        }
        #expect(dir.read("keep.txt") == Array("old".utf8))
        // A writer that fails part-way through leaves the old file and no temporary file.
        struct Failed: Error {}
        #expect(throws: Failed.self) {
            try AtomicFileWriter.write(to: dir.path + "/keep.txt") { temp -> Int in
                FileManager.default.createFile(atPath: temp, contents: Data("half".utf8))
                throw Failed()
            }
        }
        #expect(dir.read("keep.txt") == Array("old".utf8))
        // Success replaces the file whole.
        try AtomicFileWriter.writeAll([(dir.path + "/keep.txt", Array("new".utf8)), (dir.path + "/other.txt", Array("2".utf8))])
        #expect(dir.read("keep.txt") == Array("new".utf8) && dir.read("other.txt") == Array("2".utf8))
        #expect(dir.contents == ["adir", "keep.txt", "other.txt"], "left behind: \(dir.contents)")
    }
}
