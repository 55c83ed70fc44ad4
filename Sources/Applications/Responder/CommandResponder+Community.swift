public import NIOCore
import SNMPSMI
public import SNMPSecurity
public import SNMPMessageProcessing

extension CommandResponder {
    /// What to do with a v1/v2c request after ``respond(to:communities:)``.
    public enum CommunityReply: Sendable {
        /// Send these bytes back to the requester.
        case send(ByteBuffer)
        /// The community is not in the table: drop, and count snmpInBadCommunityNames (RFC 3584 §5.2.1).
        case badCommunity
        /// Send nothing.
        case none
    }

    /// Answers a v1/v2c request end to end: community table lookup (RFC 3584 §5.2.1), ``process(_:)``,
    /// and the encoded response message with the request's version and community.
    public func respond(to message: IncomingMessage, communities: CommunityTable) async -> CommunityReply {
        guard message.version == .v1 || message.version == .v2c else { return .none }
        guard let entry = communities.entry(for: message.securityName) else { return .badCommunity }
        guard let request = ResponderRequest(message: message, community: entry) else { return .none }
        guard case .response(let pdu) = await process(request) else { return .none }
        var bytes = ByteBuffer()
        CommunityMessage(version: message.version, community: message.securityName, pdu: .pdu(pdu))
            .serialize(into: &bytes)
        return .send(bytes)
    }
}
