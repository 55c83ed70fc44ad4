/// Net-SNMP's address syntax for a host and port: `udp:HOST:PORT`, or `udp6:[HOST]:PORT` for a literal
/// IPv6 address.
func agentAddressText(host: String, port: Int) -> String {
    host.contains(":") ? "udp6:[\(host)]:\(port)" : "udp:\(host):\(port)"
}

/// Runs `body` with `resource`, then `shutdown`, also when `body` throws: the scoped form of the clients,
/// notifiers and receivers (`withSNMPClient`, `withSNMPNotifier`).
func withShutdown<Resource: Sendable, Result: Sendable>(
    _ resource: Resource, shutdown: (Resource) async -> Void, _ body: (Resource) async throws -> Result
) async throws -> Result {
    do {
        let result = try await body(resource)
        await shutdown(resource)
        return result
    } catch {
        await shutdown(resource)
        throw error
    }
}
