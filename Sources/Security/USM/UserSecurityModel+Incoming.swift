public import NIOCore
public import SNMPSMI

// RFC 3414 §3.2: processing an incoming message.
extension UserSecurityModel {
    /// Decodes `wholeMessage` and runs ``processIncomingMessage(_:message:layout:localEngineTime:now:)``;
    /// a BER error becomes ``USMError/Code-swift.struct/parseError``.
    public func processIncomingMessage(_ wholeMessage: ByteBuffer, localEngineTime: USMEngineTime,
                                       now: Int64) throws(USMError) -> USMIncomingMessage {
        let decoded: (message: SNMPv3Message, layout: SNMPv3Message.WireLayout)
        do { decoded = try SNMPv3Message.decode(wholeMessage) } catch {
            throw USMError(.parseError, "SNMPv3Message: \(error)")
        }
        return try processIncomingMessage(wholeMessage, message: decoded.message, layout: decoded.layout,
                                          localEngineTime: localEngineTime, now: now)
    }

    /// Checks and opens a decoded SNMPv3 message (RFC 3414 §3.2, `processIncomingMsg`).
    ///
    /// Errors with a usmStats counter increment it and carry ``USMError/report`` for the Report PDU.
    /// - Parameters:
    ///   - wholeMessage: the bytes `message` was decoded from (the MAC covers all of them).
    ///   - message: the decoded message: header, msgSecurityParameters, scoped PDU (encrypted or not).
    ///   - layout: where the security parameters are in `wholeMessage`, from `SNMPv3Message.decode(_:)`.
    ///   - localEngineTime: this engine's boots/time, for messages it is authoritative for.
    ///   - now: the local monotonic clock in seconds, for the remote-engine time cache.
    public func processIncomingMessage(_ wholeMessage: ByteBuffer, message: SNMPv3Message,
                                       layout: SNMPv3Message.WireLayout, localEngineTime: USMEngineTime,
                                       now: Int64) throws(USMError) -> USMIncomingMessage {
        // Step 1: extract the security parameters.
        let parameters: UsmSecurityParameters
        let authRelative: Range<Int>
        do {
            (parameters, authRelative) = try UsmSecurityParameters.decode(message.securityParameters.buffer)
        } catch {
            throw USMError(.parseError, "msgSecurityParameters: \(error)")
        }
        guard let level = SecurityLevel(flags: message.headerData.flags) else {
            throw USMError(.parseError, "privacy without authentication in msgFlags")
        }
        let engineID = parameters.authoritativeEngineID
        let userName = parameters.userName
        // Reports about this message are sent by us as the authoritative engine (RFC 3414 §3.2 step 3: the
        // discovery Report must name our snmpEngineID), so the unauthenticated reference carries our engine ID.
        let anonymous = USMSecurityStateReference(userName: userName, securityName: "", securityEngineID: localEngineID,
                                                  securityLevel: .noAuthNoPriv, keys: nil, privProtocol: .none)
        // Step 3: the authoritative engine must be us, or (non-authoritative side, step 3a) a remote engine
        // we may learn; an empty or malformed engine ID is what discovery sends and is always "unknown".
        let authoritative = engineID == localEngineID
        guard authoritative || (acceptsRemoteAuthoritativeEngines && (5...32).contains(engineID.count)) else {
            // RFC 3412 §7.1 step 3: a Report carries the local snmpEngineID — which is what the discovering
            // sender learns from it (RFC 3414 §4).
            let discovery = USMSecurityStateReference(userName: userName, securityName: "", securityEngineID: localEngineID,
                                                      securityLevel: .noAuthNoPriv, keys: nil, privProtocol: .none)
            throw failure(.unknownEngineID, "engine ID of \(engineID.count) octets", reportAs: discovery)
        }
        // Step 4: the user. The empty user at noAuthNoPriv is the discovery principal (RFC 3414 §4).
        // A noAuthNoPriv message from a remote authoritative engine (a manager's Report of
        // usmStatsUnknownEngineIDs after the agent's engine ID changed) uses no keys, so a user configured for
        // another engine serves as its principal until discovery enters the user under the new engine.
        let user = state.withLockedValue { state in
            state.users.user(named: userName, engineID: engineID)
                ?? (level == .noAuthNoPriv && engineID != localEngineID ? state.users.anyEntry(named: userName) : nil)
        }
        if user == nil, userName.isEmpty, level == .noAuthNoPriv {
            return USMIncomingMessage(securityParameters: parameters, stateReference: anonymous,
                                      scopedPDU: try plaintextScopedPDU(message))
        }
        guard let user else { throw failure(.unknownUserName, "user \(userName)", reportAs: anonymous) }
        // Step 5: the level must be one the user's protocols offer.
        guard user.supports(level) else {
            throw failure(.unsupportedSecurityLevel, "user \(userName) cannot do \(level)", reportAs: anonymous)
        }
        guard level != .noAuthNoPriv else {
            let reference = USMSecurityStateReference(userName: userName, securityName: user.securityName,
                                                      securityEngineID: engineID, securityLevel: level, keys: nil,
                                                      privProtocol: user.privProtocol)
            return USMIncomingMessage(securityParameters: parameters, stateReference: reference,
                                      scopedPDU: try plaintextScopedPDU(message))
        }
        let keys = try keyCache.localizedKeys(for: user, engineID: engineID)
        // Step 6: the MAC over the whole message with msgAuthenticationParameters zeroed.
        let authAbsolute = (layout.securityParameters.lowerBound + authRelative.lowerBound)
            ..< (layout.securityParameters.lowerBound + authRelative.upperBound)
        guard try verifyMAC(wholeMessage, range: authAbsolute, expected: parameters.authenticationParameters, keys: keys) else {
            throw failure(.wrongDigest, "user \(userName)", reportAs: anonymous)
        }
        let reference = USMSecurityStateReference(userName: userName, securityName: user.securityName,
                                                  securityEngineID: engineID, securityLevel: level, keys: keys,
                                                  privProtocol: user.privProtocol)
        // Step 7: timeliness.
        let stamp = USMEngineTime(boots: parameters.authoritativeEngineBoots, time: parameters.authoritativeEngineTime)
        if authoritative {
            // Step 7a: the Report goes back authenticated (authNoPriv) so the sender can trust our clock.
            guard localEngineTime.acceptsAsAuthoritative(stamp) else {
                throw failure(.notInTimeWindow, "boots/time \(stamp.boots)/\(stamp.time)",
                              reportAs: reference.with(securityLevel: .authNoPriv))
            }
        } else {
            // Step 7b: update the cache from the authenticated stamp, then check; no counter, no Report.
            let timely = state.withLockedValue { $0.timeCache.acceptAuthenticated(engineID: engineID, message: stamp, now: now) }
            guard timely else { throw USMError(.notInTimeWindow, "engine \(engineID) boots/time \(stamp.boots)/\(stamp.time)") }
        }
        // Step 8: decrypt.
        let scoped: ScopedPDU
        if level == .authPriv {
            scoped = try decryptScopedPDU(message, parameters: parameters, keys: keys, reportAs: anonymous)
        } else {
            scoped = try plaintextScopedPDU(message)
        }
        return USMIncomingMessage(securityParameters: parameters, stateReference: reference, scopedPDU: scoped)
    }

