import CoreMetrics
public import Prometheus

/// The exporter's own metrics (`/metrics`), recorded through swift-metrics into a Prometheus registry that
/// belongs to this exporter (no global bootstrap, so several exporters can live in one process).
public final class ExporterStatistics: Sendable {
    /// The registry `/metrics` renders.
    public let registry: PrometheusCollectorRegistry
    private let factory: PrometheusMetricsFactory
    private let requestErrors: CoreMetrics.Counter
    private let pdus: CoreMetrics.Counter
    private let inFlight: Meter
    private let scrapeErrors: CoreMetrics.Counter
    private let reloads: CoreMetrics.Counter
    private let reloadFailures: CoreMetrics.Counter

    /// Creates the metrics in a new registry.
    public init() {
        registry = PrometheusCollectorRegistry()
        var factory = PrometheusMetricsFactory(registry: registry)
        factory.defaultDurationHistogramBuckets = [
            .milliseconds(5), .milliseconds(10), .milliseconds(25), .milliseconds(50), .milliseconds(100),
            .milliseconds(250), .milliseconds(500), .seconds(1), .milliseconds(2500), .seconds(5), .seconds(10),
            .seconds(30),
        ]
        self.factory = factory
        requestErrors = CoreMetrics.Counter(label: "snmp_request_errors_total", factory: factory)
        pdus = CoreMetrics.Counter(label: "snmp_pdus_returned_total", factory: factory)
        inFlight = Meter(label: "snmp_request_in_flight", factory: factory)
        scrapeErrors = CoreMetrics.Counter(label: "snmp_scrape_errors_total", factory: factory)
        reloads = CoreMetrics.Counter(label: "snmp_exporter_config_reloads_total", factory: factory)
        reloadFailures = CoreMetrics.Counter(label: "snmp_exporter_config_reload_failures_total", factory: factory)
        inFlight.set(0)
    }

    func requestFailed() { requestErrors.increment() }
    func pduReceived() { pdus.increment() }
    func pdusReceived(_ count: Int) { pdus.increment(by: count) }

    func scrapeStarted() { inFlight.increment() }

    func scrapeFinished(module: String, duration: Duration, failed: Bool) {
        inFlight.decrement()
        if failed { scrapeErrors.increment() }
        CoreMetrics.Timer(label: "snmp_collection_duration_seconds", dimensions: [("module", module)],
                          factory: factory).record(duration: duration)
    }

    func reloaded(success: Bool) {
        reloads.increment()
        if !success { reloadFailures.increment() }
    }

    /// The text exposition of these metrics.
    public func exposition() -> String { registry.emitToString() }
}
