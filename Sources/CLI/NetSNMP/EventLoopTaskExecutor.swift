import NIOCore
import NIOPosix

/// Runs the tool's task on the same event loop as its engine's sockets (SE-0417 task executor preference).
///
/// A command awaits one response after another; with the task on the socket's own thread, each round trip
/// resumes without handing work between two threads, which perf showed as a quarter of a walk's CPU.
final class EventLoopTaskExecutor: TaskExecutor, @unchecked Sendable {
    // @unchecked: the only stored property is an event loop, which is itself thread-safe.
    let eventLoop: any EventLoop

    init(_ eventLoop: any EventLoop) {
        self.eventLoop = eventLoop
    }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        eventLoop.execute {
            job.runSynchronously(on: self.asUnownedTaskExecutor())
        }
    }

    /// The loop the CLI's engine and task share.
    static let shared = EventLoopTaskExecutor(MultiThreadedEventLoopGroup.singleton.next())
}