    private func verifyMAC(_ wholeMessage: ByteBuffer, range: Range<Int>, expected: OctetString,
                           keys: USMLocalizedKeys) throws(USMError) -> Bool {
        guard let hmac = keys.hmac, let macLength = keys.authProtocol.macLength, expected.count == macLength,
              range.upperBound <= wholeMessage.readableBytes else { return false }
        let zeros = [UInt8](repeating: 0, count: macLength)
        let mac = try wholeMessage.withReadableRawBytes { (raw) throws(USMError) -> [UInt8] in
            try zeros.withRawBytes { (zero) throws(USMError) -> [UInt8] in
                try hmac.authenticate([UnsafeRawBufferPointer(rebasing: raw[..<range.lowerBound]), zero,
                                       UnsafeRawBufferPointer(rebasing: raw[range.upperBound...])])
            }
        }
        return constantTimeEquals(mac.prefix(macLength), expected.buffer.readableBytesView)
    }

    private func plaintextScopedPDU(_ message: SNMPv3Message) throws(USMError) -> ScopedPDU {
        guard case .plaintext(let scoped) = message.data else {
            throw USMError(.parseError, "encryptedPDU in a message without privacy")
        }
        return scoped
    }

    private func decryptScopedPDU(_ message: SNMPv3Message, parameters: UsmSecurityParameters, keys: USMLocalizedKeys,
                                  reportAs reference: USMSecurityStateReference) throws(USMError) -> ScopedPDU {
        guard case .encrypted(let ciphertext) = message.data else {
            throw failure(.decryptionError, "plaintext scopedPDU in an authPriv message", reportAs: reference)
        }
        let plaintext: [UInt8]
        do {
            plaintext = try ciphertext.buffer.withReadableRawBytes { (raw) throws(USMError) -> [UInt8] in
                try USMPrivacy.decrypt(raw, protocol: keys.privProtocol, privKey: keys.privKey,
                                       engineBoots: parameters.authoritativeEngineBoots,
                                       engineTime: parameters.authoritativeEngineTime,
                                       salt: parameters.privacyParameters.bytes)
            }
        } catch where error.code == .decryptionError {
            // Step 8a/8b: bad privParameters or ciphertext.
            throw failure(.decryptionError, error.reason, reportAs: reference)
        }
        // A wrong privacy key decrypts to garbage: that is a parse error (snmpInASNParseErrs, no Report),
        // which is also what Net-SNMP does.
        var buffer = ByteBuffer(bytes: plaintext)
        do {
            let scoped = try ScopedPDU(berEncoded: &buffer)
            // Only CBC ciphers pad (§8.1.1.2), at most one block: pysnmp adds a whole block of padding when
            // the scopedPDU is already a multiple of 8 octets, and Net-SNMP accepts that too.
            guard buffer.readableBytes <= CBCDESPrivacy.blockSize else {
                throw BERError(.trailingBytes, "\(buffer.readableBytes) octets after the decrypted ScopedPDU")
            }
            return scoped
        } catch {
            throw USMError(.parseError, "decrypted scopedPDU: \(error)")
        }
    }
}
