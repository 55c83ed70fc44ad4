import SNMPSMI
import SNMPSecurity
import SNMPAccessControl

/// Who may do what: snmpd's VACM directives, and the shorthand rocommunity/rouser lines expanded into
/// com2sec, group, view and access entries exactly as snmpd expands them (vacm_conf.c), so the names
/// (`comm1`, `grpcomm1`, `viewComm1`, `grpalice`, `viewUSM2`) and the context matching are snmpd's.
extension SnmpdConfReader {

    /// `rocommunity [-v 1|2c] COMMUNITY [SOURCE [OID | -V VIEW [CONTEXT]]]` (and rw, and the `6` forms).
    mutating func simpleCommunity(_ keyword: String, _ arguments: [String]) throws(LineError) {
        var rest = arguments[...]
        var models: [SecurityModelID] = [.v1, .v2c]
        if rest.first == "-v" {
            rest = rest.dropFirst()
            switch rest.popFirst()?.lowercased() {
            case "1", "v1": models = [.v1]
            case "2c", "v2c": models = [.v2c]
            default: throw LineError("illegal line")
            }
        }
        guard let community = rest.popFirst() else { throw LineError("illegal line") }
        let ipv6 = keyword.hasSuffix("6")
        let sourceText = rest.popFirst() ?? "default"
        guard let source = AgentSource(parsing: sourceText, ipv6: ipv6) else {
            throw LineError("bad source address \(sourceText)")
        }
        let (oid, namedView, context) = try viewAndContext(&rest)
        simpleCount += 1
        let secName = "comm\(simpleCount)"
        configuration.communityMappings.append(AgentCommunityMapping(
            community: community, source: source, securityName: secName, contextName: context.name))
        let group = "grp" + secName
        for model in models {
            configuration.vacm.add(VACMGroup(securityModel: model, securityName: secName, groupName: group))
        }
        let view = try simpleView(oid: oid, named: namedView, generated: "viewComm\(simpleCount)")
        addSimpleAccess(group: group, context: context, model: .any, level: .noAuthNoPriv, view: view,
                        write: keyword.hasPrefix("rw"))
    }

    /// `rouser [-s MODEL] USER [noauth|auth|priv [OID | -V VIEW [CONTEXT]]]`; the level defaults to auth.
    mutating func simpleUser(write: Bool, _ arguments: [String]) throws(LineError) {
        var rest = arguments[...]
        var model = SecurityModelID.usm
        if rest.first == "-s" {
            rest = rest.dropFirst()
            guard let text = rest.popFirst() else { throw LineError("illegal line") }
            model = try securityModel(text)
        }
        guard let user = rest.popFirst() else { throw LineError("illegal line") }
        let level = try rest.popFirst().map { (text: String) throws(LineError) in try securityLevel(text) } ?? .authNoPriv
        let (oid, namedView, context) = try viewAndContext(&rest)
        simpleCount += 1
        // snmpd: the group is "grp" + the user name, non-alphanumerics replaced by "_".
        let group = "grp" + String(user.prefix(28).map { $0.isLetter || $0.isNumber ? $0 : "_" })
        configuration.vacm.add(VACMGroup(securityModel: model, securityName: user, groupName: group))
        let view = try simpleView(oid: oid, named: namedView, generated: "viewUSM\(simpleCount)")
        addSimpleAccess(group: group, context: context, model: model, level: level, view: view, write: write)
    }

    /// The optional `OID | -V VIEW` and `CONTEXT` of the shorthand lines. No context matches every
    /// context (prefix ""); a context matches exactly, or as a prefix when it ends in `*`.
    private func viewAndContext(_ rest: inout ArraySlice<String>)
        throws(LineError) -> (oid: ObjectIdentifier?, view: String?, context: (name: String, prefix: Bool)) {
        var oid: ObjectIdentifier?
        var view: String?
        if rest.first == "-V" {
            rest = rest.dropFirst()
            guard let name = rest.popFirst() else { throw LineError("illegal line") }
            view = name
        } else if let text = rest.popFirst() {
            oid = try Self.oid(text)
        }
        var context: (name: String, prefix: Bool) = ("", true)
        if let text = rest.popFirst() {
            guard !text.isEmpty else {
                throw LineError("Improper configuration line - if context is specified, it cannot be blank. For an empty context, simply do not specify one instead.")
            }
            context = text.hasSuffix("*") ? (String(text.dropLast()), true) : (text, false)
        }
        guard rest.isEmpty else { throw LineError("unexpected \(rest.first ?? "") at the end of the line") }
        return (oid, view, context)
    }

