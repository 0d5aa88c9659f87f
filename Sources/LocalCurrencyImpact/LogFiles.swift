#if canImport(Glibc)
import Glibc
#endif

/// Expands the log arguments into the files of one log, in order:
/// - a file: as given;
/// - a directory: its `.csv`, `.tsv` and `.gz` files (sorted by name, not recursive);
/// - a glob (`*`, `?`, `[…]`) that names no existing path: the paths it matches (sorted by
///   name; a matched directory expands as above). A shell expands an unquoted glob before
///   `lcimpact` sees it; a quoted one (from a script, a CI job or a Makefile) arrives as the
///   pattern and is expanded here, as DuckDB's and Polars' readers do.
///
/// Gzip is detected later by magic bytes. A path that does not exist, a directory without log
/// files and a glob that matches nothing are errors that name the argument.
public enum LogFiles {
    public static func expand(_ paths: [String]) throws(ScanError) -> [String] {
        var files: [String] = []
        for path in paths {
            var st = stat()
            if stat(path, &st) == 0 {
                files += try expandExisting(path, isDirectory: (st.st_mode & S_IFMT) == S_IFDIR)
                continue
            }
            guard isPattern(path) else {
                throw ScanError(.unreadableFile, file: path, message: "no such file or directory",
                                hint: "check the path")
            }
            let matches = try match(pattern: path)
            for m in matches {
                var mst = stat()
                guard stat(m, &mst) == 0 else { continue }  // removed since the match: nothing to read
                files += try expandExisting(m, isDirectory: (mst.st_mode & S_IFMT) == S_IFDIR)
            }
        }
        return files
    }

    /// Whether `path` holds a glob metacharacter.
    static func isPattern(_ path: String) -> Bool {
        path.contains("*") || path.contains("?") || path.contains("[")
    }

    /// The paths that `pattern` matches, sorted (glob(3) without GLOB_NOCHECK: no match is an error).
    static func match(pattern: String) throws(ScanError) -> [String] {
        var g = glob_t()
        defer { globfree(&g) }
        let status = glob(pattern, 0, nil, &g)
        if status == GLOB_NOMATCH {
            throw ScanError(.unreadableFile, file: pattern, message: "the pattern matches no file",
                            hint: "check the pattern, or quote it differently; a directory can be named as it is")
        }
        guard status == 0 else {
            throw ScanError(.unreadableFile, file: pattern, message: "cannot expand the pattern (glob error \(status))",
                            hint: "check the directories' permissions")
        }
        var matches: [String] = []
        for i in 0..<Int(g.gl_pathc) {
            // Safe: gl_pathv holds gl_pathc non-null C strings until globfree.
            if let p = g.gl_pathv[i] { matches.append(String(cString: p)) }
        }
        return matches.sorted()
    }

    private static func expandExisting(_ path: String, isDirectory: Bool) throws(ScanError) -> [String] {
        guard isDirectory else { return [path] }
        guard let dir = opendir(path) else {
            throw ScanError(.unreadableFile, file: path, message: "cannot list the directory", hint: "check permissions")
        }
        var found: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(cString: raw.bindMemory(to: CChar.self).baseAddress!)
            }
            let lower = name.lowercased()
            if lower.hasSuffix(".csv") || lower.hasSuffix(".gz") || lower.hasSuffix(".tsv") { found.append(path + "/" + name) }
        }
        closedir(dir)
        if found.isEmpty {
            throw ScanError(.emptyFile, file: path, message: "the directory holds no .csv, .tsv or .gz files", hint: "name the log files")
        }
        return found.sorted()
    }
}
