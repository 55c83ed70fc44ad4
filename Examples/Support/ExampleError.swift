/// A failure of the example machinery itself (bad option, nothing arrived).
struct ExampleError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
