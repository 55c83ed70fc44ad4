public import NIOCore
public import SNMPSMI

// RFC 3414 §3.1: generating an outgoing message.
extension UserSecurityModel {
    /// Builds a request, or a notification to another engine, as the non-authoritative sender
    /// (RFC 3414 §3.1, `generateRequestMsg`): boots and time are the remote engine's, from the time cache.
    ///
    /// Discovery (RFC 3414 §4) is a request at noAuthNoPriv with an empty user name and engine ID.
    /// - Parameters:
    ///   - headerData: msgGlobalData; its auth/priv flags are set from `securityLevel`, reportable is kept.
    ///   - securityEngineID: the authoritative (remote) engine's snmpEngineID; keys are localized to it.
    ///   - userName: msgUserName; the user must be in the table for this engine or for any engine.
    ///   - securityLevel: must not exceed what the user's protocols offer (`unsupportedSecurityLevel`).
    ///   - scopedPDU: the plaintext scoped PDU, encrypted here at authPriv.
    ///   - now: the local monotonic clock in seconds, to age the cached engine time.
    ///   - saltCounter: the privacy salt counter to use instead of the model's own (for tests).
    public func generateRequestMessage(headerData: SNMPv3HeaderData, securityEngineID: OctetString, userName: OctetString,
                                       securityLevel: SecurityLevel, scopedPDU: ScopedPDU, now: Int64,
                                       saltCounter: UInt64? = nil) throws(USMError) -> ByteBuffer {
        let (keys, priv) = try outgoingKeys(userName: userName, engineID: securityEngineID, level: securityLevel)
        // §3.1 step 6: an authenticated message carries our estimate of the remote clock (zeros before we
        // know it, which earns a notInTimeWindow Report that teaches it to us); noAuthNoPriv carries zeros.
        let time = securityLevel == .noAuthNoPriv
            ? USMEngineTime(boots: 0, time: 0)
            : engineTime(of: securityEngineID, now: now) ?? USMEngineTime(boots: 0, time: 0)
        return try encode(headerData: headerData, engineID: securityEngineID, engineTime: time, userName: userName,
                          level: securityLevel, keys: keys, priv: priv, payload: .scoped(scopedPDU),
                          saltCounter: saltCounter ?? nextSaltCounter())
    }

    /// Builds a response or Report to an incoming message as the authoritative engine (RFC 3414 §3.1,
    /// `generateResponseMsg`), with the user and keys in `stateReference` and this engine's clock.
    public func generateResponseMessage(headerData: SNMPv3HeaderData, scopedPDU: ScopedPDU,
                                        stateReference: USMSecurityStateReference, localEngineTime: USMEngineTime,
                                        saltCounter: UInt64? = nil) throws(USMError) -> ByteBuffer {
        let level = stateReference.securityLevel
        guard level == .noAuthNoPriv || stateReference.keys != nil else {
            throw USMError(.unsupportedSecurityLevel, "no keys for a \(level) answer")
        }
        return try encode(headerData: headerData, engineID: stateReference.securityEngineID, engineTime: localEngineTime,
                          userName: stateReference.userName, level: level, keys: stateReference.keys,
                          priv: stateReference.privProtocol, payload: .scoped(scopedPDU),
                          saltCounter: saltCounter ?? nextSaltCounter())
    }

    /// Builds an SNMPv3 Trap (or other unconfirmed message) as the authoritative sender: the engine ID, boots
    /// and time are this engine's (RFC 3412 §7.1 step 9b, RFC 3414 §3.1).
    public func generateAuthoritativeMessage(headerData: SNMPv3HeaderData, userName: OctetString,
                                             securityLevel: SecurityLevel, scopedPDU: ScopedPDU,
                                             localEngineTime: USMEngineTime,
                                             saltCounter: UInt64? = nil) throws(USMError) -> ByteBuffer {
        let (keys, priv) = try outgoingKeys(userName: userName, engineID: localEngineID, level: securityLevel)
        return try encode(headerData: headerData, engineID: localEngineID, engineTime: localEngineTime, userName: userName,
                          level: securityLevel, keys: keys, priv: priv, payload: .scoped(scopedPDU),
                          saltCounter: saltCounter ?? nextSaltCounter())
    }

