public import SNMPSMI

/// A USM user written as Net-SNMP's `createUser` writes one — the one user syntax of every swift-snmp
/// command line and configuration file (`snmp agent --user`, `snmp trapd --user`, `createUser` lines in
/// snmpd.conf and snmptrapd.conf, and anything else that takes users):
///
/// ```
/// [-e ENGINEID] NAME [AUTH [-m|-l] AUTHSECRET [PRIV [-m|-l] [PRIVSECRET]]]
/// ```
///
/// - `AUTH`: MD5, SHA, SHA-224, SHA-256, SHA-384, SHA-512; `PRIV`: DES, AES, AES-192, AES-256 (as
///   Net-SNMP names them; `none` is accepted for either).
/// - A secret is a passphrase (at least 8 characters, RFC 3414 §11.2), `-m HEX` a master key Ku, or
///   `-l HEX` a key already localized to the engine (Kul). Without a privacy secret the authentication
///   one is used, as createUser does.
/// - `-e ENGINEID` (hex) names the engine the user belongs to; without it, the local engine's.
///
/// On a command line the same words may be joined by colons instead of blanks
/// (`alice:SHA-256:authpass123:AES:privpass123`, `-e:8000...:bob:SHA:-l:0x1234...`); the earlier forms
/// `NAME:none::none:` and a trailing `:ENGINEID` after `NAME:AUTH:PASS[:PRIV:PASS]` are still read.
///
/// ```swift
/// let alice = try USMUserDefinition(parsing: "alice SHA-256 authpass123 AES privpass123")
/// let bob = try USMUserDefinition(createUserArguments: ["-e", "0x8000000001", "bob", "SHA", "-m", "0x…"])
/// ```
public struct USMUserDefinition: Hashable, Sendable {
    /// The user and its secrets.
    public var user: USMUser
    /// `-e ENGINEID`: the engine the user belongs to; `nil` for the local (authoritative) engine.
    public var engineID: OctetString?

    /// A user for the local engine (or `engineID`).
    public init(_ user: USMUser, engineID: OctetString? = nil) {
        self.user = user
        self.engineID = engineID
    }

    /// Why a user definition was refused; never repeats a secret.
    public struct SyntaxError: Error, Hashable, Sendable, CustomStringConvertible {
        /// What is wrong, in createUser's terms.
        public let message: String
        /// Creates an error.
        public init(_ message: String) { self.message = message }
        /// The message.
        public var description: String { message }
    }

