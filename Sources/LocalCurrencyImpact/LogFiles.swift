#if canImport(Glibc)
import Glibc
#endif

/// Expands the log arguments: files as given, directories to their `.csv`, `.tsv` and `.gz` files
/// (sorted). A shell glob arrives already expanded; gzip is detected later by magic bytes.
public enum LogFiles {
    public static func expand(_ paths: [String]) throws(ScanError) -> [String] {
        var files: [String] = []
        for path in paths {
            var st = stat()
            guard stat(path, &st) == 0 else {
                throw ScanError(.unreadableFile, file: path, message: "no such file or directory",
                                hint: "check the path")
            }
            if (st.st_mode & S_IFMT) == S_IFDIR {
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
                files += found.sorted()
            } else {
                files.append(path)
            }
        }
        return files
    }
}