    /// The view a shorthand line reads through: the named one, `_all_` for none, or a generated view of
    /// the one subtree.
    private mutating func simpleView(oid: ObjectIdentifier?, named: String?, generated: String) throws(LineError) -> String {
        if let named { return named }
        guard let oid else { return "_all_" }
        do {
            configuration.vacm.add(try VACMView(generated, families: [try VACMViewTreeFamily(subtree: oid)]))
        } catch {
            throw LineError("\(error)")
        }
        return generated
    }

    private mutating func addSimpleAccess(group: String, context: (name: String, prefix: Bool), model: SecurityModelID,
                                          level: SecurityLevel, view: String, write: Bool) {
        configuration.vacm.add(VACMAccess(
            groupName: group, contextPrefix: context.name, contextMatch: context.prefix ? .prefix : .exact,
            securityModel: model, securityLevel: level, readView: view,
            writeView: write ? view : "none", notifyView: write ? view : "none"))
    }

    /// `com2sec [-Cn CONTEXT] SECNAME SOURCE COMMUNITY` (RFC 3584 §5.2.1 with a source restriction).
    mutating func com2sec(ipv6: Bool, _ arguments: [String]) throws(LineError) {
        var rest = arguments[...]
        var context = ""
        if rest.first == "-Cn" {
            rest = rest.dropFirst()
            guard let name = rest.popFirst() else { throw LineError("missing CONTEXT_NAME parameter") }
            context = name
        }
        guard let secName = rest.popFirst() else { throw LineError("missing NAME parameter") }
        guard let sourceText = rest.popFirst() else { throw LineError("missing SOURCE parameter") }
        guard let community = rest.popFirst(), rest.isEmpty else { throw LineError("missing COMMUNITY parameter") }
        guard let source = AgentSource(parsing: sourceText, ipv6: ipv6) else {
            throw LineError("bad source address \(sourceText)")
        }
        configuration.communityMappings.append(AgentCommunityMapping(
            community: community, source: source, securityName: secName, contextName: context))
    }

    /// `group NAME MODEL SECURITYNAME`.
    mutating func group(_ arguments: [String]) throws(LineError) {
        guard arguments.count >= 2 else { throw LineError("missing MODEL parameter") }
        guard arguments.count >= 3 else { throw LineError("missing SECURITY parameter") }
        guard arguments[2].utf8.count <= 32 else { throw LineError("security name too long") }
        configuration.vacm.add(VACMGroup(securityModel: try securityModel(arguments[1]), securityName: arguments[2],
                                         groupName: arguments[0]))
    }

    /// `view NAME included|excluded SUBTREE [MASK]`; the mask's octets are hex, separated by `:`, `.` or blanks.
    mutating func view(_ arguments: [String], rest: String) throws(LineError) {
        guard arguments.count >= 2 else { throw LineError("missing TYPE parameter") }
        guard arguments.count >= 3 else { throw LineError("missing SUBTREE parameter") }
        let type: VACMViewTreeFamily.FamilyType
        switch arguments[1] {
        case "included": type = .included
        case "excluded": type = .excluded
        default: throw LineError("TYPE must be included/excluded?")
        }
        let subtree = try Self.oid(arguments[2])
        var mask: [UInt8] = []
        for word in arguments.dropFirst(3) {
            for part in word.split(whereSeparator: { $0 == ":" || $0 == "." }) {
                guard let octet = UInt8(part, radix: 16) else { throw LineError("invalid MASK") }
                mask.append(octet)
            }
        }
        guard mask.count <= VACMViewTreeFamily.maximumMaskLength else { throw LineError("MASK too long") }
        do {
            configuration.vacm.add(try VACMView(arguments[0], families: [
                try VACMViewTreeFamily(subtree: subtree, mask: mask, type: type),
            ]))
        } catch {
            throw LineError("\(error)")
        }
    }

