import SNMPSMI
import SNMPAccessControl

extension CommandResponder {
    /// RFC 3416 §4.2.5 (SetRequest), "as if simultaneous": every varbind is checked (access, then the
    /// handler's test) before any is committed; when a commit fails, the ones committed before it are
    /// undone in reverse order (commitFailed at the failing varbind, or undoFailed with index 0 when an
    /// undo fails too); every tested varbind is cleaned up at the end.
    func set(_ request: PDU, mib: ManagedObjectTree, view: VACMView) async -> PDU {
        let varBinds = request.varBinds
        let transaction = MIBSetRequest(varBinds: varBinds)
        var targets: [ManagedObjectTree.Node] = []
        targets.reserveCapacity(varBinds.count)

        func cleanup() async {
            for (position, target) in targets.enumerated() {
                await Self.cleanup(target, varBinds[position], position, transaction)
            }
        }

        // Phase 1: validation.
        for (position, varBind) in varBinds.enumerated() {
            // Step 1: not in the write view.
            guard view.contains(varBind.oid) else {
                await cleanup()
                return errorResponse(request, .noAccess, index: position + 1)
            }
            // Step 2: nothing under this OID could ever be written.
            guard let target = mib.setTarget(for: varBind.oid) else {
                await cleanup()
                return errorResponse(request, .notWritable, index: position + 1)
            }
            targets.append(target)
            do {
                try await Self.test(target, varBind, position, transaction)
            } catch {
                await cleanup()
                return errorResponse(request, Self.status(of: error), index: position + 1)
            }
        }

        // Phase 2: commit, undoing on failure.
        for (position, target) in targets.enumerated() {
            do {
                try await Self.commit(target, varBinds[position], position, transaction)
            } catch {
                var undone = true
                // The failed commit may have changed something too: undo it first, then the earlier ones.
                for undoPosition in stride(from: position, through: 0, by: -1) {
                    do {
                        try await Self.undo(targets[undoPosition], varBinds[undoPosition], undoPosition, transaction)
                    } catch {
                        undone = false
                    }
                }
                await cleanup()
                return undone ? errorResponse(request, .commitFailed, index: position + 1)
                    : errorResponse(request, .undoFailed, index: 0)
            }
        }
        await cleanup()
        return PDU(type: .response, requestID: request.requestID, varBinds: varBinds)
    }

    private static func test(_ node: ManagedObjectTree.Node, _ varBind: VarBind, _ position: Int,
                             _ request: MIBSetRequest) async throws {
        switch node {
        case .scalar(let scalar): try await scalar.testSet(varBind, index: position, request: request)
        case .subtree(let handler): try await handler.testSet(varBind, index: position, request: request)
        }
    }

    private static func commit(_ node: ManagedObjectTree.Node, _ varBind: VarBind, _ position: Int,
                               _ request: MIBSetRequest) async throws {
        switch node {
        case .scalar(let scalar): try await scalar.commitSet(varBind, index: position, request: request)
        case .subtree(let handler): try await handler.commitSet(varBind, index: position, request: request)
        }
    }

    private static func undo(_ node: ManagedObjectTree.Node, _ varBind: VarBind, _ position: Int,
                             _ request: MIBSetRequest) async throws {
        switch node {
        case .scalar(let scalar): try await scalar.undoSet(varBind, index: position, request: request)
        case .subtree(let handler): try await handler.undoSet(varBind, index: position, request: request)
        }
    }

    private static func cleanup(_ node: ManagedObjectTree.Node, _ varBind: VarBind, _ position: Int,
                                _ request: MIBSetRequest) async {
        switch node {
        case .scalar: break
        case .subtree(let handler): await handler.cleanupSet(varBind, index: position, request: request)
        }
    }
}
