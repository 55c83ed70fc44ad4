import Foundation
import Testing

@testable import SNMPMIB

/// Measures corpus load times; run with `MIB_TIMING=1 swift test -c release --filter LoadTimingTests`.
@Suite(.enabled(if: ProcessInfo.processInfo.environment["MIB_TIMING"] != nil, "set MIB_TIMING=1 to measure"))
struct LoadTimingTests {
    @Test func coldAndCachedCorpusLoad() throws {
        let cache = try TemporaryMIBDirectory(files: [:])
        let clock = ContinuousClock()
        var cold: MIBStore?
        let coldTime = clock.measure {
            let store = MIBStore(searchPath: [Corpus.directory], cacheDirectory: cache.path)
            store.loadAll()
            cold = store
        }
        var warmTimes: [Duration] = []
        for _ in 0..<5 {
            warmTimes.append(clock.measure {
                let store = MIBStore(searchPath: [Corpus.directory], cacheDirectory: cache.path)
                store.loadAll()
                #expect(store.tree.nodes.count == cold?.tree.nodes.count)
            })
        }
        let parseTime = clock.measure {
            for name in Corpus.files {
                if let data = FileManager.default.contents(atPath: Corpus.directory + "/" + name) {
                    _ = MIBParser.parse(bytes: [UInt8](data), file: name)
                }
            }
        }
        print("MIB timing: cold \(coldTime), cached \(warmTimes.min() ?? .zero), parse only \(parseTime)")
    }
}
