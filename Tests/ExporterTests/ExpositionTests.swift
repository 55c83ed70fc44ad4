import Testing
@testable import SNMPExporter

/// Number and text formatting as client_golang writes them.
struct ExpositionTests {
    @Test(arguments: [
        (0.0, "0"), (1.0, "1"), (-1.0, "-1"), (123_456.0, "123456"), (999_999.0, "999999"), (1_000_000.0, "1e+06"),
        (1_234_567.0, "1.234567e+06"), (0.1, "0.1"), (0.0001, "0.0001"), (0.00001, "1e-05"), (2.5e-7, "2.5e-07"),
        (-42.125, "-42.125"), (1.8446744073709552e19, "1.8446744073709552e+19"), (Double.infinity, "+Inf"),
        (-Double.infinity, "-Inf"), (Double.nan, "NaN"), (9_007_199_254_740_992.0, "9.007199254740992e+15"),
    ])
    func goFloatFormatting(_ value: Double, _ expected: String) {
        #expect(GoFloat.exposition(value) == expected)
    }

    @Test(arguments: [("1.5", "1.5"), ("1e-05", "0.00001"), ("1.0e+20", "100000000000000000000"), ("21.0", "21"),
                      ("-0.25", "-0.25")])
    func goFixedFormatting(_ description: String, _ expected: String) {
        #expect(GoFloat.fixed(description) == expected)
    }

    @Test func familiesAreSortedAndSamplesOrderedByLabelValues() {
        var set = SampleSet()
        set.add(Sample(name: "b", help: "B\\help\nline", type: .counter, labels: [("x", "2")], value: 2))
        set.add(Sample(name: "b", help: "B\\help\nline", type: .counter, labels: [("x", "10")], value: 10))
        set.add(Sample(name: "a", help: "", type: .gauge, labels: [("z", "1"), ("y", "a\nb")], value: 1))
        var text = ""
        TextExposition.write(set, into: &text)
        #expect(text == """
            # HELP a \n# TYPE a gauge
            a{y="a\\nb",z="1"} 1
            # HELP b B\\\\help\\nline
            # TYPE b counter
            b{x="10"} 10
            b{x="2"} 2

            """)
    }

    @Test func aDuplicateSampleFailsTheScrape() {
        var set = SampleSet()
        set.add(Sample(name: "a", help: "", type: .gauge, labels: [("x", "1")], value: 1))
        set.add(Sample(name: "a", help: "", type: .gauge, labels: [("x", "1")], value: 2))
        #expect(set.errorBody == nil)
        set.finish()
        #expect(set.errorBody?.contains("was collected before with the same name and label values") == true)
    }

    @Test(arguments: [
        ("$1", "v12.4", "12"), ("${1}x", "v12.4", "12x"), ("$1x", "v12.4", ""), ("$$1", "v12.4", "$1"),
        ("${minor}", "v12.4", "4"), ("a$", "v12.4", "a$"), ("$9", "v12.4", ""),
    ])
    func goTemplateExpansion(_ template: String, _ text: String, _ expected: String) throws {
        let pattern = try #require(ExtractPattern(#"v(\d+)\.(?P<minor>\d+)"#, anchored: true))
        #expect(pattern.expand(template, matching: text) == expected)
    }

    @Test func anchoredPatternsMatchTheWholeValue() throws {
        let pattern = try #require(ExtractPattern("a+", anchored: true))
        #expect(pattern.expand("$0", matching: "baa") == nil)
        #expect(try #require(ExtractPattern("a+", anchored: false)).matches("baa"))
    }

    @Test(arguments: [
        ("target=1.2.3.4", nil), ("", "'target' parameter must be specified once"),
        ("target=a&target=b", "'target' parameter must be specified once"),
        ("target=a&auth=x&auth=y", "'auth' parameter must only be specified once"),
        ("target=a&module=,", "'module' parameter must contain at least one module name"),
        ("target=a&snmp_engineid=8000&snmp_engineid=8000", "'snmp_engineid' parameter must only be specified once"),
        ("target=a&snmp_engineid=80zz", "'snmp_engineid' parameter must be hexadecimal"),
    ] as [(String, String?)])
    func probeRequestChecks(_ query: String, _ rejection: String?) {
        do {
            let request = try ProbeRequest(query: ProbeRequest.parseQuery(query))
            #expect(rejection == nil)
            #expect(request.modules == ["if_mib"])
        } catch {
            #expect(error.message == rejection)
        }
    }

    @Test func queryDecodingFollowsGo() throws {
        let query = ProbeRequest.parseQuery("target=%5B%3A%3A1%5D%3A161&module=a,b&module=a&x=1+2")
        #expect(query.map(\.key) == ["target", "module", "module", "x"])
        #expect(query[0].value == "[::1]:161")
        #expect(query[3].value == "1 2")
        let modules = try ProbeRequest(query: query).modules
        #expect(modules == ["a", "b"])
        let engineID = try ProbeRequest(query: ProbeRequest.parseQuery("target=a&snmp_engineid=0x80001F8801")).contextEngineID
        #expect(engineID == [0x80, 0x00, 0x1F, 0x88, 0x01])
    }

    @Test(arguments: [("host", "host", 161), ("host:1161", "host", 1161), ("[::1]:1161", "::1", 1161),
                      ("::1", "::1", 161), ("udp://10.0.0.1:162", "10.0.0.1", 162)])
    func scrapeAddresses(_ text: String, _ host: String, _ port: Int) throws {
        let address = try ScrapeAddress(text)
        #expect(address.host == host)
        #expect(address.port == port)
    }
}
