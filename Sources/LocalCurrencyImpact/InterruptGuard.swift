import Dispatch

#if canImport(Glibc)
import Glibc
#endif

/// Ctrl-C (SIGINT) and SIGTERM for the command-line tool: a run that is stopped
/// leaves no partial output and exits with a documented code.
///
/// `install()` sets a handler for both signals that only writes the signal number
/// to a pipe (async-signal-safe; the Swift runtime may start threads before `main`,
/// so blocking the signals in one thread is not enough), and starts one watcher
/// thread that reads the pipe. When a signal arrives the watcher
/// 1. waits for an output commit in progress (`commit`) to finish, so a set of
///    outputs is renamed into place whole or not at all;
/// 2. removes the temporary files of outputs still being written (`track`);
/// 3. says so on stderr and ends the process with `_exit` — 130 for SIGINT, 143
///    for SIGTERM (128 + the signal number, as shells report), without running
///    exit handlers while worker threads may still be scanning.
///
/// Outputs are written only after a scan completes (`AtomicFileWriter`: temporary
/// file, then `rename(2)`), so a scan interrupted at any point writes nothing; an
/// existing output from an earlier run stays as it was. A signal that was ignored
/// when the program started (for example SIGINT for a background job of a
/// non-interactive shell) stays ignored; one that was blocked is unblocked.
public enum InterruptGuard {
    /// The exit code after SIGINT (Ctrl-C).
    public static let interruptedExitCode: Int32 = 130
    /// The exit code after SIGTERM.
    public static let terminatedExitCode: Int32 = 143

    /// Guards `pending` and the commit section; the watcher takes it and never gives it back.
    private static let lock = DispatchSemaphore(value: 1)
    /// Temporary files of outputs being written (removed on interrupt).
    // nonisolated(unsafe): read and written only while holding `lock`.
    nonisolated(unsafe) private static var pending: Set<String> = []
    /// The pipe's write end, for the signal handler (set once in `install`, before the handler).
    // nonisolated(unsafe): written once before any handler or watcher can run, then only read.
    nonisolated(unsafe) private static var pipeWriteEnd: Int32 = -1

    /// Installs the handlers and starts the watcher thread. Call once, first thing in
    /// `main`. Returns false when it could not (the signals then keep their default action).
    @discardableResult
    public static func install() -> Bool {
        var ends: [Int32] = [-1, -1]
        guard pipe(&ends) == 0 else { return false }
        pipeWriteEnd = ends[1]
        let readEnd = ends[0]
        _ = pending.count  // initialize the statics before a signal can arrive
        var thread = pthread_t()
        let started = pthread_create(&thread, nil, { argument in
            // Safe: the argument is the pipe's read end, passed by value in the pointer bits.
            InterruptGuard.watch(readEnd: Int32(truncatingIfNeeded: Int(bitPattern: argument)))
        }, UnsafeMutableRawPointer(bitPattern: Int(readEnd))) == 0
        guard started else { return false }
        pthread_detach(thread)
        var unblock = sigset_t()
        sigemptyset(&unblock)
        for signal in [SIGINT, SIGTERM] where !isIgnored(signal) {
            sigaddset(&unblock, signal)
            var action = sigaction()
            action.__sigaction_handler.sa_handler = { received in
                // Async-signal-safe: one write(2) of one byte.
                var byte = UInt8(truncatingIfNeeded: received)
                _ = write(InterruptGuard.pipeWriteEnd, &byte, 1)
            }
            action.sa_flags = SA_RESTART
            sigemptyset(&action.sa_mask)
            sigaction(signal, &action, nil)
        }
        // A parent that spawned us from a thread blocking these signals (test runners,
        // some job launchers) passes that mask on: unblock them here, so they are delivered.
        pthread_sigmask(SIG_UNBLOCK, &unblock, nil)
        return true
    }

    /// Whether `signal` was set to be ignored when the program started.
    private static func isIgnored(_ signal: Int32) -> Bool {
        var current = sigaction()
        guard sigaction(signal, nil, &current) == 0 else { return false }
        // Safe: SIG_DFL is the null handler and SIG_IGN the handler address 1 (<signal.h>, a macro Swift does
        // not import); the bit pattern is only compared, never called.
        guard let handler = current.__sigaction_handler.sa_handler else { return false }
        return unsafeBitCast(handler, to: Int.self) == 1
    }

    /// The watcher: waits for a signal, then stops the process cleanly (see the type's notes).
    private static func watch(readEnd: Int32) -> Never {
        var byte: UInt8 = 0
        while read(readEnd, &byte, 1) != 1 {}
        let received = Int32(byte)
        lock.wait()  // never released: no output commit may start after this
        for temp in pending { unlink(temp) }
        let name = received == SIGINT ? "SIGINT" : "SIGTERM"
        let code = received == SIGINT ? interruptedExitCode : terminatedExitCode
        let message = "lcimpact: interrupted by \(name): stopped without writing partial output; outputs of earlier runs are unchanged (exit code \(code))\n"
        message.withCString { _ = write(2, $0, strlen($0)) }
        _exit(code)
    }

    /// Records `temp` as the temporary file of an output being written: an interrupt removes it.
    public static func track(_ temp: String) {
        lock.wait()
        pending.insert(temp)
        lock.signal()
    }

    /// Forgets `temp` (renamed into place or removed).
    public static func untrack(_ temp: String) {
        lock.wait()
        pending.remove(temp)
        lock.signal()
    }

    /// Runs `body` (renames that put outputs in place) so that an interrupt waits for it:
    /// the outputs renamed in `body` all appear, or none does.
    public static func commit<R, E: Error>(_ body: () throws(E) -> R) throws(E) -> R {
        lock.wait()
        defer { lock.signal() }
        return try body()
    }
}
