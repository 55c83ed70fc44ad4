import SNMPMIB
import SNMPSMI

/// Expected output written as NETSNMP-OUTPUT.md writes it: `$` marks a line end (so trailing
/// spaces are visible) and is removed before comparing.
func lines(_ text: String) -> String {
    var result = ""
    var iterator = text.makeIterator()
    var pending: Character?
    while let c = pending ?? iterator.next() {
        pending = nil
        if c == "$" {
            let next = iterator.next()
            if next == nil || next == "\n" {
                if let next { result.append(next) }
                continue
            }
            result.append(c)
            pending = next
            continue
        }
        result.append(c)
    }
    return result
}

/// A renderer with the `-O` letters applied (e.g. `"qv"`); `""` is the default.
func renderer(_ letters: String = "", context: any MIBRenderingContext = NoMIBRenderingContext(),
              precision: String? = nil) throws -> NetSNMPRenderer {
    var options = OutputOptions()
    if !letters.isEmpty { try options.apply(letters) }
    if let precision { options.floatPrecision = precision }
    return NetSNMPRenderer(options: options, context: context)
}

/// The playpen OCTET STRING scalar the interop agent accepts SETs on.
let playpenString: ObjectIdentifier = "1.3.6.1.4.1.8072.9999.1.2.0"

func octets(_ hex: String) -> OctetString {
    var bytes: [UInt8] = []
    var high: UInt8?
    for c in hex.utf8 {
        let v: UInt8
        switch c {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): v = c - UInt8(ascii: "0")
        case UInt8(ascii: "A")...UInt8(ascii: "F"): v = c - UInt8(ascii: "A") + 10
        case UInt8(ascii: "a")...UInt8(ascii: "f"): v = c - UInt8(ascii: "a") + 10
        default: continue
        }
        if let h = high {
            bytes.append(h << 4 | v)
            high = nil
        } else {
            high = v
        }
    }
    return OctetString(bytes)
}

/// A hand-made MIB: names and display information keyed by exact OID prefix, as the MIB store
/// will answer them.
struct FakeMIB: MIBRenderingContext {
    struct Node {
        var labels: [String]
        var module: String
        var info: ObjectDisplayInfo?
    }
    var nodes: [ObjectIdentifier: Node]

    func deepest(_ oid: ObjectIdentifier) -> (ObjectIdentifier, Node)? {
        var arcs = oid.arcs
        while !arcs.isEmpty {
            let candidate = ObjectIdentifier(arcs)
            if let node = nodes[candidate] { return (candidate, node) }
            arcs.removeLast()
        }
        return nil
    }

    func resolveName(of oid: ObjectIdentifier, options: OutputOptions) -> ResolvedObjectName? {
        guard let (prefix, node) = deepest(oid) else { return nil }
        let rest = oid.arcs[prefix.count...]
        let index: String
        if options.extendedIndex {
            index = rest.map { "[\($0)]" }.joined()
        } else {
            index = rest.map { ".\($0)" }.joined()
        }
        return ResolvedObjectName(labels: node.labels, moduleName: node.module, index: index)
    }

    func displayInfo(for oid: ObjectIdentifier) -> ObjectDisplayInfo? {
        deepest(oid)?.1.info
    }

    static let standard = FakeMIB(nodes: [
        "1.3.6.1.2.1.1.1": Node(labels: ["iso", "org", "dod", "internet", "mgmt", "mib-2", "system", "sysDescr"],
                                module: "SNMPv2-MIB",
                                info: ObjectDisplayInfo(syntax: .octetString, displayHint: "255a")),
        "1.3.6.1.2.1.1.4": Node(labels: ["iso", "org", "dod", "internet", "mgmt", "mib-2", "system", "sysContact"],
                                module: "SNMPv2-MIB",
                                info: ObjectDisplayInfo(syntax: .octetString, displayHint: "255a")),
        "1.3.6.1.2.1.2.2.1.3": Node(labels: ["iso", "org", "dod", "internet", "mgmt", "mib-2", "interfaces",
                                             "ifTable", "ifEntry", "ifType"],
                                    module: "IF-MIB",
                                    info: ObjectDisplayInfo(syntax: .integer,
                                                            enumLabels: [1: "other", 6: "ethernetCsmacd",
                                                                         24: "softwareLoopback"])),
        "1.3.6.1.2.1.2.2.1.6": Node(labels: ["iso", "org", "dod", "internet", "mgmt", "mib-2", "interfaces",
                                             "ifTable", "ifEntry", "ifPhysAddress"],
                                    module: "IF-MIB",
                                    info: ObjectDisplayInfo(syntax: .octetString, displayHint: "1x:")),
        "1.3.6.1.2.1.25.2.2": Node(labels: ["iso", "org", "dod", "internet", "mgmt", "mib-2", "host", "hrStorage",
                                            "hrMemorySize"],
                                   module: "HOST-RESOURCES-MIB",
                                   info: ObjectDisplayInfo(syntax: .integer, units: "KBytes")),
        "1.3.6.1.2.1.25.1.2": Node(labels: ["iso", "org", "dod", "internet", "mgmt", "mib-2", "host", "hrSystem",
                                            "hrSystemDate"],
                                   module: "HOST-RESOURCES-MIB",
                                   info: ObjectDisplayInfo(syntax: .octetString,
                                                           displayHint: "2d-1d-1d,1d:1d:1d.1d,1a1d:1d")),
        "1.3.6.1.2.1.88.1.2.2.1.3": Node(labels: ["mteTriggerTest"], module: "DISMAN-EVENT-MIB",
                                         info: ObjectDisplayInfo(syntax: .bits,
                                                                 enumLabels: [0: "existence", 1: "boolean",
                                                                              2: "threshold"])),
        "1.3.6.1.2.1.88.1.2.2.1.4": Node(labels: ["mteTriggerFrequency"], module: "DISMAN-EVENT-MIB",
                                         info: ObjectDisplayInfo(syntax: .gauge32, units: "seconds")),
        "1.3.6.1.2.1.2.2.1.22": Node(labels: ["iso", "org", "dod", "internet", "mgmt", "mib-2", "interfaces",
                                              "ifTable", "ifEntry", "ifSpecific"],
                                     module: "IF-MIB", info: ObjectDisplayInfo(syntax: .objectIdentifier)),
        "0.0": Node(labels: ["ccitt", "zeroDotZero"], module: "SNMPv2-SMI", info: nil),
    ])
}
