import Foundation
import Testing
@testable import LocalCurrencyImpact

/// How log arguments become files: files as given, directories and quoted globs expanded in
/// name order, and an error naming the argument when nothing is there.
@Suite("Log arguments: files, directories and globs")
struct LogFilesTests {
    static let header = "ts,consumer_region,merchant_region,ksic,amount\n"

    /// A directory with three log files (one of them in a subdirectory) and a file that is not a log.
    static func layout() throws -> ScratchDirectory {
        let dir = ScratchDirectory()
        _ = dir.write("b.csv", header + "2024-01-01 00:00:00,1,1,47,20\n")
        _ = dir.write("a.csv", header + "2024-01-01 00:00:00,1,1,47,10\n")
        _ = dir.write("notes.txt", "not a log\n")
        try FileManager.default.createDirectory(atPath: dir.path + "/june", withIntermediateDirectories: false)
        _ = dir.write("june/c.csv", header + "2024-06-01 00:00:00,1,1,47,300\n")
        return dir
    }

    @Test func directoryExpandsToItsLogFilesInNameOrder() throws {
        let dir = try Self.layout()
        #expect(try LogFiles.expand([dir.path]) == [dir.path + "/a.csv", dir.path + "/b.csv"])
    }

    @Test func quotedGlobExpandsInNameOrderAndScansAsOneLog() throws {
        let dir = try Self.layout()
        let files = try LogFiles.expand([dir.path + "/*.csv"])
        #expect(files == [dir.path + "/a.csv", dir.path + "/b.csv"])
        let scan = try LogScan().run(paths: files)
        #expect(scan.rows.read == 2)
        #expect(scan.netAmount == 30)
    }

    @Test func globMatchingADirectoryExpandsIt() throws {
        let dir = try Self.layout()
        // "j*" matches the subdirectory june, whose one log file is c.csv.
        #expect(try LogFiles.expand([dir.path + "/j*"]) == [dir.path + "/june/c.csv"])
        #expect(try LogFiles.expand([dir.path + "/[ab].csv", dir.path + "/june"])
            == [dir.path + "/a.csv", dir.path + "/b.csv", dir.path + "/june/c.csv"])
    }

    @Test func globMatchingNothingNamesThePattern() throws {
        let dir = try Self.layout()
        let pattern = dir.path + "/*.parquet"
        let error = Self.error(expanding: pattern)
        #expect(error?.file == pattern)
        #expect(error?.message.contains("matches no file") == true)
    }

    @Test func missingPathIsAnErrorNamingIt() throws {
        let dir = try Self.layout()
        let path = dir.path + "/missing.csv"
        let error = Self.error(expanding: path)
        #expect(error?.file == path)
        #expect(error?.message.contains("no such file") == true)
    }

    /// The error expanding `argument` throws (a test issue, and nil, when it throws none).
    static func error(expanding argument: String) -> ScanError? {
        do {
            _ = try LogFiles.expand([argument])
            Issue.record("expected an error expanding \(argument)")
            return nil
        } catch {
            return error
        }
    }
}