    /// `access GROUP CONTEXT MODEL LEVEL exact|prefix READ WRITE NOTIFY`.
    mutating func access(_ arguments: [String]) throws(LineError) {
        let missing = ["CONTEXT", "MODEL", "LEVEL", "PREFIX", "READ", "WRITE", "NOTIFY"]
        guard arguments.count >= 8 else { throw LineError("missing \(missing[max(0, arguments.count - 1)]) parameter") }
        let match: VACMAccess.ContextMatch
        switch arguments[4] {
        case "exact": match = .exact
        case "prefix": match = .prefix
        default: throw LineError("bad prefix match parameter, should be: exact or prefix")
        }
        let context = arguments[1] == "\"\"" || arguments[1] == "''" ? "" : arguments[1]
        configuration.vacm.add(VACMAccess(
            groupName: arguments[0], contextPrefix: context, contextMatch: match,
            securityModel: try securityModel(arguments[2]), securityLevel: try securityLevel(arguments[3]),
            readView: arguments[5], writeView: arguments[6], notifyView: arguments[7]))
    }

    func securityModel(_ text: String) throws(LineError) -> SecurityModelID {
        switch text.lowercased() {
        case "any": return .any
        case "v1": return .v1
        case "v2c": return .v2c
        case "usm": return .usm
        default: throw LineError("bad security model, should be: v1, v2c or usm or a registered security plugin name")
        }
    }

    func securityLevel(_ text: String) throws(LineError) -> SecurityLevel {
        switch text.lowercased() {
        case "noauth", "noauthnopriv": return .noAuthNoPriv
        case "auth", "authnopriv": return .authNoPriv
        case "priv", "authpriv": return .authPriv
        default: throw LineError("bad security level (noauthnopriv, authnopriv, authpriv)")
        }
    }

    /// The MIB-II names snmpd.conf files commonly use for subtrees (snmpd reads them with its MIBs).
    static let subtreeNames: [String: ObjectIdentifier] = [
        "iso": [1], "org": [1, 3], "dod": [1, 3, 6], "internet": [1, 3, 6, 1], "mgmt": [1, 3, 6, 1, 2],
        "mib-2": [1, 3, 6, 1, 2, 1], "system": [1, 3, 6, 1, 2, 1, 1], "interfaces": [1, 3, 6, 1, 2, 1, 2],
        "ip": [1, 3, 6, 1, 2, 1, 4], "snmp": [1, 3, 6, 1, 2, 1, 11], "ifMIB": [1, 3, 6, 1, 2, 1, 31],
        "private": [1, 3, 6, 1, 4], "enterprises": [1, 3, 6, 1, 4, 1], "snmpV2": [1, 3, 6, 1, 6],
        "snmpModules": [1, 3, 6, 1, 6, 3],
    ]

    /// A numeric OID (`.1.3.6.1`, `1.3.6.1`), or a name of ``subtreeNames`` optionally followed by arcs
    /// (`system.9`, `.iso.org.dod.internet`).
    static func oid(_ text: String) throws(LineError) -> ObjectIdentifier {
        var trimmed = text.hasPrefix(".") ? String(text.dropFirst()) : text
        if trimmed.hasSuffix(".") { trimmed.removeLast() }
        if let oid = ObjectIdentifier(trimmed), !oid.isEmpty { return oid }
        var arcs: [UInt32] = []
        for part in trimmed.split(separator: ".") {
            if let number = UInt32(part) {
                arcs.append(number)
            } else if let named = subtreeNames[String(part)], arcs.isEmpty || named.arcs.count > arcs.count {
                arcs = named.arcs
            } else {
                throw LineError("bad SUBTREE object id")
            }
        }
        guard !arcs.isEmpty else { throw LineError("bad SUBTREE object id") }
        return ObjectIdentifier(arcs)
    }
}
