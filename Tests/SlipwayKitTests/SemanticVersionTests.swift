import Testing
@testable import SlipwayKit

@Suite struct SemanticVersionTests {
    @Test func parsesEveryPart() throws {
        let version = try SemanticVersion(parsing: "1.2.3-rc.1.x-y+build.5.sha-abc")
        #expect(version.major == 1 && version.minor == 2 && version.patch == 3)
        #expect(version.prerelease == [.alphanumeric("rc"), .numeric(1), .alphanumeric("x-y")])
        #expect(version.build == ["build", "5", "sha-abc"])
        #expect(version.description == "1.2.3-rc.1.x-y+build.5.sha-abc")
    }

    @Test func specificationPrecedenceChain() throws {
        let chain = ["1.0.0-alpha", "1.0.0-alpha.1", "1.0.0-alpha.beta", "1.0.0-beta", "1.0.0-beta.2",
                     "1.0.0-beta.11", "1.0.0-rc.1", "1.0.0", "1.0.1", "1.1.0", "2.0.0"]
        let versions = try chain.map { try SemanticVersion(parsing: $0) }
        for (lower, higher) in zip(versions, versions.dropFirst()) {
            #expect(lower < higher, "\(lower) should precede \(higher)")
            #expect(!(higher < lower))
        }
        #expect(versions.shuffled().sorted() == versions)
    }

    @Test func buildMetadataIsIgnoredByPrecedence() throws {
        let a = try SemanticVersion(parsing: "1.0.0+20130313144700")
        let b = try SemanticVersion(parsing: "1.0.0+exp.sha.5114f85")
        #expect(a == b)
        #expect(!a.isIdentical(to: b))
        #expect(try SemanticVersion(parsing: "1.0.0-beta+exp.sha.5114f85") < a)
    }

    @Test(arguments: [
        ("", "it is empty"),
        ("1", "the minor number is missing"),
        ("1.2", "the patch number is missing"),
        ("1.2.3.4", "more than three numbers"),
        ("01.2.3", "the major number '01' has a leading zero"),
        ("1.02.3", "the minor number '02' has a leading zero"),
        ("1.2.x", "the patch number 'x' is not a non-negative integer"),
        ("v1.2.3", "the major number 'v1' is not a non-negative integer"),
        ("1.2.3-", "the pre-release has an empty identifier"),
        ("1.2.3-rc..1", "the pre-release has an empty identifier"),
        ("1.2.3-01", "the numeric pre-release identifier '01' has a leading zero"),
        ("1.2.3-rc_1", "the pre-release identifier 'rc_1' may hold only ASCII letters, digits and hyphens"),
        ("1.2.3-ré", "the pre-release identifier 'ré'"),
        ("1.2.3+", "the build metadata has an empty identifier"),
        ("1.2.3+a+b", "the build metadata identifier 'a+b'"),
        (" 1.2.3", "white space"),
        ("1.2.0123456789012345678901234567890", "leading zero"),
    ])
    func rejectsWithTheWrongPartNamed(input: String, expected: String) {
        do {
            _ = try SemanticVersion(parsing: input)
            Issue.record("'\(input)' was accepted")
        } catch {
            #expect(error.description.contains(expected), "\(error.description)")
            #expect(error.description.contains("'\(input)'"))
        }
    }

    @Test func acceptsTheSpecificationsValidExamples() {
        for text in ["0.0.4", "1.2.3", "10.20.30", "1.1.2-prerelease+meta", "1.1.2+meta", "1.1.2+meta-valid",
                     "1.0.0-alpha", "1.0.0-alpha.beta", "1.0.0-alpha.1", "1.0.0-alpha0.valid", "1.0.0-alpha.0valid",
                     "1.0.0-rc.1+build.1", "2.0.0-rc.1+build.123", "1.2.3-beta", "10.2.3-DEV-SNAPSHOT",
                     "1.2.3-SNAPSHOT-123", "2.0.0+build.1848", "1.0.0-0A.is.legal", "1.0.0+0.build.1-rc.10000aaa-kk-0.1",
                     "1.0.0-alpha-a.b-c-somethinglong+build.1-aef.1-its-okay", "1.2.3----RC-SNAPSHOT.12.9.1--.12+788"] {
            #expect(SemanticVersion(text) != nil, "\(text) should be valid")
            #expect(SemanticVersion(text)?.description == text)
        }
    }

    @Test func bumps() throws {
        let v = try SemanticVersion(parsing: "1.2.3")
        #expect(v.bumped(.major).description == "2.0.0")
        #expect(v.bumped(.minor).description == "1.3.0")
        #expect(v.bumped(.patch).description == "1.2.4")
        #expect(v.bumped(.none).description == "1.2.3")
        #expect(try SemanticVersion(parsing: "1.2.3+b.1").bumped(.patch).description == "1.2.4")
    }

