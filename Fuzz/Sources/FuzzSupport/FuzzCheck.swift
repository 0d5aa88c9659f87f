#if canImport(Glibc)
import Glibc
#endif

/// Invariant checks for fuzz targets: a failed check prints what broke to stderr
/// and aborts, which libFuzzer reports as a crash and saves the input for.
public enum FuzzCheck {
    /// Aborts with `message` when `condition` is false.
    public static func require(_ condition: Bool, _ message: @autoclosure () -> String) {
        if condition { return }
        fail(message())
    }

    /// Aborts with `message`.
    public static func fail(_ message: String) -> Never {
        let text = "FUZZ INVARIANT BROKEN: " + message + "\n"
        _ = text.withCString { write(2, $0, strlen($0)) }
        abort()
    }
}
