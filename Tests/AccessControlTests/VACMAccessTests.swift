import Testing
import SNMPAccessControl
import SNMPSMI

@Suite("isAccessAllowed (RFC 3415 §3.2, §4)")
struct VACMAccessTests {
    /// An RFC 3415 Appendix A style setup: an "initial" group for USM users with a restricted view at
    /// noAuthNoPriv and everything at authNoPriv and above, plus a v2c community.
    static func configuration() throws -> VACMConfiguration {
        var vacm = try VACMConfiguration.readOnlyCommunity("public", view: "system", subtrees: ["1.3.6.1.2.1.1"])
        vacm.add(VACMContext("vlan-10"))
        vacm.add(VACMGroup(securityModel: .usm, securityName: "initial", groupName: "initial"))
        vacm.add(VACMGroup(securityModel: .usm, securityName: "ops", groupName: "initial"))
        vacm.add(VACMAccess(groupName: "initial", securityModel: .usm, securityLevel: .noAuthNoPriv,
                            readView: "restricted", notifyView: "restricted"))
        vacm.add(VACMAccess(groupName: "initial", securityModel: .usm, securityLevel: .authNoPriv,
                            readView: "internet", writeView: "internet", notifyView: "internet"))
        vacm.add(VACMAccess(groupName: "initial", contextPrefix: "vlan", contextMatch: .prefix,
                            securityModel: .any, securityLevel: .authNoPriv, readView: "system"))
        vacm.add(VACMAccess(groupName: "initial", contextPrefix: "vlan-1", contextMatch: .prefix,
                            securityModel: .any, securityLevel: .authNoPriv, readView: "restricted"))
        vacm.add(VACMAccess(groupName: "initial", securityModel: .usm, securityLevel: .authPriv,
                            readView: "missing"))
        try vacm.addIncludedView("internet", subtrees: ["1.3.6.1"])
        try vacm.addIncludedView("restricted", subtrees: ["1.3.6.1.2.1.1", "1.3.6.1.2.1.11", "1.3.6.1.6.3.10.2.1",
                                                           "1.3.6.1.6.3.11.2.1", "1.3.6.1.6.3.15.1.1"])
        return vacm
    }

    struct Vector: Sendable, CustomStringConvertible {
        let name: String
        let model: SecurityModelID
        let user: String
        let level: SecurityLevel
        let viewType: VACMViewType
        let context: String
        let oid: String
        let expected: VACMAccessStatus
        var description: String { name }
    }

    // Source: RFC 3415 §3.2 steps 1–5 and the §4 access selection rules, one vector per outcome.
    static let vectors: [Vector] = [
        Vector(name: "community reads system", model: .v2c, user: "public", level: .noAuthNoPriv, viewType: .read,
               context: "", oid: "1.3.6.1.2.1.1.1.0", expected: .accessAllowed),
        Vector(name: "community outside view", model: .v2c, user: "public", level: .noAuthNoPriv, viewType: .read,
               context: "", oid: "1.3.6.1.2.1.2.1.0", expected: .notInView),
        Vector(name: "community cannot write", model: .v1, user: "public", level: .noAuthNoPriv, viewType: .write,
               context: "", oid: "1.3.6.1.2.1.1.5.0", expected: .noSuchView),
        Vector(name: "unknown context", model: .v2c, user: "public", level: .noAuthNoPriv, viewType: .read,
               context: "nope", oid: "1.3.6.1.2.1.1.1.0", expected: .noSuchContext),
        Vector(name: "unknown community", model: .v2c, user: "private", level: .noAuthNoPriv, viewType: .read,
               context: "", oid: "1.3.6.1.2.1.1.1.0", expected: .noGroupName),
        Vector(name: "community under USM is no group", model: .usm, user: "public", level: .authPriv,
               viewType: .read, context: "", oid: "1.3.6.1.2.1.1.1.0", expected: .noGroupName),
        Vector(name: "noAuth user restricted", model: .usm, user: "initial", level: .noAuthNoPriv, viewType: .read,
               context: "", oid: "1.3.6.1.2.1.2.2.1.1.1", expected: .notInView),
        Vector(name: "noAuth user snmp group", model: .usm, user: "initial", level: .noAuthNoPriv, viewType: .read,
               context: "", oid: "1.3.6.1.2.1.11.1.0", expected: .accessAllowed),
        Vector(name: "auth user higher level entry wins", model: .usm, user: "ops", level: .authNoPriv,
               viewType: .read, context: "", oid: "1.3.6.1.2.1.2.2.1.1.1", expected: .accessAllowed),
        Vector(name: "authPriv picks the highest level entry, whose view is missing", model: .usm, user: "ops",
               level: .authPriv, viewType: .read, context: "", oid: "1.3.6.1.2.1.1.1.0", expected: .noSuchView),
        Vector(name: "no write view at noAuth", model: .usm, user: "ops", level: .noAuthNoPriv, viewType: .write,
               context: "", oid: "1.3.6.1.2.1.1.5.0", expected: .noSuchView),
        Vector(name: "longer context prefix wins", model: .usm, user: "ops", level: .authNoPriv, viewType: .read,
               context: "vlan-10", oid: "1.3.6.1.2.1.2.1.0", expected: .notInView),
        Vector(name: "context level too low", model: .usm, user: "ops", level: .noAuthNoPriv, viewType: .read,
               context: "vlan-10", oid: "1.3.6.1.2.1.1.1.0", expected: .noAccessEntry),
    ]

