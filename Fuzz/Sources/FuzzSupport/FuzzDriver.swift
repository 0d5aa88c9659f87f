import CFuzzerDriver

#if canImport(Glibc)
import Glibc
#endif

/// Starts libFuzzer with the process's arguments and a target's test function.
/// Each fuzz target's `@main` type calls this (see `CFuzzerDriver.h` for why
/// libFuzzer's own `main` is not used).
public enum FuzzDriver {
    public static func run(_ test: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> Never {
        var argc = CommandLine.argc
        // Safe: libFuzzer may reorder or drop entries of argv, which stays valid for the whole process.
        var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
        let status = LLVMFuzzerRunDriver(&argc, &argv, test)
        exit(status)
    }
}
