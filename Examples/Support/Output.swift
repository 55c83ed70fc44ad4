import NIOConcurrencyHelpers

/// Where the examples' `print` goes: standard output, or a buffer when the tests run an example in-process
/// and check what it printed.
enum ExampleOutput {
    @TaskLocal static var capture: Capture?

    /// Lines printed by an example while a capture is installed.
    final class Capture: Sendable {
        private let lines = NIOLockedValueBox<[String]>([])
        func append(_ line: String) { lines.withLockedValue { $0.append(line) } }
        var text: String { lines.withLockedValue { $0.joined() } }
    }
}

/// The examples print with this `print`, which shadows the standard library's inside the module: it writes
/// to standard output unless a test captures it (tasks the example starts inherit the capture).
func print(_ items: Any..., separator: String = " ", terminator: String = "\n") {
    let line = items.map { "\($0)" }.joined(separator: separator) + terminator
    if let capture = ExampleOutput.capture {
        capture.append(line)
    } else {
        Swift.print(line, terminator: "")
    }
}
