import Foundation

/// A temporary directory for one test, removed when the test ends.
final class Scratch {
    let path: String

    init() {
        path = NSTemporaryDirectory() + "lcimpact-hardening-" + UUID().uuidString
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    /// Writes `bytes` to `name` in the directory; returns the full path.
    @discardableResult
    func write(_ name: String, bytes: [UInt8]) -> String {
        let p = path + "/" + name
        FileManager.default.createFile(atPath: p, contents: Data(bytes))
        return p
    }

    /// Writes UTF-8 `text` to `name`; returns the full path.
    @discardableResult
    func write(_ name: String, _ text: String) -> String { write(name, bytes: Array(text.utf8)) }

    /// The names in the directory, sorted.
    var contents: [String] { ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).sorted() }

    /// Whether `name` exists in the directory.
    func exists(_ name: String) -> Bool { FileManager.default.fileExists(atPath: path + "/" + name) }

    /// The bytes of `name`.
    func read(_ name: String) -> [UInt8] { Array(FileManager.default.contents(atPath: path + "/" + name) ?? Data()) }

    deinit { try? FileManager.default.removeItem(atPath: path) }
}
