import SNMPSMI
import SNMPAccessControl
import NIOCore

extension CommandResponder {
    /// RFC 3416 §4.2.1 (GetRequest): noSuchObject outside the view or the MIB, noSuchInstance for a
    /// missing instance; for SNMPv1 any exception or a Counter64 is noSuchName (RFC 3584 §4.2.2.1, §4.4).
    func get(_ request: PDU, mib: ManagedObjectTree, view: VACMView, isV1: Bool) async -> PDU {
        var varBinds = request.varBinds
        for position in varBinds.indices {
            let oid = varBinds[position].oid
            let value: SNMPValue
            if view.contains(oid) {
                do {
                    value = try await mib.get(oid)
                } catch {
                    return errorResponse(request, Self.status(of: error), index: position + 1)
                }
            } else {
                value = .noSuchObject
            }
            if isV1, value.isException || value.tag == BERTag.counter64 {
                return errorResponse(request, .noSuchName, index: position + 1)
            }
            varBinds[position].value = value
        }
        return PDU(type: .response, requestID: request.requestID, varBinds: varBinds)
    }

    /// RFC 3416 §4.2.2 (GetNextRequest): the next instance in the view, or endOfMibView; SNMPv1 skips
    /// Counter64 values and answers noSuchName at the end (RFC 3584 §4.2.2.1).
    func getNext(_ request: PDU, mib: ManagedObjectTree, view: VACMView, isV1: Bool) async -> PDU {
        var varBinds = request.varBinds
        for position in varBinds.indices {
            do {
                if let found = try await nextVisible(after: varBinds[position].oid, mib: mib, view: view,
                                                     skipCounter64: isV1) {
                    varBinds[position] = found
                } else if isV1 {
                    return errorResponse(request, .noSuchName, index: position + 1)
                } else {
                    varBinds[position].value = .endOfMibView
                }
            } catch {
                return errorResponse(request, Self.status(of: error), index: position + 1)
            }
        }
        return PDU(type: .response, requestID: request.requestID, varBinds: varBinds)
    }

    /// The first instance after `oid` that is in the view (RFC 3413 §3.2: what VACM hides is skipped),
    /// or `nil` for endOfMibView. Hidden subtrees are jumped over and the search stops as soon as no
    /// included family lies ahead.
    func nextVisible(after oid: ObjectIdentifier, mib: ManagedObjectTree, view: VACMView,
                     skipCounter64: Bool) async throws -> VarBind? {
        var cursor = oid
        var inclusive = false
        while !view.isExhausted(at: cursor) {
            guard let candidate = try await mib.next(after: cursor, inclusive: inclusive) else { return nil }
            inclusive = false
            cursor = candidate.oid
            guard view.contains(candidate.oid) else {
                if let target = view.skipTarget(forHidden: candidate.oid) {
                    cursor = target
                    inclusive = true
                }
                continue
            }
            if candidate.value.isException || (skipCounter64 && candidate.value.tag == BERTag.counter64) { continue }
            return candidate
        }
        return nil
    }

    /// RFC 3416 §4.2.3 (GetBulkRequest): non-repeaters once, then max-repetitions rounds of the
    /// repeaters; stops when every repeater is at endOfMibView, and drops trailing varbinds rather
    /// than answering tooBig when the response would exceed `limit`.
    func getBulk(_ request: PDU, mib: ManagedObjectTree, view: VACMView, limit: Int) async -> PDU {
        let count = request.varBinds.count
        let nonRepeaters = min(max(Int(request.nonRepeaters), 0), count)
        let maxRepetitions = max(Int(request.maxRepetitions), 0)
        let repeaters = count - nonRepeaters
        var sizer = ResponseSizer(requestID: request.requestID, limit: limit)
        var varBinds: [VarBind] = []
        varBinds.reserveCapacity(min(nonRepeaters + maxRepetitions * repeaters, configuration.maximumBulkVarBinds))

        func append(_ varBind: VarBind) -> Bool {
            guard varBinds.count < configuration.maximumBulkVarBinds, sizer.add(varBind) else { return false }
            varBinds.append(varBind)
            return true
        }
        func response() -> PDU { PDU(type: .response, requestID: request.requestID, varBinds: varBinds) }

        for position in 0..<nonRepeaters {
            let oid = request.varBinds[position].oid
            do {
                let found = try await nextVisible(after: oid, mib: mib, view: view, skipCounter64: false)
                guard append(found ?? VarBind(oid, .endOfMibView)) else { return response() }
            } catch {
                return errorResponse(request, Self.status(of: error), index: position + 1)
            }
        }
        guard repeaters > 0 else { return response() }
        var last = request.varBinds[nonRepeaters...].map(\.oid)
        var ended = [Bool](repeating: false, count: repeaters)
        var endedCount = 0
        for _ in 0..<maxRepetitions where endedCount < repeaters {
            for column in 0..<repeaters {
                var varBind = VarBind(last[column], .endOfMibView)
                if !ended[column] {
                    do {
                        if let found = try await nextVisible(after: last[column], mib: mib, view: view,
                                                             skipCounter64: false) {
                            varBind = found
                            last[column] = found.oid
                        } else {
                            ended[column] = true
                            endedCount += 1
                        }
                    } catch {
                        return errorResponse(request, Self.status(of: error), index: nonRepeaters + column + 1)
                    }
                }
                guard append(varBind) else { return response() }
            }
        }
        return response()
    }
}

/// Tracks the encoded size of a growing Response-PDU without encoding it more than once per varbind.
struct ResponseSizer {
    private var scratch = ByteBuffer()
    private let fixed: Int
    private let limit: Int
    private var varBindBytes = 0

    init(requestID: Int32, limit: Int) {
        var buffer = ByteBuffer()
        buffer.writeBERInteger(Int64(requestID))
        buffer.writeBERInteger(0)
        buffer.writeBERInteger(0)
        self.fixed = buffer.readableBytes
        self.limit = limit
    }

    /// Counts `varBind` in when the PDU still fits `limit` with it; `false` (and nothing counted) if not.
    mutating func add(_ varBind: VarBind) -> Bool {
        scratch.clear()
        scratch.writeBERConstructed(tag: BERTag.sequence) { buffer in
            buffer.writeBERObjectIdentifier(varBind.oid)
            buffer.writeBERValue(varBind.value)
        }
        let list = varBindBytes + scratch.readableBytes
        let contents = fixed + 1 + ResponderRequest.lengthOctets(list) + list
        guard 1 + ResponderRequest.lengthOctets(contents) + contents <= limit else { return false }
        varBindBytes = list
        return true
    }
}