    @Test func preReleasesAdvanceAndFinalize() throws {
        #expect(try SemanticVersion(parsing: "1.3.0-rc.1").nextPrerelease(identifier: "rc").description == "1.3.0-rc.2")
        #expect(try SemanticVersion(parsing: "1.3.0-rc").nextPrerelease(identifier: "rc").description == "1.3.0-rc.1")
        #expect(try SemanticVersion(parsing: "1.3.0-alpha.4").nextPrerelease(identifier: "beta").description == "1.3.0-beta.1")
        #expect(try SemanticVersion(parsing: "1.3.0").nextPrerelease(identifier: "rc").description == "1.3.1-rc.1")
        #expect(try SemanticVersion(parsing: "1.3.0-rc.2+b").finalized().description == "1.3.0")
        #expect(try SemanticVersion(parsing: "1.3.0-rc.2").bumped(.minor).description == "1.3.0")
        #expect(try SemanticVersion(parsing: "1.3.1-rc.2").bumped(.minor).description == "1.4.0")
        #expect(try SemanticVersion(parsing: "2.0.0-rc.2").bumped(.major).description == "2.0.0")
    }

    /// Seeded properties: render/parse round-trips, sorting is a total order consistent with `<`.
    @Test func seededProperties() throws {
        var random = SplitMix64(seed: 0x5EED)
        var versions: [SemanticVersion] = []
        for _ in 0..<600 {
            let version = random.version()
            let reparsed = try SemanticVersion(parsing: version.description)
            #expect(reparsed.isIdentical(to: version), "\(version)")
            versions.append(version)
        }
        let sorted = versions.sorted()
        for (a, b) in zip(sorted, sorted.dropFirst()) { #expect(!(b < a)) }
        for _ in 0..<2_000 {
            let a = versions[Int(random.next() % UInt64(versions.count))]
            let b = versions[Int(random.next() % UInt64(versions.count))]
            let c = versions[Int(random.next() % UInt64(versions.count))]
            // Exactly one of <, ==, > holds, and < is transitive.
            #expect([a < b, a == b, b < a].filter { $0 }.count == 1)
            if a < b, b < c { #expect(a < c) }
            #expect((SemanticVersion.compare(a, b) < 0) == (a < b))
        }
    }
}

/// SemVer sets no limit on a number's size: 30-digit numbers parse, order and bump as numbers.
@Suite struct LargeVersionNumberTests {
    @Test func thirtyDigitNumbersParseAndPrintAsWritten() throws {
        let text = "123456789012345678901234567890.0.1-rc.987654321098765432109876543210+b.1"
        let version = try SemanticVersion(parsing: text)
        #expect(version.description == text)
        #expect(version.major.uint64 == nil && version.major.digits == "123456789012345678901234567890")
    }

    @Test func theyOrderAsNumbersNotAsText() throws {
        let sorted = ["1.0.100000000000000000000", "1.0.99999999999999999999", "1.0.9", "18446744073709551616.0.0",
                      "18446744073709551615.0.0", "1.0.0-rc.100000000000000000000", "1.0.0-rc.99999999999999999999"]
            .map { SemanticVersion($0)! }.sorted().map(\.description)
        #expect(sorted == ["1.0.0-rc.99999999999999999999", "1.0.0-rc.100000000000000000000", "1.0.9", "1.0.99999999999999999999",
                           "1.0.100000000000000000000", "18446744073709551615.0.0", "18446744073709551616.0.0"])
    }

    @Test func theyBumpByCarrying() throws {
        #expect(SemanticVersion("1.2.99999999999999999999999999999")!.bumped(.patch).description == "1.2.100000000000000000000000000000")
        #expect(SemanticVersion("18446744073709551615.3.4")!.bumped(.major).description == "18446744073709551616.0.0")
        #expect(SemanticVersion("1.0.0-rc.18446744073709551615")!.nextPrerelease().description == "1.0.0-rc.18446744073709551616")
    }

    @Test func theCommandLineAgrees() throws {
        let sort = try SlipwayBinary.run(["semver", "sort", "1.0.100000000000000000000", "1.0.99999999999999999999", "1.0.0"])
        #expect(sort.code == 0 && sort.stdout == "1.0.0\n1.0.99999999999999999999\n1.0.100000000000000000000\n", "\(sort.stdout)")
        let check = try SlipwayBinary.run(["semver", "check", "123456789012345678901234567890.0.0"])
        #expect(check.code == 0, "\(check.stdout) \(check.stderr)")
    }
}

extension SplitMix64 {
    mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }

    mutating func version() -> SemanticVersion {
        let words = ["alpha", "beta", "rc", "x-1", "A", "0a", "dev"]
        var prerelease: [PrereleaseIdentifier] = []
        for _ in 0..<below(4) {
            prerelease.append(below(2) == 0 ? .numeric(VersionNumber(UInt64(below(12)))) : .alphanumeric(words[below(words.count)]))
        }
        let build = below(3) == 0 ? ["b\(below(99))", "sha"] : []
        return SemanticVersion(major: VersionNumber(UInt64(below(3))), minor: VersionNumber(UInt64(below(3))), patch: VersionNumber(UInt64(below(3))),
                               prerelease: prerelease, build: build)
    }
}
