import Foundation

/// A Rust crate on a sparse index (plain HTTP by design: `config.json`, then one file per crate with a JSON line
/// per version), fetched with `curl`: present, its checksum, and whether it was yanked.
struct CrateIndexCheck: Sendable {
    let settings: ArtefactSettings
    let fetch: HTTPFetch

    func verify(_ release: ArtefactRelease) throws(ArtefactProblem) -> ArtefactCheck {
        let index = settings.effectiveIndex
        let what = "the crate index \(index)"
        let ref = "\(settings.name) \(release.version)"
        let config = try fetch.get(index + "config.json", what: what)
        guard config.status == 200, let json = try? JSONParser.parse(config.body), json["dl"] != nil else {
            let why = config.status == 200 ? "its config.json has no \"dl\"" : "it has no config.json (HTTP \(config.status))"
            throw ArtefactProblem(.unchecked, "\(index) is not a sparse crate index: \(why)")
        }
        let url = index + Self.indexPath(settings.name)
        let response = try fetch.get(url, what: what)
        if response.status == 404 || response.status == 410 {
            throw ArtefactProblem(.missing, "\(settings.name) is not on \(index) at all")
        }
        var versions: [String] = []
        for line in response.body.split(separator: UInt8(ascii: "\n")) where !line.allSatisfy({ $0 == 0x20 || $0 == 0x0D }) {
            guard let entry = try? JSONParser.parse(line), case .string(let version)? = entry["vers"] else {
                throw ArtefactProblem(.unchecked, "\(url) holds a line that is not a crate version record: \(ArtefactProblem.excerpt(line))")
            }
            versions.append(version)
            guard version == release.version.description else { continue }
            if case .bool(true)? = entry["yanked"] { throw ArtefactProblem(.mismatch, "\(ref) was yanked from \(index)") }
            var digest: String?
            if case .string(let checksum)? = entry["cksum"] { digest = "sha256:" + checksum }
            return ArtefactCheck(kind: .crate, ref: ref, status: .verified, reason: "\(ref) is on \(index)", digest: digest)
        }
        throw ArtefactProblem(.missing, "\(ref) is not on \(index) (it has \(versions.isEmpty ? "no version" : versions.suffix(5).joined(separator: ", ")))")
    }

    /// Cargo's index layout: `1/a`, `2/ab`, `3/a/abc`, `ab/cd/abcd…`, on the lower-cased name.
    static func indexPath(_ name: String) -> String {
        let lower = name.lowercased()
        switch lower.count {
        case 1: return "1/" + lower
        case 2: return "2/" + lower
        case 3: return "3/\(lower.prefix(1))/" + lower
        default: return "\(lower.prefix(2))/\(lower.dropFirst(2).prefix(2))/" + lower
        }
    }
}
