public import NIOCore
public import SNMPSMI
public import SNMPDispatcher
import SNMPMessageProcessing
import SNMPSecurity

/// The command generator application (RFC 3413 §3.1): sends Get, GetNext, GetBulk and Set requests and
/// returns the agent's Response-PDU. Error-status stays data in the returned PDU; transport failures,
/// timeouts and security failures are thrown as ``SNMPError``.
///
/// It never builds a message: it hands the PDU and the target's security to the dispatcher's `sendPDU`
/// (RFC 3411 §4.1.1), which picks the message processing model and, for SNMPv3, runs discovery and time
/// synchronisation (ARCHITECTURE.md walks one request through).
///
/// ```swift
/// let engine = try await SNMPEngine.start()
/// let response = try await engine.commandGenerator.send(
///     PDU(type: .getRequest, requestID: 0, varBinds: [VarBind("1.3.6.1.2.1.1.5.0")]), to: target)
/// ```
public struct CommandGenerator: Sendable {
    let dispatcher: SNMPDispatcher

    /// Engine IDs learnt by SNMPv3 discovery, by agent address (the dispatcher's).
    public var engineDirectory: V3EngineDirectory { dispatcher.engineDirectory }
    /// Round-trip estimates and in-flight limits, by target address.
    public let pacing: TargetPacing
    /// AES-192/256 key-extension detection state, by engine ID and user.
    public let keyExtensions = KeyExtension.Directory()

    /// Creates a command generator on `dispatcher`.
    public init(dispatcher: SNMPDispatcher, pacing: TargetPacing = TargetPacing()) {
        self.dispatcher = dispatcher
        self.pacing = pacing
    }

    /// Sends `pdu` (its request-id is replaced by a fresh one) and returns the response.
    ///
    /// For SNMPv3 targets, engine discovery and time synchronisation happen in the dispatcher as needed
    /// (RFC 3414 §4), invisible to the caller; a Report from the agent becomes the matching ``SNMPError``.
    /// Waits for a slot when the target has ``SNMPTarget/maximumInFlight``; for an SNMPv3 target configured
    /// with an AES variant to detect, tries the other key extension once (``KeyExtension``).
    public func send(_ pdu: PDU, to target: SNMPTarget) async throws(SNMPError) -> PDU {
        try await pacing.withSlot(for: target) { () async throws(SNMPError) -> PDU in
            if case .usm(let parameters) = target.security {
                return try await sendDetectingKeyExtension(pdu, to: target, parameters)
            }
            return try await sendFuture(pdu, to: target).getSNMP()
        }
    }

    /// The same as ``send(_:to:)``, as a future completed on the dispatcher's event loop; bulk walks
    /// chain requests through it without a task hop per round trip. It does not wait for a slot of
    /// ``SNMPTarget/maximumInFlight``; its attempts follow the target's retransmission schedule.
    public func sendFuture(_ pdu: PDU, to target: SNMPTarget) -> EventLoopFuture<PDU> {
        do {
            try Self.checkEncodable(pdu)
            guard pdu.type.isConfirmedClass else {
                throw SNMPError(.unsupportedPDU, "\(pdu.type) expects no response")
            }
            return try pacing.send(target.outgoing(.pdu(pdu)), for: target, through: dispatcher)
                .flatMapErrorThrowing { error in throw SNMPError(dispatcherError: error) }
                .flatMapThrowing { message in
                    guard let message, case .pdu(let response) = message.pdu, response.type == .response else {
                        throw SNMPError(.unexpectedResponse, "\(message?.pdu.type.description ?? "nothing")")
                    }
                    return response
                }
        } catch {
            return dispatcher.eventLoop.makeFailedFuture(SNMPError(dispatcherError: error))
        }
    }
}

extension CommandGenerator {
    /// Refuses a PDU whose OIDs BER cannot carry unchanged (e.g. the empty OID of a malformed literal).
    static func checkEncodable(_ pdu: PDU) throws(SNMPError) {
        if let bad = pdu.varBinds.first(where: { !$0.oid.isEncodable }) {
            throw SNMPError(.invalidArgument, "OBJECT IDENTIFIER \"\(bad.oid)\" cannot be encoded (empty, or a first arc above 2, or a second arc of 40 or more under 0 or 1)")
        }
    }
}

extension SNMPError {
    /// The one translation of the dispatcher seam's error into the application's codes.
    init(dispatcherError error: any Error) {
        if let error = error as? SNMPError {
            self = error
        } else if let error = error as? DispatcherError {
            switch error.code {
            case .timeout: self = SNMPError(.timeout, error.reason)
            case .shutdown: self = SNMPError(.shutdown, error.reason)
            case .badAddress: self = SNMPError(.badAddress, error.reason)
            case .encoding: self = SNMPError(.encoding, error.reason)
            case .unsupportedPDU: self = SNMPError(.unsupportedPDU, error.reason)
            case .unexpectedResponse: self = SNMPError(.unexpectedResponse, error.reason)
            case .security:
                if let usm = error.usm {
                    self = SNMPError(usm: usm, report: error.reportOID)
                } else {
                    self = SNMPError(.security, error.reason)
                }
            default: self = SNMPError(.transport, error.reason)
            }
        } else {
            self = SNMPError(.transport, "\(error)")
        }
    }

    /// Maps a USM failure (local, or reported by the agent) to the application's codes, with Net-SNMP's
    /// wording in ``reason`` so the CLI can print it as is.
    init(usm error: USMError, report: ObjectIdentifier?) {
        let code: Code
        let text: String
        switch error.code {
        case .wrongDigest: (code, text) = (.authentication, "Authentication failure (incorrect password, community or key)")
        case .unknownUserName: (code, text) = (.unknownUserName, "Unknown user name")
        case .unsupportedSecurityLevel: (code, text) = (.unsupportedSecurityLevel, "Unsupported security level")
        case .notInTimeWindow: (code, text) = (.notInTimeWindow, "Not in time window")
        case .unknownEngineID: (code, text) = (.unknownEngineID, "Unknown engine ID")
        case .decryptionError: (code, text) = (.decryptionError, "Decryption error")
        default: (code, text) = (.security, error.description)
        }
        self.init(code, text, reportOID: report)
    }
}

extension EventLoopFuture where Value: Sendable {
    /// Awaits the future, mapping any error to ``SNMPError``.
    public func getSNMP() async throws(SNMPError) -> Value {
        do {
            return try await get()
        } catch {
            throw SNMPError(dispatcherError: error)
        }
    }
}
