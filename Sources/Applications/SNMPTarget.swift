public import NIOCore
public import SNMPSMI
import SNMPSecurity
public import SNMPDispatcher

/// Where and how to send a request: the SNMP-TARGET-MIB concepts of an address with its parameters
/// (RFC 3413 §4.1), as one value.
///
/// ```swift
/// let target = try SNMPTarget(agent: "udp:127.0.0.1:161", security: .community(.v2c, "public"),
///                             timeout: .seconds(1), retries: 5)
/// ```
public struct SNMPTarget: Sendable {
    /// How requests to this target are secured.
    public enum Security: Sendable, Hashable {
        /// SNMPv1 or SNMPv2c with a community string.
        case community(SNMPVersion, OctetString)
        /// SNMPv3 with the User-based Security Model; the user's keys are in the engine's USM user table.
        case usm(USMTargetParameters)
    }

    /// The agent's address.
    public var address: SocketAddress
    /// How the agent was named, for messages (Net-SNMP echoes it in "Timeout: No Response from ...").
    public var name: String
    /// Version and credentials.
    public var security: Security
    /// How long to wait for each attempt.
    public var timeout: Duration
    /// How many times to retransmit after the first attempt.
    public var retries: Int
    /// How attempts are spaced: Net-SNMP's constant timeout (the default here), or adaptive per-target
    /// timeouts with exponential back-off within the same budget.
    public var retransmission: RetransmissionPolicy = .netSNMP
    /// The most requests outstanding to this target at once through one engine; `nil`: no limit.
    public var maximumInFlight: Int? = nil
    /// For an SNMPv3 user with AES-192 or AES-256 privacy: whether a request the agent cannot decrypt
    /// (a timeout, a usmStatsDecryptionErrors Report, or a response that does not decrypt) is tried once
    /// more with the other key extension (Blumenthal or Reeder), the result remembered per engine ID.
    public var detectsKeyExtension = false

    /// The SNMP version requests to this target use.
    public var version: SNMPVersion {
        switch security {
        case .community(let version, _): return version
        case .usm: return .v3
        }
    }

    /// Creates a target for a resolved address.
    public init(address: SocketAddress, name: String? = nil, security: Security,
                timeout: Duration = .seconds(1), retries: Int = 5) {
        self.address = address
        self.name = name ?? "\(address)"
        self.security = security
        self.timeout = timeout
        self.retries = retries
    }

    /// Creates a target from Net-SNMP's agent syntax (`[udp:|udp6:]host[:port]`).
    public init(agent: String, defaultPort: Int = 161, security: Security,
                timeout: Duration = .seconds(1), retries: Int = 5) throws(SNMPError) {
        let spec: AgentAddress
        let address: SocketAddress
        do {
            spec = try AgentAddress(parsing: agent, defaultPort: defaultPort)
            address = try spec.resolve()
        } catch {
            throw SNMPError(.badAddress, error.reason)
        }
        // Only the UDP transports exist so far; sending a tcp: target over UDP would be silently wrong.
        guard spec.domain == .udp || spec.domain == .udp6 else {
            throw SNMPError(.badAddress, "\(spec.domain.rawValue) transport is not supported (use udp: or udp6:)")
        }
        self.init(address: address, name: agent, security: security, timeout: timeout, retries: retries)
    }
}

extension Duration {
    /// The duration as NIO's `TimeAmount` (nanosecond precision, saturating), for the timeouts the
    /// dispatcher's event loop schedules.
    public var timeAmount: TimeAmount {
        let (seconds, attoseconds) = components
        let nanos = seconds.multipliedReportingOverflow(by: 1_000_000_000)
        guard !nanos.overflow else { return .nanoseconds(Int64.max) }
        return .nanoseconds(nanos.partialValue + attoseconds / 1_000_000_000)
    }
}

/// The SNMP-TARGET-MIB `snmpTargetParams` of an SNMPv3 target (RFC 3413 §4.1.1), with the scoped PDU's context.
///
/// ```swift
/// let parameters = USMTargetParameters(userName: "admin", securityLevel: .authPriv, contextName: "vrf-blue")
/// ```
public struct USMTargetParameters: Sendable, Hashable {
    /// msgUserName: the user to act as (its keys are looked up in the engine's USM user table).
    public var userName: OctetString
    /// The security level of requests.
    public var securityLevel: SecurityLevel
    /// contextName of the scoped PDU (empty: the default context).
    public var contextName: OctetString
    /// contextEngineID of the scoped PDU; `nil` uses the agent's engine ID (the usual case).
    public var contextEngineID: OctetString?
    /// The agent's snmpEngineID when known in advance: discovery is then skipped.
    public var authoritativeEngineID: OctetString?

    /// Creates parameters.
    public init(userName: OctetString, securityLevel: SecurityLevel, contextName: OctetString = OctetString([UInt8]()),
                contextEngineID: OctetString? = nil, authoritativeEngineID: OctetString? = nil) {
        self.userName = userName
        self.securityLevel = securityLevel
        self.contextName = contextName
        self.contextEngineID = contextEngineID
        self.authoritativeEngineID = authoritativeEngineID
    }
}

extension SNMPTarget {
    /// The RFC 3411 §4.1.1 sendPdu parameters for sending `pdu` to this target.
    public func outgoing(_ pdu: MessagePDU) -> OutgoingPDU {
        switch security {
        case .community(let version, let community):
            return OutgoingPDU(destination: address, messageProcessingModel: version,
                               securityModel: version == .v1 ? .v1 : .v2c, securityName: community,
                               securityLevel: .noAuthNoPriv, pdu: pdu, timeout: timeout.timeAmount, retries: retries)
        case .usm(let parameters):
            return OutgoingPDU(destination: address, messageProcessingModel: .v3, securityModel: .usm,
                               securityName: parameters.userName, securityLevel: parameters.securityLevel,
                               contextEngineID: parameters.contextEngineID, contextName: parameters.contextName,
                               securityEngineID: parameters.authoritativeEngineID, pdu: pdu,
                               timeout: timeout.timeAmount, retries: retries)
        }
    }
}
