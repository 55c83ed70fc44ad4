import Logging
import NIOCore
import NIOConcurrencyHelpers
import SNMP

/// `snmp demo`: the main job in one command. Starts our agent on a free loopback port, walks it with
/// SNMPv3 authPriv (SHA-256 / AES-128), sets sysContact and reads it back, and sends a v3 trap to a
/// receiver started alongside, then stops everything. Nothing leaves 127.0.0.1.
///
/// Names print as `SNMPv2-MIB::sysDescr.0`: the demo loads SNMPv2-MIB and IF-MIB with `-m` as a user would, and
/// on a machine with no MIB files they come from the modules bundled with the package.
enum DemoCommand {
    /// The modules the demo loads, as its command lines say (`-m SNMPv2-MIB:IF-MIB`).
    static let modules = "SNMPv2-MIB:IF-MIB"
    static let user = "demo"
    static let authPass = "demo-auth-pass"
    static let privPass = "demo-priv-pass"

    static func run() async -> Int32 {
        var out = StandardStreams()
        do {
            try await demo(&out)
            out.flush()
            return 0
        } catch {
            out.error("snmp demo: \(error)\n")
            return 1
        }
    }

    static func demo(_ out: inout StandardStreams) async throws {
        let printer = try Printer(arguments: NetSNMPArguments(["-m", modules], tool: "snmp"))
        let demoUser = USMUser(userName: OctetString(user), auth: .hmacSHA256, authSecret: .passphrase(authPass),
                               priv: .aes128, privSecret: .passphrase(privPass))

        // 1. Our agent, SNMPv3 only, on a port the system picks.
        var configuration = AgentConfiguration()
        configuration.listenAddresses = ["udp:127.0.0.1:0"]
        configuration.users = [AgentUser(demoUser)]
        configuration.system.sysDescr = "swift-snmp demo agent"
        configuration.system.sysName = "demo"
        var quiet = Logger(label: "snmp.demo")
        quiet.logLevel = .warning
        let agent = try await SNMPAgent.start(configuration: configuration, logger: quiet)
        defer { Task { await agent.shutdown() } }
        guard let port = try await agent.localAddresses().first?.port else {
            throw CommandLineError("the agent reported no port")
        }
        let agentAddress = "udp:127.0.0.1:\(port)"
        let credentials = "-v3 -l authPriv -u \(user) -a SHA-256 -A \(authPass) -x AES -X \(privPass)"
        let cli = "-m \(modules) \(credentials) \(agentAddress)"
        out.printLine("swift-snmp demo: our agent on \(agentAddress), engine ID \(agent.engineState.engineIDHex),")
        out.printLine("SNMPv3 user \"\(user)\" (authPriv: HMAC-SHA-256 + AES-128). Every step below is also a CLI line.")
        out.printLine("")

        // 2. A manager: SNMPv3 authPriv bulk walks of the system and interfaces groups.
        let client = try await SNMPClient(agent: agentAddress, version: .v3(
            user: user, auth: .sha256(authPass), priv: .aes128(privPass)))
        defer { Task { await client.shutdown() } }
        for name in ["SNMPv2-MIB::system", "IF-MIB::interfaces"] {
            let root = try printer.parseOID(name)
            out.printLine("$ snmp bulkwalk \(cli) \(name)")
            var shown = 0
            for try await varBind in client.bulkWalk(root, maxRepetitions: 25) {
                shown += 1
                guard shown <= 24 else { continue }
                printer.appendLine(varBind, to: &out.out)
            }
            if shown > 24 { out.printLine("... (\(shown - 24) more)") }
            out.printLine("")
        }

        // 3. A SET of sysContact, read back.
        let sysContact = try printer.parseOID("SNMPv2-MIB::sysContact.0")
        let contact = OctetString("noc@example.com")
        out.printLine("$ snmp set \(cli) SNMPv2-MIB::sysContact.0 s \"noc@example.com\"")
        for varBind in try await client.set([VarBind(sysContact, .octetString(contact))]) {
            printer.appendLine(varBind, to: &out.out)
        }
        out.printLine("$ snmp get \(cli) SNMPv2-MIB::sysContact.0")
        let readBack = try await client.get(sysContact)
        printer.appendLine(readBack, to: &out.out)
        guard readBack.value == .octetString(contact) else {
            throw CommandLineError("sysContact did not keep the value set")
        }
        out.printLine("")

        // 4. A trap: the manager's engine sends an SNMPv3 linkUp trap (it is authoritative for traps), and a
        //    receiver that knows the demo user for that engine ID gets it.
        var receiverConfiguration = SNMPEngine.Configuration()
        receiverConfiguration.engineUsers = [(client.engine.engineID, demoUser)]
        let receiverEngine = try await SNMPEngine.start(
            listeningOn: [try SocketAddress(ipAddress: "127.0.0.1", port: 0)], configuration: receiverConfiguration)
        defer { Task { await receiverEngine.shutdown() } }
        let received = NIOLockedValueBox<[ReceivedNotification]>([])
        let receiver = NotificationReceiver(dispatcher: receiverEngine.dispatcher, communities: nil) { notification in
            received.withLockedValue { $0.append(notification) }
        }
        receiver.start()
        guard let trapPort = try await receiverEngine.dispatcher.localAddresses().get().first?.port else {
            throw CommandLineError("the receiver reported no port")
        }
        let trapTarget = try SNMPTarget(
            agent: "udp:127.0.0.1:\(trapPort)",
            security: .usm(USMTargetParameters(userName: OctetString(user), securityLevel: .authPriv)))
        let notification = SNMPNotification(.linkUp, upTime: agent.upTime, varBinds: [
            VarBind("1.3.6.1.2.1.2.2.1.1.1", .integer(1)),
            VarBind("1.3.6.1.2.1.2.2.1.7.1", .integer(1)),
            VarBind("1.3.6.1.2.1.2.2.1.8.1", .integer(1)),
        ])
        out.printLine("$ snmp trap -m \(modules) \(credentials) udp:127.0.0.1:\(trapPort) '' IF-MIB::linkUp "
                      + "IF-MIB::ifIndex.1 i 1 IF-MIB::ifAdminStatus.1 i 1 IF-MIB::ifOperStatus.1 i 1")
        try client.engine.notificationOriginator.sendTrap(notification, to: trapTarget)
        let clock = ContinuousClock()
        let deadline = clock.now + .seconds(5)
        while received.withLockedValue({ $0.isEmpty }) && clock.now < deadline {
            try await Task.sleep(for: .milliseconds(20))
        }
        guard let trap = received.withLockedValue({ $0.first }), let v2 = trap.notification else {
            throw CommandLineError("no trap arrived within 5 seconds")
        }
        out.printLine("receiver on udp:127.0.0.1:\(trapPort) got an SNMPv3 \(trap.pdu.type) from udp:\(trap.source.ipAddress ?? "?"):\(trap.source.port ?? 0), "
                      + "user \"\(trap.securityName)\", \(trap.securityLevel):")
        for varBind in v2.allVarBinds { printer.appendLine(varBind, to: &out.out) }
        out.printLine("")
        out.printLine("Done: agent, authPriv walk, SET read back and a trap received, all on loopback.")
    }
}
