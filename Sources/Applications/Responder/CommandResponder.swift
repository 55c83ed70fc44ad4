public import SNMPSMI
public import SNMPAccessControl
import SNMPSecurity
import NIOCore
import NIOConcurrencyHelpers

/// The command responder application (RFC 3413 §3.2): answers Get, GetNext, GetBulk and Set from a
/// ``ManagedObjectTree`` under VACM (RFC 3415), with RFC 3416 semantics and RFC 3584 §4.4 for SNMPv1.
///
/// It owns no socket: the dispatcher's unsolicited-message handler builds a ``ResponderRequest``,
/// awaits ``process(_:)`` and sends what comes back.
///
/// ```swift
/// var mib = ManagedObjectTree()
/// try mib.register(scalar: "1.3.6.1.2.1.1.5", get: { .octetString("agent-1") })
/// let responder = CommandResponder(mib: mib, vacm: try .readOnlyCommunity("public", view: "all"))
/// let outcome = await responder.process(request)   // .response(pdu), .unknownContext or .drop
/// ```
public final class CommandResponder: Sendable {
    /// Limits on the work one request may cause.
    public struct Configuration: Sendable {
        /// The most varbinds a GetBulk response carries, whatever max-repetitions asks for
        /// (RFC 3416 §4.2.3 lets an agent stop early).
        public var maximumBulkVarBinds: Int = 1_000

        /// The defaults.
        public init() {}
    }

    private struct State: Sendable {
        var mib: ManagedObjectTree
        var vacm: VACMConfiguration
    }

    private let state: NIOLockedValueBox<State>
    private let counters = NIOLockedValueBox(ResponderStatistics())
    /// The limits.
    public let configuration: Configuration

    /// Creates a responder over `mib` with access decided by `vacm`.
    public init(mib: ManagedObjectTree, vacm: VACMConfiguration, configuration: Configuration = Configuration()) {
        self.state = NIOLockedValueBox(State(mib: mib, vacm: vacm))
        self.configuration = configuration
    }

    /// The MIB in use.
    public var mib: ManagedObjectTree { state.withLockedValue { $0.mib } }
    /// The VACM configuration in use.
    public var vacm: VACMConfiguration { state.withLockedValue { $0.vacm } }
    /// Replaces the MIB; requests in progress finish with the old one.
    public func update(mib: ManagedObjectTree) { state.withLockedValue { $0.mib = mib } }
    /// Replaces the VACM configuration; requests in progress finish with the old one.
    public func update(vacm: VACMConfiguration) { state.withLockedValue { $0.vacm = vacm } }
    /// A snapshot of the counters.
    public var statistics: ResponderStatistics { counters.withLockedValue { $0 } }

    /// Processes one request (RFC 3413 §3.2 steps 1–5) and says what to send back.
    public func process(_ request: ResponderRequest) async -> ResponderOutcome {
        let pdu = request.pdu
        let isV1 = request.version == .v1
        let isSet = pdu.type == .setRequest
        guard pdu.type == .getRequest || pdu.type == .getNextRequest || isSet
            || (pdu.type == .getBulkRequest && !isV1) else { return .drop }
        let (mib, vacm) = state.withLockedValue { ($0.mib, $0.vacm) }

        // RFC 3413 §3.2 step 5: isAccessAllowed, resolved once for the request since every status but
        // notInView depends only on principal, context and operation.
        let view: VACMView
        switch vacm.resolveView(securityModel: request.securityModel, securityName: request.securityName,
                                securityLevel: request.securityLevel, viewType: isSet ? .write : .read,
                                contextName: request.contextName) {
        case .view(let resolved):
            view = resolved
        case .denied(.noSuchContext):
            let counter = counters.withLockedValue { counters in
                counters.unknownContexts &+= 1
                return counters.unknownContexts
            }
            return request.version == .v3 ? .unknownContext(counter: counter) : .drop
        case .denied(let status):
            // noSuchView, noAccessEntry, noGroupName -> authorizationError; otherError -> genErr. The whole
            // request is refused, not one varbind, so error-index is 0 (as Net-SNMP's snmpd answers).
            let error: ErrorStatus = status == .otherError ? .genErr : .authorizationError
            if error == .authorizationError { counters.withLockedValue { $0.authorizationErrors &+= 1 } }
            return finish(errorResponse(pdu, error, index: 0), request: request)
        }

        let response: PDU
        switch pdu.type {
        case .getRequest: response = await get(pdu, mib: mib, view: view, isV1: isV1)
        case .getNextRequest: response = await getNext(pdu, mib: mib, view: view, isV1: isV1)
        case .getBulkRequest:
            response = await getBulk(pdu, mib: mib, view: view, limit: request.maximumResponseSize)
            // ResponseSizer already fitted these varbinds to the limit, encoding each once: no second pass.
            if response.errorStatus == .noError { return .response(response) }
        default: response = await set(pdu, mib: mib, view: view)
        }
        return finish(response, request: request)
    }

    /// An error Response-PDU: RFC 3416 §4.2.x returns the request's varbinds unchanged.
    func errorResponse(_ request: PDU, _ status: ErrorStatus, index: Int) -> PDU {
        PDU(type: .response, requestID: request.requestID, errorStatus: status, errorIndex: Int32(index),
            varBinds: request.varBinds)
    }

    /// RFC 3584 §4.4 for SNMPv1, then the size check of RFC 3416 §4.2.1 (and RFC 1157 §4.1.2).
    private func finish(_ response: PDU, request: ResponderRequest) -> ResponderOutcome {
        var response = response
        if request.version == .v1 {
            response.errorStatus = Self.v1ErrorStatus(response.errorStatus)
            if response.errorStatus != .noError { response.varBinds = request.pdu.varBinds }
        }
        if Self.encodedSize(response) <= request.maximumResponseSize { return .response(response) }
        counters.withLockedValue { $0.tooBigs &+= 1 }
        // v2c/v3 send tooBig with no varbinds; SNMPv1's GetResponse keeps the request's (RFC 1157 §4.1.2).
        let tooBig = PDU(type: .response, requestID: response.requestID, errorStatus: .tooBig, errorIndex: 0,
                         varBinds: request.version == .v1 ? request.pdu.varBinds : [])
        if Self.encodedSize(tooBig) <= request.maximumResponseSize { return .response(tooBig) }
        counters.withLockedValue { $0.silentDrops &+= 1 }
        return .drop
    }

    static func encodedSize(_ pdu: PDU) -> Int {
        var buffer = ByteBuffer()
        pdu.serialize(into: &buffer)
        return buffer.readableBytes
    }

    /// RFC 3584 §4.4: the SNMPv1 error-status for an SNMPv2 one.
    public static func v1ErrorStatus(_ status: ErrorStatus) -> ErrorStatus {
        switch status {
        case .noError, .tooBig, .noSuchName, .badValue, .readOnly, .genErr:
            return status
        case .wrongValue, .wrongEncoding, .wrongType, .wrongLength, .inconsistentValue:
            return .badValue
        case .noAccess, .notWritable, .noCreation, .inconsistentName, .authorizationError:
            return .noSuchName
        default:
            // resourceUnavailable, commitFailed, undoFailed, and anything unknown.
            return .genErr
        }
    }

    /// The error-status a handler's error stands for: its SNMP status when it threw one, else genErr.
    static func status(of error: any Error) -> ErrorStatus {
        if let error = error as? SNMPError, let status = error.errorStatus, status != .noError { return status }
        return .genErr
    }
}
