public import NIOCore
import NIOPosix

/// A task executor (SE-0417) that runs jobs on one event loop: a task that prefers it runs on the same thread
/// as the dispatcher's sockets, so awaiting a response, or answering a request, does not hand work between
/// two threads (perf showed that hand-off as a quarter of a bulk walk's CPU).
///
/// ```swift
/// let executor = EventLoopTaskExecutor(engine.dispatcher.eventLoop)
/// await withTaskExecutorPreference(executor) { /* requests here resume on the socket's thread */ }
/// ```
public final class EventLoopTaskExecutor: TaskExecutor, @unchecked Sendable {
    // @unchecked: the only stored property is an event loop, which is itself thread-safe.
    /// The loop jobs run on.
    public let eventLoop: any EventLoop

    /// An executor for `eventLoop`.
    public init(_ eventLoop: any EventLoop) {
        self.eventLoop = eventLoop
    }

    /// Runs `job` on the event loop.
    public func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        eventLoop.execute {
            job.runSynchronously(on: self.asUnownedTaskExecutor())
        }
    }

    /// One loop of the shared event loop group, for a program whose engine and main task should share it
    /// (the `snmp` command does this).
    public static let shared = EventLoopTaskExecutor(MultiThreadedEventLoopGroup.singleton.next())
}
