// libFuzzer target: the agent's whole request path, packet in -> response out. A real `SNMPAgent` (built-in MIBs,
// communities, USM users, VACM with a restricted view) runs in this process; each input goes the way the agent
// takes a datagram: the version picks the message processing model (RFC 3412 §4.2.1), the community table or
// USM accepts it, the command responder answers under VACM, and the answer is encoded in the request's own
// version and security. This mirrors SNMPAgent's receive paths without its sockets, so one input is one request.
import Dispatch
import NIOCore
import SNMPAccessControl
import SNMPAgent
import SNMPApplications
import SNMPMessageProcessing
import SNMPSecurity
import SNMPSMI

/// A value handed from the agent's task back to the fuzzer's thread, which waits on the semaphore.
final class Handoff<T: Sendable>: @unchecked Sendable {
    private let semaphore = DispatchSemaphore(value: 0)
    private var value: T?
    func put(_ value: T) { self.value = value; semaphore.signal() }
    func take() -> T? { semaphore.wait(); return value }
}

/// Runs `body` on the concurrency pool and waits for it (the fuzzer calls us synchronously).
func wait<T: Sendable>(_ body: @escaping @Sendable () async throws -> T) -> T? {
    let handoff = Handoff<T?>()
    Task { handoff.put(try? await body()) }
    return handoff.take() ?? nil
}

let engineID = OctetString([0x80, 0x00, 0x1F, 0x88, 0x80, 0xAA, 0xBB, 0xCC, 0xDD, 0x00, 0x00, 0x00, 0x01])

/// The agent under test, started on first use (globals are lazy in a library-mode file).
let agent: SNMPAgent = {
    guard let agent = makeAgent() else { fatalError("the fuzzing agent did not start") }
    return agent
}()
/// The agent's community table, as its dispatcher handler consults it.
let communities: CommunityTable = (try? agent.configuration.accessControl().communities) ?? CommunityTable()

func makeAgent() -> SNMPAgent? {
    var configuration = AgentConfiguration()
    configuration.listenAddresses = ["udp:127.0.0.1:0"]
    configuration.engineID = engineID
    configuration.servesInterfaces = false
    configuration.communities = [
        AgentCommunity("public"), AgentCommunity("private", access: .readWrite),
        AgentCommunity("system", view: "system"),
    ]
    func user(_ name: String, _ auth: USMAuthProtocol, _ priv: USMPrivProtocol) -> USMUser {
        USMUser(userName: OctetString(name), auth: auth, authSecret: auth.isNone ? nil : .passphrase("authkey1234"),
                priv: priv, privSecret: priv.isNone ? nil : .passphrase("privkey1234"))
    }
    configuration.users = [
        AgentUser(user("usr-sha256-aes128", .hmacSHA256, .aes128)),
        AgentUser(user("usr-md5-des", .hmacMD5, .des), access: .readOnly),
        AgentUser(user("usr-sha-none", .hmacSHA, .none), view: "system"),
        AgentUser(user("usr-none-none", .none, .none), access: .readOnly, view: "system"),
    ]
    guard let system = try? VACMView.included("system", subtrees: ["1.3.6.1.2.1.1"]) else { return nil }
    configuration.vacm.add(system)
    let started = configuration
    return wait { try await SNMPAgent.start(configuration: started, registerMIB: { mib in
        try mib.register(scalar: "1.3.6.1.4.1.32473.1.1", access: .readWrite, get: { .integer(42) }, set: { _ in })
    }) }
}

/// The Response (or Report) bytes the agent sends for `bytes`, or `nil` when it sends nothing.
func answer(_ bytes: ByteBuffer) -> ByteBuffer? {
    switch CommunityMessage.peekVersion(bytes) {
    case .v1?, .v2c?:
        guard let message = try? CommunityMessageProcessing.prepareDataElements(bytes),
              let entry = communities.entry(for: message.securityName),
              let request = ResponderRequest(message: message, community: entry) else { return nil }
        guard case .response(let pdu)? = wait({ await agent.responder.process(request) }) else { return nil }
        var out = ByteBuffer()
        try? CommunityMessageProcessing.prepareOutgoingMessage(
            version: message.version, community: message.securityName, pdu: .pdu(pdu), into: &out)
        return out
    case .v3?:
        switch agent.engine.v3.prepareDataElements(bytes) {
        case .report(let reply, _):
            return reply
        case .drop:
            return nil
        case .message(let message):
            guard case .pdu(let pdu) = message.pdu, let details = message.v3 else { return nil }
            let request = ResponderRequest(
                pdu: pdu, version: .v3, securityModel: .usm,
                securityName: message.securityName.utf8String ?? message.securityName.description,
                securityLevel: message.securityLevel,
                contextName: message.contextName.utf8String ?? message.contextName.description,
                maximumResponseSize: max(0, min(message.maxSize, 65_507) - 200))
            guard case .response(let response)? = wait({ await agent.responder.process(request) }) else { return nil }
            return try? agent.engine.v3.prepareResponse(to: details, contextEngineID: message.contextEngineID,
                                                        contextName: message.contextName, pdu: response)
        }
    default:
        return nil
    }
}

/// Sets up the long-lived state before the first input, so that its allocations are not charged to an input
/// (libFuzzer's leak check compares allocations and frees per input).
@_cdecl("LLVMFuzzerInitialize")
public func initialize(_ argc: UnsafeMutablePointer<CInt>?, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>?) -> CInt {
    _ = agent
    _ = communities
    return 0
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let bytes = ByteBuffer(bytes: UnsafeBufferPointer(start: start, count: count))
    guard let reply = answer(bytes) else { return 0 }
    // Whatever the agent sends must itself be a well-formed message (RFC 3417: at most 65,507 octets over UDP).
    if reply.readableBytes > 65_507 { fatalError("reply of \(reply.readableBytes) octets") }
    if CommunityMessage.peekVersion(reply) == .v3 {
        if (try? SNMPv3Message(berEncoded: reply)) == nil { fatalError("reply does not decode") }
    } else if (try? CommunityMessage(berEncoded: reply)) == nil {
        fatalError("reply does not decode")
    }
    return 0
}
