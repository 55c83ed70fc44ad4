public import SNMPSMI
import NIOConcurrencyHelpers

/// One SetRequest as the MIB handlers see it: every varbind (so that a table can see all the columns a
/// request sets in one row) and a place to keep undo state between the phases.
public final class MIBSetRequest: Sendable {
    /// All varbinds of the request, in order.
    public let varBinds: [VarBind]
    private let undoStates: NIOLockedValueBox<[Int: any Sendable]>

    /// Creates the request.
    public init(varBinds: [VarBind]) {
        self.varBinds = varBinds
        self.undoStates = NIOLockedValueBox([:])
    }

    /// Keeps `state` for the varbind at `index` (0-based) until the request ends.
    public func setUndoState(_ state: (any Sendable)?, forVarBindAt index: Int) {
        undoStates.withLockedValue { $0[index] = state }
    }

    /// What ``setUndoState(_:forVarBindAt:)`` kept for the varbind at `index`.
    public func undoState(forVarBindAt index: Int) -> (any Sendable)? {
        undoStates.withLockedValue { $0[index] }
    }
}
