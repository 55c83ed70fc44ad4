import SNMP

/// Fetches a module's objects from one target through the shared engine — GETs in batches, then walks
/// (GETNEXT for SNMPv1, GETBULK otherwise), with the module's filters applied first — and turns them
/// into samples.
struct Scraper: Sendable {
    let engine: SNMPEngine
    let wrapCounters: Bool
    let statistics: ExporterStatistics?

    /// Scrapes every module in order into `set`; a module that fails adds its error and the others go on.
    /// With `moduleAuthFirst` a pre-0.23 module's own auth wins over `auth` (no `auth` in the request).
    func scrape(target: String, auth: AuthConfiguration, modules: [CompiledModule], contextName: String?,
                contextEngineID: [UInt8]? = nil, moduleAuthFirst: Bool = true, into set: inout SampleSet) async {
        let address: ScrapeAddress
        do {
            address = try ScrapeAddress(target)
        } catch {
            set.fail(descName: "snmp_error", help: "Error scraping target", error.message)
            return
        }
        for module in modules {
            let start = ContinuousClock.now
            statistics?.scrapeStarted()
            let moduleAuth = moduleAuthFirst ? module.configuration.legacyAuth ?? auth : auth
            let result = await fetch(address: address, auth: moduleAuth, module: module, contextName: contextName,
                                     contextEngineID: contextEngineID)
            statistics?.scrapeFinished(module: module.name, duration: start.duration(to: .now), failed: result.error != nil)
            let labels = [(name: "module", value: module.name)]
            if let error = result.error {
                set.fail(descName: "snmp_error", help: "Error scraping target", error)
                continue
            }
            set.add(Sample(name: "snmp_scrape_walk_duration_seconds", help: "Time SNMP walk/bulkwalk took.",
                              type: .gauge, labels: labels, value: start.duration(to: .now).seconds))
            set.add(Sample(name: "snmp_scrape_pdus_returned", help: "PDUs returned from get, bulkget, and walk.",
                           type: .gauge, labels: labels, value: Double(result.varBinds.count)))
            SampleBuilder(module: module, varBinds: result.varBinds, wrapCounters: wrapCounters).build(into: &set)
            set.add(Sample(name: "snmp_scrape_duration_seconds",
                           help: "Total SNMP time scrape took (walk and processing).",
                           type: .gauge, labels: labels, value: start.duration(to: .now).seconds))
        }
    }

    struct FetchResult {
        var varBinds: [VarBind] = []
        var error: String?
    }

    func fetch(address: ScrapeAddress, auth: AuthConfiguration, module: CompiledModule,
               contextName: String?, contextEngineID: [UInt8]? = nil) async -> FetchResult {
        let parameters = module.configuration.walkParameters
        var configuration = SNMPClient.Configuration(timeout: parameters.timeout, retries: parameters.retries)
        configuration.maxRepetitions = parameters.maxRepetitions
        configuration.checkIncreasing = !parameters.allowNonIncreasingOIDs
        let client: SNMPClient
        do {
            client = try await SNMPClient(host: address.host, port: address.port,
                                          version: auth.clientVersion(contextName: contextName,
                                                                      contextEngineID: contextEngineID),
                                          configuration: configuration, engine: engine)
        } catch {
            return FetchResult(error: "error connecting to target \(address.text): \(error.reason)")
        }
        var result = FetchResult()
        var walks = module.configuration.walk
        var gets = module.configuration.get
        await applyFilters(module.configuration.filters, client: client, version: auth.version, walks: &walks, gets: &gets)
        let step = auth.version == 1 ? 1 : max(parameters.maxRepetitions, 1)
        var position = 0
        while position < gets.count {
            let batch = Array(gets[position..<min(position + step, gets.count)])
            position += batch.count
            do {
                let response = try await engine.commandGenerator.send(
                    PDU(type: .getRequest, requestID: 0, varBinds: batch.map { VarBind($0) }), to: client.target)
                statistics?.pduReceived()
                if response.errorStatus == .noSuchName && auth.version == 1 { continue }  // not supported
                guard response.errorStatus == .noError else {
                    return FetchResult(error: "error reported by target \(address.host): Error Status \(response.errorStatus.rawValue)")
                }
                result.varBinds += response.varBinds.filter { !$0.value.isException }
            } catch {
                return FetchResult(error: "error getting target \(address.host): \(describe(error, parameters))")
            }
        }
        for root in walks {
            do {
                result.varBinds += try await walk(root, client: client, version: auth.version)
            } catch {
                return FetchResult(error: "error walking target \(address.host): \(describe(error, parameters))")
            }
        }
        return result
    }

    /// A whole subtree; a root that is itself an object instance (nothing below it) is fetched with GET,
    /// as gosnmp's walks do.
    func walk(_ root: ObjectIdentifier, client: SNMPClient, version: Int) async throws(SNMPError) -> [VarBind] {
        var varBinds: [VarBind] = []
        let walk = version == 1 ? client.walk(root) : client.bulkWalk(root)
        for try await varBind in walk {
            varBinds.append(varBind)
        }
        statistics?.pdusReceived(varBinds.count)
        if varBinds.isEmpty {
            let response = try await engine.commandGenerator.send(
                PDU(type: .getRequest, requestID: 0, varBinds: [VarBind(root)]), to: client.target)
            if response.errorStatus == .noError, let first = response.varBinds.first, !first.value.isException,
               first.oid == root {
                varBinds.append(first)
            }
        }
        return varBinds
    }

    /// gosnmp's wording for the errors a scrape reports.
    private func describe(_ error: SNMPError, _ parameters: WalkParameters) -> String {
        if error.code == .timeout { return "request timeout (after \(parameters.retries) retries)" }
        return error.reason.isEmpty ? error.description : error.reason
    }
}

/// `target` as snmp_exporter reads it: `host`, `host:port`, `[v6]:port`, optionally `udp://`.
struct ScrapeAddress: Sendable {
    let text: String
    let host: String
    let port: Int

    struct Invalid: Error {
        let message: String
    }

    init(_ target: String) throws(Invalid) {
        text = target
        var rest = Substring(target)
        if rest.hasPrefix("udp://") {
            rest = rest.dropFirst(6)
        } else if let scheme = rest.range(of: "://") {
            throw Invalid(message: "error connecting to target \(target): unsupported transport \"\(rest[..<scheme.lowerBound])\"")
        }
        if rest.hasPrefix("["), let close = rest.firstIndex(of: "]") {
            host = String(rest[rest.index(after: rest.startIndex)..<close])
            let after = rest[rest.index(after: close)...]
            guard after.isEmpty || after.hasPrefix(":") else {
                throw Invalid(message: "error connecting to target \(target): missing port after address")
            }
            port = try Self.port(after.isEmpty ? "161" : after.dropFirst(), target)
        } else if let colon = rest.firstIndex(of: ":"), rest[rest.index(after: colon)...].firstIndex(of: ":") == nil {
            host = String(rest[..<colon])
            port = try Self.port(rest[rest.index(after: colon)...], target)
        } else {
            host = String(rest)  // a bare IPv6 address or host name
            port = 161
        }
    }

    private static func port(_ text: Substring, _ target: String) throws(Invalid) -> Int {
        guard let value = Int(text), (1...65_535).contains(value) else {
            throw Invalid(message: "error converting port number to int for target \(target): invalid port \"\(text)\"")
        }
        return value
    }
}

extension Duration {
    /// The duration in seconds as a Double.
    var seconds: Double {
        let (seconds, attoseconds) = components
        return Double(seconds) + Double(attoseconds) / 1e18
    }
}