    @Test(arguments: vectors)
    func isAccessAllowed(_ vector: Vector) throws {
        let vacm = try Self.configuration()
        let oid = try #require(ObjectIdentifier(vector.oid))
        let status = vacm.isAccessAllowed(securityModel: vector.model, securityName: vector.user,
                                          securityLevel: vector.level, viewType: vector.viewType,
                                          contextName: vector.context, variable: oid)
        #expect(status == vector.expected)
    }

    @Test func securityModelMatchIsPreferredOverAny() {
        var vacm = VACMConfiguration()
        vacm.add(VACMGroup(securityModel: .v2c, securityName: "c", groupName: "g"))
        vacm.add(VACMAccess(groupName: "g", securityModel: .any, securityLevel: .noAuthNoPriv, readView: "any"))
        vacm.add(VACMAccess(groupName: "g", securityModel: .v2c, securityLevel: .noAuthNoPriv, readView: "v2c"))
        let entry = vacm.accessEntry(groupName: "g", contextName: "", securityModel: .v2c, securityLevel: .noAuthNoPriv)
        #expect(entry?.readView == "v2c")
    }

    @Test func exactContextIsPreferredOverPrefix() {
        var vacm = VACMConfiguration()
        vacm.add(VACMAccess(groupName: "g", contextPrefix: "ctx", contextMatch: .prefix, readView: "prefix"))
        vacm.add(VACMAccess(groupName: "g", contextPrefix: "ctx", contextMatch: .exact, securityModel: .usm,
                            readView: "exact"))
        vacm.add(VACMAccess(groupName: "g", contextPrefix: "c", contextMatch: .prefix, securityModel: .usm,
                            readView: "short"))
        let exact = vacm.accessEntry(groupName: "g", contextName: "ctx", securityModel: .usm, securityLevel: .authPriv)
        #expect(exact?.readView == "exact")
        let longer = vacm.accessEntry(groupName: "g", contextName: "ctx2", securityModel: .v2c,
                                      securityLevel: .noAuthNoPriv)
        #expect(longer?.readView == "prefix")
    }

    @Test func userBuilderGivesReadWriteAtItsLevel() throws {
        var vacm = VACMConfiguration()
        try vacm.addUser("admin", securityLevel: .authPriv, readView: "all", writeView: "all")
        #expect(vacm.isAccessAllowed(securityModel: .usm, securityName: "admin", securityLevel: .authPriv,
                                     viewType: .write, contextName: "", variable: "1.3.6.1.2.1.1.5.0") == .accessAllowed)
        #expect(vacm.isAccessAllowed(securityModel: .usm, securityName: "admin", securityLevel: .authNoPriv,
                                     viewType: .read, contextName: "", variable: "1.3.6.1.2.1.1.5.0") == .noAccessEntry)
    }
}
