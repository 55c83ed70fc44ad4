import Benchmark
import NIOCore
import SNMPSMI

// One iteration of each benchmark is one message: the inner loop runs `scaledIterations` messages and the
// reported figures are divided by the scaling factor (marked `*` in the output).
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .cpuTotal, .mallocCountTotal],
        timeUnits: .nanoseconds,
        scalingFactor: .kilo,
        maxDuration: .seconds(3),
        maxIterations: 10_000
    )

    let message = GetResponseFixture.message
    let encoded = GetResponseFixture.encoded

    Benchmark("encode v2c GetResponse, 10 varbinds") { benchmark in
        var buffer = ByteBufferAllocator().buffer(capacity: 512)
        for _ in benchmark.scaledIterations {
            buffer.clear()
            message.serialize(into: &buffer)
            blackHole(buffer.readableBytes)
        }
    }

    Benchmark("decode v2c GetResponse, 10 varbinds") { benchmark in
        for _ in benchmark.scaledIterations {
            do {
                blackHole(try CommunityMessage(berEncoded: encoded))
            } catch {
                benchmark.error("decode failed: \(error)")
                return
            }
        }
    }

    Benchmark("encode+decode v2c GetResponse, 10 varbinds") { benchmark in
        var buffer = ByteBufferAllocator().buffer(capacity: 512)
        for _ in benchmark.scaledIterations {
            buffer.clear()
            message.serialize(into: &buffer)
            do {
                blackHole(try CommunityMessage(berEncoded: buffer))
            } catch {
                benchmark.error("decode failed: \(error)")
                return
            }
        }
    }
}
