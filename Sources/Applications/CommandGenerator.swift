public import NIOCore
public import SNMPSMI
public import SNMPDispatcher
import SNMPMessageProcessing

/// The command generator application (RFC 3413 §3.1): sends Get, GetNext, GetBulk and Set requests and
/// returns the agent's Response-PDU. Error-status stays data in the returned PDU; transport failures,
/// timeouts and security failures are thrown as ``SNMPError``.
///
/// ```swift
/// let engine = try await SNMPEngine.start()
/// let response = try await engine.commandGenerator.send(
///     PDU(type: .getRequest, requestID: 0, varBinds: [VarBind("1.3.6.1.2.1.1.5.0")]), to: target)
/// ```
public struct CommandGenerator: Sendable {
    let dispatcher: SNMPDispatcher
    /// Engine IDs learnt by SNMPv3 discovery, by agent address.
    public let engineDirectory: V3EngineDirectory
    /// Round-trip estimates and in-flight limits, by target address.
    public let pacing: TargetPacing
    /// AES-192/256 key-extension detection state, by engine ID and user.
    public let keyExtensions = KeyExtension.Directory()

    /// Creates a command generator on `dispatcher`.
    public init(dispatcher: SNMPDispatcher, engineDirectory: V3EngineDirectory = V3EngineDirectory(),
                pacing: TargetPacing = TargetPacing()) {
        self.dispatcher = dispatcher
        self.engineDirectory = engineDirectory
        self.pacing = pacing
    }

    /// Sends `pdu` (its request-id is replaced by a fresh one) and returns the response.
    ///
    /// For SNMPv3 targets, engine discovery and time synchronisation happen here as needed (RFC 3414 §4),
    /// invisible to the caller; a Report from the agent becomes the matching ``SNMPError``.
    public func send(_ pdu: PDU, to target: SNMPTarget) async throws(SNMPError) -> PDU {
        try Self.checkEncodable(pdu)
        return try await pacing.withSlot(for: target) { () async throws(SNMPError) -> PDU in
            switch target.security {
            case .community:
                return try await sendFuture(pdu, to: target).getSNMP()
            case .usm(let parameters):
                return try await sendV3DetectingKeyExtension(pdu, to: target, parameters)
            }
        }
    }

    /// The same as ``send(_:to:)``, as a future completed on the dispatcher's event loop; bulk walks
    /// chain requests through it without a task hop per round trip. It does not wait for a slot of
    /// ``SNMPTarget/maximumInFlight``.
    public func sendFuture(_ pdu: PDU, to target: SNMPTarget) -> EventLoopFuture<PDU> {
        do {
            try Self.checkEncodable(pdu)
        } catch {
            return dispatcher.eventLoop.makeFailedFuture(error)
        }
        guard pdu.type.isConfirmedClass else {
            return dispatcher.eventLoop.makeFailedFuture(SNMPError(.unsupportedPDU, "\(pdu.type) expects no response"))
        }
        let version = target.version
        switch target.security {
        case .usm:
            let generator = self
            return dispatcher.eventLoop.makeFutureWithTask { () async throws -> PDU in
                try await generator.send(pdu, to: target)
            }
        case .community(_, let community):
            let future = pacing.sendRequest(through: dispatcher, to: target) { id in
                var request = pdu
                request.requestID = id
                var bytes = ByteBuffer()
                bytes.reserveCapacity(64 + request.varBinds.count * 32)
                do {
                    try CommunityMessageProcessing.prepareOutgoingMessage(
                        version: version, community: community, pdu: .pdu(request), into: &bytes)
                } catch let error as MessageProcessingError {
                    throw SNMPError(error.code == .unsupportedPDU ? .unsupportedPDU : .encoding, error.description)
                }
                return bytes
            }
            return future.flatMapErrorThrowing { error in
                throw SNMPError(dispatcherError: error)
            }.flatMapThrowing { message in
                // RFC 3412 §7.2.13: the response must come back in the request's version.
                guard message.version == version, case .pdu(let response) = message.pdu,
                      response.type == .response else {
                    throw SNMPError(.unexpectedResponse, "\(message.pdu.type) in version \(message.version)")
                }
                return response
            }
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
    /// Maps lower layers' errors to the application's codes.
    init(dispatcherError error: any Error) {
        if let error = error as? SNMPError {
            self = error
        } else if let error = error as? DispatcherError {
            switch error.code {
            case .timeout: self = SNMPError(.timeout, error.reason)
            case .shutdown: self = SNMPError(.shutdown, error.reason)
            case .badAddress: self = SNMPError(.badAddress, error.reason)
            case .encoding: self = SNMPError(.encoding, error.reason)
            default: self = SNMPError(.transport, error.reason)
            }
        } else {
            self = SNMPError(.transport, "\(error)")
        }
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
