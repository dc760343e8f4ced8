import Foundation
import Testing
@testable import SlipwayKit

@Suite struct ArtefactSettingsTests {
    func parse(_ artefacts: String) throws(ConfigError) -> [ArtefactSettings] {
        try SlipwayConfig.parse(Data(#"{"artefacts": \#(artefacts)}"#.utf8)).artefacts()
    }

    func problem(_ artefacts: String) -> String? {
        do { _ = try parse(artefacts); return nil } catch { return error.description }
    }

    @Test func everyKindAsTheREADMEWritesIt() throws {
        let settings = try parse("""
            [{ "kind": "npm", "name": "@acme/web" },
             { "kind": "oci-image", "ref": "registry.example.com/acme/web" },
             { "kind": "oci-image", "ref": "localhost:5000/acme/web", "tag": "v{version}", "tlsVerify": false, "smoke": ["./smoke", "{ref}"] },
             { "kind": "helm-oci", "ref": "oci://registry.example.com/charts/web", "chart": "charts/web/" },
             { "kind": "pypi", "name": "acme-web", "index": "https://pypi.example.com/simple" },
             { "kind": "crate", "name": "acme-web", "index": "sparse+https://crates.example.com/index/", "timeoutSeconds": 30 }]
            """)
        #expect(settings.map(\.kind) == [.npm, .ociImage, .ociImage, .helmOCI, .pypi, .crate])
        #expect(settings[0].effectiveIndex == "https://registry.npmjs.org/")
        #expect(settings[2].renderTag(version: "1.2.0+build.5") == "v1.2.0_build.5")
        #expect(settings[2].tlsVerify == false && settings[2].smoke == ["./smoke", "{ref}"])
        #expect(settings[3].name == "registry.example.com/charts/web" && settings[3].chart == "charts/web")
        #expect(settings[3].display == "oci://registry.example.com/charts/web")
        #expect(settings[4].effectiveIndex == "https://pypi.example.com/simple/")
        #expect(settings[5].effectiveIndex == "https://crates.example.com/index/" && settings[5].timeoutSeconds == 30)
        #expect(settings[3].keyPath == "artefacts[3]")
    }

    @Test func badValuesAreRefusedWithTheirKeyPath() {
        #expect(problem(#"[{"kind": "docker", "ref": "r/a"}]"#) == ".slipway.json: artefacts[0].kind: 'docker' is not one of oci-image, helm-oci, pypi, npm, crate")
        #expect(problem(#"[{"kind": "oci-image"}]"#)?.hasPrefix(".slipway.json: artefacts[0]: needs a \"ref\"") == true)
        #expect(problem(#"[{"kind": "oci-image", "ref": "https://r.example/acme/web"}]"#) == ".slipway.json: artefacts[0].ref: 'https://r.example/acme/web' must be a repository like registry.example.com/acme/web, without a scheme")
        #expect(problem(#"[{"kind": "oci-image", "ref": "r.example/acme/web:1.0"}]"#)?.contains("no tag or digest") == true)
        #expect(problem(#"[{"kind": "oci-image", "ref": "-r.example/acme"}]"#)?.contains("artefacts[0].ref") == true)
        #expect(problem(#"[{"kind": "oci-image", "ref": "r.example/acme/web", "tag": "{version} latest"}]"#)?.contains("artefacts[0].tag: '{version} latest' does not make a valid tag") == true)
        #expect(problem(#"[{"kind": "oci-image", "ref": "r.example/acme/web", "tag": "-{version}"}]"#)?.contains("artefacts[0].tag") == true)
        #expect(problem(#"[{"kind": "helm-oci", "ref": "r.example/charts/web", "chart": "charts/web"}]"#)?.contains("must start with oci://") == true)
        #expect(problem(#"[{"kind": "helm-oci", "ref": "oci://r.example/charts/web"}]"#)?.contains("needs a \"chart\"") == true)
        #expect(problem(#"[{"kind": "helm-oci", "ref": "oci://r.example/charts/web", "chart": "../web"}]"#) == ".slipway.json: artefacts[0].chart: '../web' must be a path inside the repository")
        #expect(problem(#"[{"kind": "npm", "name": "--registry=http://evil"}]"#) == ".slipway.json: artefacts[0].name: '--registry=http://evil' is not a valid npm package name")
        #expect(problem(#"[{"kind": "npm", "name": "@acme/web", "index": "https://x/"}]"#)?.contains("npm takes \"registry\", not \"index\"") == true)
        #expect(problem(#"[{"kind": "pypi", "name": "acme web"}]"#)?.contains("is not a valid pypi package name") == true)
        #expect(problem(#"[{"kind": "pypi", "name": "acme", "index": "file:///etc/passwd"}]"#)?.contains("must be an http(s) URL") == true)
        #expect(problem(#"[{"kind": "crate", "name": "-x"}]"#)?.contains("is not a valid crate package name") == true)
        #expect(problem(#"[{"kind": "pypi", "name": "acme", "smoke": []}]"#) == ".slipway.json: artefacts[0].smoke: must name a program")
        #expect(problem(#"[{"kind": "pypi", "name": "acme", "smoke": ["--help"]}]"#)?.contains("must be a program") == true)
        #expect(problem(#"[{"kind": "pypi", "name": "acme", "timeoutSeconds": 0}]"#)?.contains("artefacts[0].timeoutSeconds") == true)
        #expect(problem(#"[{"kind": "pypi", "name": "acme", "colour": "red"}]"#)?.contains("artefacts[0].colour: unknown key") == true)
        #expect(problem(#"{"kind": "pypi"}"#) == ".slipway.json: artefacts: must be an array, not an object")
    }

    @Test func sha256MatchesTheStandardsVectors() {
        #expect(SHA256Digest.hex([UInt8]()) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256Digest.hex(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256Digest.hex(Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8))
                == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        #expect(SHA256Digest.hex([UInt8](repeating: 0x61, count: 1_000_000)) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
        #expect(SHA256Digest.oci(Array("abc".utf8)).hasPrefix("sha256:ba7816bf"))
    }

    @Test func pythonIndexPagesInBothForms() throws {
        // PEP 503 as pypiserver and pip's own test data write it, with a yanked file (PEP 592).
        let html = """
            <!DOCTYPE html><html><body><h1>Links for acme-web</h1>
            <a href="/packages/acme-web-1.1.0.tar.gz#sha256=\(String(repeating: "1", count: 64))">acme-web-1.1.0.tar.gz</a><br>
            <a href="../../packages/acme_web-1.2.0rc1-py3-none-any.whl#sha256=\(String(repeating: "2", count: 64))" data-requires-python="&gt;=3.9">acme_web-1.2.0rc1-py3-none-any.whl</a><br>
            <a href="/packages/acme_web-1.2.0-py3-none-any.whl" data-yanked="broken &amp; withdrawn">acme_web-1.2.0-py3-none-any.whl</a>
            </body></html>
            """
        let files = PyPIIndexCheck.filesFromHTML(html)
        #expect(files.map(\.filename) == ["acme-web-1.1.0.tar.gz", "acme_web-1.2.0rc1-py3-none-any.whl", "acme_web-1.2.0-py3-none-any.whl"])
        #expect(files[1].sha256 == String(repeating: "2", count: 64))
        #expect(files[2].yanked == "broken & withdrawn" && files[0].yanked == nil)
        // PEP 691's own example, trimmed.
        let json = #"{"meta": {"api-version": "1.0"}, "name": "holygrail", "files": [{"filename": "holygrail-1.0.tar.gz", "url": "https://example.com/files/holygrail-1.0.tar.gz", "hashes": {"sha256": "abc"}, "requires-python": ">=3.7", "yanked": "Had a vulnerability"}, {"filename": "holygrail-1.0-py3-none-any.whl", "url": "https://example.com/files/holygrail-1.0-py3-none-any.whl", "hashes": {"sha256": "def"}, "requires-python": ">=3.7", "dist-info-metadata": true}]}"#
        let parsed = try #require(PyPIIndexCheck.filesFromJSON(Data(json.utf8)))
        #expect(parsed == [PyPIIndexCheck.IndexFile(filename: "holygrail-1.0.tar.gz", sha256: "abc", yanked: "Had a vulnerability"),
                           PyPIIndexCheck.IndexFile(filename: "holygrail-1.0-py3-none-any.whl", sha256: "def", yanked: nil)])
        #expect(PyPIIndexCheck.version(ofFile: "acme_web-1.2.0rc1-py3-none-any.whl", project: "acme-web") == "1.2.0rc1")
        #expect(PyPIIndexCheck.version(ofFile: "Acme.Web-1.2.0.RC.1.tar.gz", project: "acme-web") == "1.2.0rc1")
        #expect(PyPIIndexCheck.version(ofFile: "acme-web-extra-1.2.0.tar.gz", project: "acme-web") == nil)
        #expect(PyPIIndexCheck.pep440(try SemanticVersion(parsing: "1.2.0-rc.1")) == "1.2.0rc1")
        #expect(PyPIIndexCheck.pep440(try SemanticVersion(parsing: "2.0.0-beta")) == "2.0.0b0")
        #expect(PyPIIndexCheck.normalise("Acme__Web.Tools") == "acme-web-tools")
        #expect(CrateIndexCheck.indexPath("Serde") == "se/rd/serde" && CrateIndexCheck.indexPath("a") == "1/a" && CrateIndexCheck.indexPath("syn") == "3/s/syn")
    }
}
