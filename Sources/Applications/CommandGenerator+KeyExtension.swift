import SNMPSMI
import SNMPSecurity

// AES-192/256 key-extension detection around an SNMPv3 request (KeyExtension.StateMachine). The variant
// that works is remembered as an engine-specific entry of the USM user table, so every later request to
// that engine, and the keys localized for it, use it.
extension CommandGenerator {
    func sendDetectingKeyExtension(_ pdu: PDU, to target: SNMPTarget,
                                     _ parameters: USMTargetParameters) async throws(SNMPError) -> PDU {
        guard target.detectsKeyExtension, parameters.securityLevel == .authPriv, let usm = dispatcher.v3?.usm else {
            return try await sendFuture(pdu, to: target).getSNMP()
        }
        do {
            let response = try await sendFuture(pdu, to: target).getSNMP()
            if let (engineID, user) = detectionSubject(target, parameters, usm) {
                keyExtensions.update(engineID: engineID, userName: user.userName, configured: user.privProtocol) {
                    $0.succeeded()
                }
            }
            return response
        } catch where Self.wrongKeyExplains(error) {
            guard let (engineID, user) = detectionSubject(target, parameters, usm) else { throw error }
            let action = keyExtensions.update(engineID: engineID, userName: user.userName,
                                              configured: user.privProtocol) { $0.failed() }
            guard case .tryAlternate(let other) = action else { throw error }
            var alternate = user
            alternate.privProtocol = other
            install(alternate, engineID: engineID, for: target, in: usm)
            do {
                let response = try await sendFuture(pdu, to: target).getSNMP()
                keyExtensions.update(engineID: engineID, userName: user.userName, configured: user.privProtocol) {
                    $0.succeeded()
                }
                return response
            } catch {
                let restore = keyExtensions.update(engineID: engineID, userName: user.userName,
                                                   configured: user.privProtocol) { $0.failed() }
                if case .giveUp(let configured) = restore {
                    var original = user
                    original.privProtocol = configured
                    install(original, engineID: engineID, for: target, in: usm)
                }
                throw error
            }
        }
    }

    /// Puts `user` into USM under `engineID`, and in place of the user configured for the target's address
    /// (which the dispatcher provisions under the engine ID before each request), so the choice sticks.
    private func install(_ user: USMUser, engineID: OctetString, for target: SNMPTarget, in usm: UserSecurityModel) {
        if engineDirectory.user(named: user.userName, at: target.address) != nil {
            engineDirectory.addUser(user, at: target.address)
        }
        usm.updateUsers { $0.add(user, engineID: engineID) }
    }

    /// Failures a wrong privacy key produces: the agent drops the request, reports a decryption error,
    /// or answers with a message that does not decrypt here (dropped as a parse error: a timeout).
    private static func wrongKeyExplains(_ error: SNMPError) -> Bool {
        error.code == .timeout || error.code == .decryptionError
    }

    /// The engine ID and user whose key extension is in question, when the user has a choice.
    private func detectionSubject(_ target: SNMPTarget, _ parameters: USMTargetParameters,
                                  _ usm: UserSecurityModel) -> (OctetString, USMUser)? {
        guard let engineID = parameters.authoritativeEngineID ?? engineDirectory.engineID(at: target.address) else {
            return nil
        }
        var user: USMUser?
        usm.updateUsers { user = $0.user(named: parameters.userName, engineID: engineID) }
        guard let user, KeyExtension.alternate(of: user.privProtocol) != nil else { return nil }
        return (engineID, user)
    }
}
