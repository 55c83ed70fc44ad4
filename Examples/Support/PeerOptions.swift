import SNMP

/// The command line of `snmp-examples NAME`: Net-SNMP's credential letters, plus where the peer is.
enum PeerOptions {
    static let usage = """
        usage: snmp-examples list [--markdown]
               snmp-examples NAME [options]      NAME as `list` prints it (group/name, or name when unique)

        With no --agent / --listen, the example runs offline against our own agent or receiver on free
        loopback ports. Options:
          --agent ADDR            the agent (or notification receiver) to talk to: [udp:|udp6:]HOST[:PORT]
          --agent6 ADDR           the same over IPv6, for the IPv6 scenarios (default: --agent)
          --listen ADDR           where an agent or receiver example listens (repeatable)
          --for SECONDS           with --listen: serve this long, then stop
          -c COMMUNITY            read community (default public)
          --write-community C     write community (default private)
          -u USER                 SNMPv3 user (default: the example's fixture user, e.g. usr-md5-des)
          -A PASSPHRASE           authentication passphrase (default authkey1234)
          -X PASSPHRASE           privacy passphrase (default privkey1234)
          -e ENGINEID             authoritative engine ID, hex (the agent's; a trap sender's own)
          -E ENGINEID             context engine ID, hex
          -n CONTEXT              context name
        """

    /// Parses the options after NAME into a peer (`isOffline` stays true unless --agent/--listen is given).
    static func parse(_ arguments: [String]) throws -> Peer {
        var peer = Peer()
        var agent6: String?
        var iterator = arguments.makeIterator()
        func value(_ option: String) throws -> String {
            guard let value = iterator.next() else { throw ExampleError("\(option) needs a value\n\n\(usage)") }
            return value
        }
        func hex(_ option: String) throws -> OctetString {
            let text = try value(option)
            guard let bytes = try? hexBytes(text.lowercased()) else {
                throw ExampleError("\(option) \(text): not a hex engine ID")
            }
            guard (5...32).contains(bytes.count) else {
                throw ExampleError("\(option) \(text): an engine ID has 5 to 32 octets (RFC 3411 §5)")
            }
            return OctetString(bytes)
        }
        while let option = iterator.next() {
            switch option {
            case "--agent":
                peer.agent = try value(option)
                peer.isOffline = false
            case "--agent6": agent6 = try value(option)
            case "--listen":
                peer.listen.append(try value(option))
                peer.isOffline = false
            case "--for":
                let text = try value(option)
                guard let seconds = Int(text), seconds > 0 else { throw ExampleError("--for \(text): not a number of seconds") }
                peer.serveFor = .seconds(seconds)
            case "-c": peer.community = try value(option)
            case "--write-community": peer.writeCommunity = try value(option)
            case "-u": peer.user = try value(option)
            case "-A": peer.authKey = try value(option)
            case "-X": peer.privKey = try value(option)
            case "-e": peer.engineID = try hex(option)
            case "-E": peer.contextEngineID = try hex(option)
            case "-n": peer.contextName = try value(option)
            default: throw ExampleError("unknown option \(option)\n\n\(usage)")
            }
        }
        peer.agent6 = agent6 ?? peer.agent
        return peer
    }
}
