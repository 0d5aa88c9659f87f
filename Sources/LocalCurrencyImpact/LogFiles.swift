#if canImport(Glibc)
import Glibc
#endif

/// Expands the log arguments: files as given, directories to their `.csv` files (sorted).
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
                    if name.lowercased().hasSuffix(".csv") { found.append(path + "/" + name) }
                }
                closedir(dir)
                if found.isEmpty {
                    throw ScanError(.emptyFile, file: path, message: "the directory holds no .csv files", hint: "name the log files")
                }
                files += found.sorted()
            } else {
                files.append(path)
            }
        }
        for file in files {
            if isGzip(file) {
                throw ScanError(.unreadableFile, file: file, message: "the file is gzip-compressed, which this version does not read yet",
                                hint: "decompress it first: gzip -dc \(file) > log.csv")
            }
        }
        return files
    }

    static func isGzip(_ path: String) -> Bool {
        guard let f = fopen(path, "rb") else { return false }
        defer { fclose(f) }
        var magic: (UInt8, UInt8) = (0, 0)
        let got = withUnsafeMutableBytes(of: &magic) { fread($0.baseAddress, 1, 2, f) }
        return got == 2 && magic.0 == 0x1F && magic.1 == 0x8B
    }
}
