/// Compares two MACs without an early exit, so the time taken does not tell an attacker how many leading
/// bytes of a forged digest were right (ARCHITECTURE.md example 10).
func constantTimeEquals(_ lhs: some Collection<UInt8>, _ rhs: some Collection<UInt8>) -> Bool {
    guard lhs.count == rhs.count else { return false }
    var difference: UInt8 = 0
    for (a, b) in zip(lhs, rhs) { difference |= a ^ b }
    return difference == 0
}
