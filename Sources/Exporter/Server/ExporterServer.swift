import Hummingbird
public import Logging
import NIOCore
public import SNMP

/// The HTTP side of the exporter: snmp_exporter's URLs and answers over Hummingbird.
///
/// - `/snmp?target=…&module=…&auth=…[&snmp_context=…&snmp_engineid=…]`: one scrape, as Prometheus text exposition;
/// - `/metrics`: the exporter's own metrics; `/-/healthy`; `/-/reload` (POST); `/config` (secrets hidden);
///   `/`: a page with links.
///
/// ```swift
/// let store = try ConfigurationStore(files: ["snmp.yml"])
/// let engine = try await SNMPEngine.start()
/// let server = ExporterServer(store: store, engine: engine)
/// try await server.run(host: "0.0.0.0", port: 9116)
/// ```
public struct ExporterServer: Sendable {
    /// The configuration in use.
    public let store: ConfigurationStore
    /// The engine every scrape goes through (one socket, shared v3 engine IDs and keys).
    public let engine: SNMPEngine
    /// The exporter's own metrics.
    public let statistics: ExporterStatistics
    /// Whether Counter64 values wrap at 2^53 (`--snmp.wrap-large-counters`, default on).
    public let wrapCounters: Bool
    let logger: Logger

    /// Creates a server over a configuration store and an engine.
    public init(store: ConfigurationStore, engine: SNMPEngine, statistics: ExporterStatistics = ExporterStatistics(),
                wrapCounters: Bool = true, logger: Logger = Logger(label: "snmp.exporter")) {
        self.store = store
        self.engine = engine
        self.statistics = statistics
        self.wrapCounters = wrapCounters
        self.logger = logger
    }

    /// Serves until the task is cancelled; `onListening` gets the bound port (useful with port 0).
    public func run(host: String, port: Int, onListening: @escaping @Sendable (Int) async -> Void = { _ in }) async throws {
        let application = Application(
            router: router(),
            configuration: .init(address: .hostname(host, port: port), serverName: "snmp_exporter"),
            onServerRunning: { channel in await onListening(channel.localAddress?.port ?? port) },
            logger: logger
        )
        try await application.run()
    }

    /// Re-reads the configuration files (`/-/reload`, SIGHUP); on error the old configuration stays.
    public func reload() throws(ConfigurationError) {
        do {
            try store.reload()
            statistics.reloaded(success: true)
            logger.info("Loaded config file")
        } catch {
            statistics.reloaded(success: false)
            logger.error("Error reloading config", metadata: ["err": "\(error)"])
            throw error
        }
    }

    func router() -> Router<BasicRequestContext> {
        let router = Router()
        router.get("/snmp") { request, _ in await probe(request) }
        router.get("/metrics") { _, _ in
            text(statistics.exposition(), contentType: TextExposition.contentType)
        }
        router.get("/-/healthy") { _, _ in text("Healthy", contentType: "text/plain; charset=utf-8") }
        router.post("/-/reload") { _, _ in
            do {
                try reload()
                return Response(status: .ok)
            } catch {
                return goError("failed to reload config: \(error)", status: .internalServerError)
            }
        }
        router.get("/-/reload") { _, _ in goError("POST method expected", status: .badRequest) }
        router.get("/config") { _, _ in
            do {
                return text(try store.configuration.yaml(hideSecrets: true), contentType: "text/plain; charset=utf-8")
            } catch {
                return goError("\(error)", status: .internalServerError)
            }
        }
        router.get("/") { _, _ in text(landingPage, contentType: "text/html; charset=utf-8") }
        return router
    }

    /// One scrape, with snmp_exporter's checks and error answers.
    func probe(_ request: Request) async -> Response {
        let probe: ProbeRequest
        do {
            probe = try ProbeRequest(query: ProbeRequest.parseQuery(request.uri.query))
        } catch {
            statistics.requestFailed()
            return goError(error.message, status: .badRequest)
        }
        let loaded = store.loaded
        var modules: [CompiledModule] = []
        modules.reserveCapacity(probe.modules.count)
        var needsAuth = probe.authName != nil
        for name in probe.modules {
            guard let module = loaded.modules[name] else {
                statistics.requestFailed()
                return goError("Unknown module '\(name)'", status: .badRequest)
            }
            if module.configuration.legacyAuth == nil { needsAuth = true }
            modules.append(module)
        }
        let authName = probe.authName ?? "public_v2"
        var auth = AuthConfiguration()
        if needsAuth {
            guard let named = loaded.configuration.auths[authName] else {
                statistics.requestFailed()
                return goError("Unknown auth '\(authName)'", status: .badRequest)
            }
            auth = named
        }
        var samples = SampleSet()
        let scraper = Scraper(engine: engine, wrapCounters: wrapCounters, statistics: statistics)
        await scraper.scrape(target: probe.target, auth: auth, modules: modules, contextName: probe.contextName,
                             contextEngineID: probe.contextEngineID, moduleAuthFirst: probe.authName == nil,
                             into: &samples)
        samples.finish()
        if let body = samples.errorBody {
            logger.info("Error scraping target", metadata: ["target": "\(probe.target)", "err": "\(body)"])
            return text(body, contentType: "text/plain; charset=utf-8", status: .internalServerError,
                        extraHeaders: true)
        }
        var body = ""
        TextExposition.write(samples, into: &body)
        return text(body, contentType: TextExposition.contentType)
    }

    /// Go's `http.Error`: the message and a newline, `nosniff`.
    private func goError(_ message: String, status: HTTPResponse.Status) -> Response {
        text(message + "\n", contentType: "text/plain; charset=utf-8", status: status, extraHeaders: true)
    }

    private func text(_ body: String, contentType: String, status: HTTPResponse.Status = .ok,
                      extraHeaders: Bool = false) -> Response {
        var headers: HTTPFields = [.contentType: contentType]
        if extraHeaders { headers[.xContentTypeOptions] = "nosniff" }
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: body)))
    }

    private var landingPage: String {
        """
        <html>
        <head><title>SNMP Exporter</title></head>
        <body>
        <h1>SNMP Exporter</h1>
        <form action="/snmp">
        <label>Target:</label> <input type="text" name="target" placeholder="X.X.X.X" value="1.2.3.4"><br>
        <label>Auth:</label> <input type="text" name="auth" placeholder="auth" value="public_v2"><br>
        <label>Module:</label> <input type="text" name="module" placeholder="module" value="if_mib"><br>
        <input type="submit" value="Submit">
        </form>
        <p><a href="/config">Config</a> · <a href="/metrics">Metrics</a> · <a href="/-/healthy">Health</a></p>
        </body>
        </html>

        """
    }
}
