#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import SNMP

// snmp-load AGENT SECONDS IN-FLIGHT (v2c COMMUNITY | v3 USER AUTHPASS PRIVPASS)
// Keeps IN-FLIGHT GETs of sysDescr.0 outstanding for SECONDS against AGENT (loopback only) and prints
// "requests N seconds S rps R timeouts T". v3 uses HMAC-SHA-256 + AES-128 authPriv.
let arguments = CommandLine.arguments
guard arguments.count >= 6, let seconds = Double(arguments[2]), let inFlight = Int(arguments[3]),
      arguments[1].hasPrefix("udp:127.") || arguments[1].hasPrefix("udp6:[::1]") else {
    print("usage: snmp-load udp:127.0.0.1:PORT SECONDS IN-FLIGHT (v2c COMMUNITY | v3 USER AUTHPASS PRIVPASS)")
    exit(2)
}
let version: SNMPClient.Version = arguments[4] == "v3" && arguments.count >= 8
    ? .v3(user: arguments[5], auth: .sha256(arguments[6]), priv: .aes128(arguments[7]))
    : .v2c(community: arguments[5])
let client = try await SNMPClient(agent: arguments[1], version: version,
                                  configuration: .init(timeout: .seconds(1), retries: 0))
_ = try await client.get("1.3.6.1.2.1.1.1.0")   // discovery and key localization before the clock starts
let clock = ContinuousClock()
let deadline = clock.now + .milliseconds(Int64(seconds * 1000))
let started = clock.now
let (completed, timeouts) = await withTaskGroup(of: (Int, Int).self) { group in
    for _ in 0..<inFlight {
        group.addTask {
            var done = 0, failed = 0
            while clock.now < deadline {
                do {
                    _ = try await client.get("1.3.6.1.2.1.1.1.0")
                    done += 1
                } catch {
                    failed += 1
                }
            }
            return (done, failed)
        }
    }
    var total = (0, 0)
    for await (done, failed) in group { total = (total.0 + done, total.1 + failed) }
    return total
}
let elapsed = clock.now - started
let secondsElapsed = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
print("requests \(completed) seconds \(secondsElapsed) rps \(Int(Double(completed) / secondsElapsed)) timeouts \(timeouts)")
await client.shutdown()
