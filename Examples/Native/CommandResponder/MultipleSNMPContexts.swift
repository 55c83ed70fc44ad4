// multiple-snmp-contexts (native API): SNMPv3 requests name a context (RFC 3411 §3.3.1); this agent
// answers the default context from its standard MIB and context "lab" from a tree of its own, by handing
// each SNMPv3 request to the command responder of its context.
//
// Net-SNMP: snmpd with a context per subagent (`-n lab` on the manager side):
//   snmpget -v3 -l authPriv -u usr-sha-aes128 -a SHA -A authkey1234 -x AES -X privkey1234 -n lab HOST:161 .1.3.6.1.4.1.32473.6.1.0
import NIOCore
import SNMP
import SNMPAccessControl

enum MultipleSNMPContexts: ResponderExample {
    static let name = "multiple-snmp-contexts"
    static let group = ExampleGroup.cmdrsp
    static let summary = "one agent serving a different MIB in each SNMPv3 context"

    static func run(_ peer: Peer) async throws {
        let user = USMUser(userName: "usr-sha-aes128", auth: .hmacSHA, authSecret: .passphrase(peer.authKey),
                           priv: .aes128, privSecret: .passphrase(peer.privKey))
        // The "lab" context: its own objects and its own VACM (group, access for that context, view).
        var labMIB = ManagedObjectTree()
        try labMIB.register(scalar: "1.3.6.1.4.1.32473.6.1", get: { .octetString("the lab context") })
        var labVACM = VACMConfiguration()
        labVACM.add(VACMContext("lab"))
        labVACM.add(VACMGroup(securityModel: .usm, securityName: "usr-sha-aes128", groupName: "lab-users"))
        labVACM.add(VACMAccess(groupName: "lab-users", contextPrefix: "lab", securityModel: .usm,
                               securityLevel: .authPriv, readView: "all"))
        try labVACM.addIncludedView("all", subtrees: ["1"])
        let lab = CommandResponder(mib: labMIB, vacm: labVACM)

        var configuration = AgentConfiguration()
        configuration.listenAddresses = peer.listen(or: ["udp:127.0.0.1:0"])
        configuration.users = [AgentUser(user)]
        let agent = try await SNMPAgent.start(configuration: configuration, secureRequestHandler: { message, source, reply, agent in
            guard case .pdu(let pdu) = message.pdu else { return }
            let contextName = message.contextName.utf8String ?? ""
            let responder = contextName == "lab" ? lab : agent.responder
            let request = ResponderRequest(pdu: pdu, version: .v3, securityModel: .usm,
                                           securityName: message.securityName.utf8String ?? "",
                                           securityLevel: message.securityLevel, contextName: contextName,
                                           maximumResponseSize: max(0, message.maxSize - 300))
            Task {
                switch await responder.process(request) {
                case .response(let response):
                    reply.returnResponsePDU(to: message, from: source, pdu: response)
                case .unknownContext(let counter):
                    // RFC 3413 §3.2 step 3: snmpUnknownContexts.0 in a Report.
                    var report = message
                    report.contextEngineID = agent.engine.engineID
                    reply.returnResponsePDU(to: report, from: source, pdu: PDU(type: .report, requestID: pdu.requestID,
                                                                      varBinds: [VarBind("1.3.6.1.6.3.12.1.5.0", .counter32(counter))]))
                case .drop:
                    return
                }
            }
        })
        try await peer.serve(on: agent.localAddresses())
        await agent.shutdown()
    }

    /// Offline: the same user reads sysDescr.0 in the default context and the lab object in "lab".
    static func tryIt(_ addresses: [SocketAddress], _ peer: Peer) async throws {
        for (context, name) in [("", "SNMPv2-MIB::sysDescr.0"), ("lab", "1.3.6.1.4.1.32473.6.1.0")] {
            let version = SNMPClient.Version.v3(user: "usr-sha-aes128", auth: .sha(peer.authKey), priv: .aes128(peer.privKey),
                                                contextName: context)
            try await withSNMPClient(agent: ExampleFormat.first(addresses), version: version) { client in
                print("context \"\(context)\": " + client.describe(try await client.get(name)))
            }
        }
    }
}