    /// One `--user` value: createUser's words separated by blanks, or by colons when there is no blank.
    public init(parsing text: String) throws(SyntaxError) {
        let trimmed = text.trimmingBlanks()
        if trimmed.contains(" ") || trimmed.contains("\t") {
            try self.init(createUserArguments: trimmed.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init))
        } else {
            try self.init(words: trimmed.split(separator: ":", omittingEmptySubsequences: false).map(String.init),
                          colonForm: true)
        }
    }

    /// The words after the `createUser` token.
    public init(createUserArguments words: [String]) throws(SyntaxError) {
        try self.init(words: words, colonForm: false)
    }

    private init(words: [String], colonForm: Bool) throws(SyntaxError) {
        var rest = words[...]
        var engineID: OctetString?
        if rest.first == "-e" {
            rest = rest.dropFirst()
            guard let text = rest.popFirst() else { throw SyntaxError("-e needs an engine ID") }
            engineID = try Self.engineID(text)
        }
        guard let name = rest.popFirst(), !name.isEmpty else { throw SyntaxError("missing user name") }
        guard name.utf8.count <= 32 else { throw SyntaxError("user name \(name) is longer than 32 octets") }
        var auth = USMAuthProtocol.none
        var authSecret: USMSecret?
        var priv = USMPrivProtocol.none
        var privSecret: USMSecret?
        if let authName = rest.popFirst() {
            if authName.lowercased() == "none" {
                // The earlier agent form `NAME:AUTH:AUTHPASS:PRIV:PRIVPASS` gave `none` a (ignored) secret.
                if rest.first == "" || (colonForm && !rest.isEmpty) { rest = rest.dropFirst() }
            } else {
                guard let parsed = USMAuthProtocol(netSNMPName: authName) else {
                    throw SyntaxError("unknown authentication protocol for \(name) (MD5, SHA, SHA-224, SHA-256, SHA-384, SHA-512)")
                }
                auth = parsed
                authSecret = try Self.secret(&rest, what: "authentication", of: name, auth: parsed, isAuth: true)
            }
        }
        if let privName = rest.first, colonForm && rest.count == 1 && auth != .none && USMPrivProtocol(netSNMPName: privName) == nil
            && privName.lowercased() != "none" {
            // The earlier trapd form: a trailing `:ENGINEID` after `NAME:AUTH:PASS`.
            guard engineID == nil else { throw SyntaxError("two engine IDs for \(name)") }
            engineID = try Self.engineID(privName)
            rest = rest.dropFirst()
        }
        if let privName = rest.popFirst() {
            if privName.lowercased() == "none" {
                if rest.first == "" || (colonForm && rest.count == 1 && engineID == nil && Self.hex(rest.first ?? "") == nil) {
                    rest = rest.dropFirst()
                }
            } else {
                guard let parsed = USMPrivProtocol(netSNMPName: privName) else {
                    throw SyntaxError("unknown privacy protocol for \(name) (DES, 3DES, AES, AES-192, AES-256, AES-192-C, AES-256-C)")
                }
                guard let authSecret else { throw SyntaxError("privacy needs authentication (\(name))") }
                priv = parsed
                if rest.isEmpty {
                    // createUser: without a privacy secret, the authentication one serves for both.
                    privSecret = authSecret
                } else {
                    privSecret = try Self.secret(&rest, what: "privacy", of: name, auth: auth, isAuth: false)
                }
            }
        }
        if colonForm, rest.count == 1, let last = rest.first {
            guard engineID == nil else { throw SyntaxError("two engine IDs for \(name)") }
            engineID = try Self.engineID(last)
            rest = rest.dropFirst()
        }
        guard rest.isEmpty else { throw SyntaxError("unexpected \(rest.first ?? "") after the user definition of \(name)") }
        self.user = USMUser(userName: OctetString(name), auth: auth, authSecret: authSecret, priv: priv, privSecret: privSecret)
        self.engineID = engineID
    }

    /// `PASSPHRASE`, `-m HEX` or `-l HEX`.
    private static func secret(_ rest: inout ArraySlice<String>, what: String, of name: String, auth: USMAuthProtocol,
                               isAuth: Bool) throws(SyntaxError) -> USMSecret {
        guard let word = rest.popFirst() else { throw SyntaxError("missing \(what) passphrase of \(name)") }
        switch word {
        case "-m", "-l":
            guard let text = rest.popFirst(), let octets = hex(text), !octets.isEmpty else {
                throw SyntaxError("invalid key value argument to \(word) (\(what) key of \(name))")
            }
            // Net-SNMP: "improper key length to -l" for an authentication key of the wrong size.
            if isAuth, let length = auth.keyLength, octets.count != length {
                throw SyntaxError("improper key length to \(word) (\(what) key of \(name): \(length) octets expected)")
            }
            return word == "-m" ? .masterKey(octets) : .localizedKey(octets)
        default:
            guard word.utf8.count >= 8 else {
                throw SyntaxError("the \(what) passphrase of \(name) must have at least 8 characters")
            }
            return .passphrase(word)
        }
    }

    private static func engineID(_ text: String) throws(SyntaxError) -> OctetString {
        guard let octets = hex(text), (5...32).contains(octets.count) else {
            throw SyntaxError("engine ID \(text) is not 5 to 32 octets of hex")
        }
        return OctetString(octets)
    }

    /// Hex octets with an optional `0x` prefix (Net-SNMP's snmp_hex_to_binary); `nil` when not hex.
    public static func hex(_ text: String) -> [UInt8]? {
        var digits = Substring(text)
        if digits.lowercased().hasPrefix("0x") { digits = digits.dropFirst(2) }
        guard digits.count % 2 == 0, !digits.isEmpty else { return nil }
        var octets: [UInt8] = []
        octets.reserveCapacity(digits.count / 2)
        var index = digits.startIndex
        while index < digits.endIndex {
            let next = digits.index(index, offsetBy: 2)
            guard let octet = UInt8(digits[index..<next], radix: 16) else { return nil }
            octets.append(octet)
            index = next
        }
        return octets
    }
}

extension String {
    func trimmingBlanks() -> String {
        let isBlank: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\r" || $0 == "\n" }
        return String(drop(while: isBlank).reversed().drop(while: isBlank).reversed())
    }
}