    /// §3.1 step 1b/2: the user's localized keys for the engine, checked against the level.
    func outgoingKeys(userName: OctetString, engineID: OctetString,
                      level: SecurityLevel) throws(USMError) -> (USMLocalizedKeys?, USMPrivProtocol) {
        if level == .noAuthNoPriv && userName.isEmpty { return (nil, .none) }
        guard let user = state.withLockedValue({ $0.users.user(named: userName, engineID: engineID) }) else {
            throw USMError(.unknownUserName, "no local user \(userName)")
        }
        guard user.supports(level) else {
            throw USMError(.unsupportedSecurityLevel, "user \(userName) cannot do \(level)")
        }
        guard level != .noAuthNoPriv else { return (nil, user.privProtocol) }
        return (try keyCache.localizedKeys(for: user, engineID: engineID), user.privProtocol)
    }

    enum Payload {
        case scoped(ScopedPDU)
        /// Already-encoded plaintext, padding included (lets tests re-encrypt a captured message byte for byte).
        case plaintext([UInt8])
    }

    /// §3.1 steps 3-9: encrypt, fill in the security parameters, serialize once, then authenticate in place.
    func encode(headerData: SNMPv3HeaderData, engineID: OctetString, engineTime: USMEngineTime, userName: OctetString,
                level: SecurityLevel, keys: USMLocalizedKeys?, priv: USMPrivProtocol, payload: Payload,
                saltCounter: UInt64) throws(USMError) -> ByteBuffer {
        var header = headerData
        header.flags = level.messageFlags.union(headerData.flags.intersection(.reportable))
        var data: SNMPv3Message.ScopedPDUData
        var privParameters = OctetString([UInt8]())
        switch payload {
        case .scoped(let scoped): data = .plaintext(scoped)
        case .plaintext(let bytes):
            guard level != .authPriv else { data = .encrypted(OctetString(bytes)); break }
            var buffer = ByteBuffer(bytes: bytes)
            do { data = .plaintext(try ScopedPDU(berEncoded: &buffer)) } catch {
                throw USMError(.parseError, "plaintext is not a ScopedPDU: \(error)")
            }
        }
        var macLength = 0
        if level != .noAuthNoPriv {
            guard let keys, let length = keys.authProtocol.macLength else {
                throw USMError(.unsupportedSecurityLevel, "no authentication key for \(userName)")
            }
            macLength = length
        }
        if level == .authPriv {
            guard let keys else { throw USMError(.unsupportedSecurityLevel, "no privacy key for \(userName)") }
            // §3.1 step 4a: encrypt the serialized scopedPDU; the salt becomes msgPrivacyParameters.
            let plaintext: [UInt8]
            switch (payload, data) {
            case (.plaintext(let bytes), _): plaintext = bytes
            case (_, .plaintext(let scoped)):
                var buffer = ByteBuffer()
                scoped.serialize(into: &buffer)
                plaintext = Array(buffer.readableBytesView)
            case (_, .encrypted(let octets)): plaintext = octets.bytes
            }
            let (ciphertext, salt) = try USMPrivacy.encrypt(plaintext, protocol: priv, privKey: keys.privKey,
                                                            engineBoots: engineTime.boots, engineTime: engineTime.time,
                                                            saltCounter: saltCounter)
            data = .encrypted(OctetString(ciphertext))
            privParameters = OctetString(salt)
        }
        // §3.1 step 7: the MAC is computed over the whole message with msgAuthenticationParameters zeroed.
        let parameters = UsmSecurityParameters(
            authoritativeEngineID: engineID, authoritativeEngineBoots: engineTime.boots,
            authoritativeEngineTime: engineTime.time, userName: userName,
            authenticationParameters: OctetString([UInt8](repeating: 0, count: macLength)),
            privacyParameters: privParameters)
        var parameterBytes = ByteBuffer()
        let authRange = parameters.serialize(into: &parameterBytes)
        let message = SNMPv3Message(headerData: header, securityParameters: OctetString(buffer: parameterBytes), data: data)
        var output = ByteBuffer()
        let layout = message.serialize(into: &output)
        if level != .noAuthNoPriv, let hmac = keys?.hmac {
            let mac = try output.withReadableRawBytes { (raw) throws(USMError) -> [UInt8] in try hmac.authenticate([raw]) }
            output.setBytes(mac.prefix(macLength), at: output.readerIndex + layout.securityParameters.lowerBound + authRange.lowerBound)
        }
        return output
    }
}
