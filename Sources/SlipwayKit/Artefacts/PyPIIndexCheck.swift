import Foundation

/// A Python package on a simple index (PEP 503 HTML or PEP 691 JSON), fetched with `curl`: the release's files,
/// their SHA-256, and whether the release was yanked (PEP 592).
struct PyPIIndexCheck: Sendable {
    let settings: ArtefactSettings
    let fetch: HTTPFetch

    /// One distribution file the index lists.
    struct IndexFile: Equatable {
        let filename: String
        let sha256: String?
        /// The yank reason (`""` when yanked without one), or `nil` when not yanked.
        let yanked: String?
    }

    func verify(_ release: ArtefactRelease) throws(ArtefactProblem) -> ArtefactCheck {
        let project = Self.normalise(settings.name)
        let url = settings.effectiveIndex + project + "/"
        let ref = "\(settings.name) \(release.version)"
        let response = try fetch.get(url, accept: "application/vnd.pypi.simple.v1+json, text/html;q=0.1",
                                     what: "the package index \(settings.effectiveIndex)")
        if response.status == 404 || response.status == 410 {
            throw ArtefactProblem(.missing, "\(settings.name) is not on \(settings.effectiveIndex) at all")
        }
        let files: [IndexFile]
        if response.contentType.contains("json") {
            guard let parsed = Self.filesFromJSON(response.body) else {
                throw ArtefactProblem(.unchecked, "\(url) answered JSON that is not a PEP 691 project page: \(ArtefactProblem.excerpt(response.body))")
            }
            files = parsed
        } else {
            let text = String(decoding: response.body, as: UTF8.self)
            guard text.lowercased().contains("<a") || text.lowercased().contains("<html") else {
                throw ArtefactProblem(.unchecked, "\(url) answered something that is not a simple-index page: \(ArtefactProblem.excerpt(response.body))")
            }
            files = Self.filesFromHTML(text)
        }
        let wanted = Self.pep440(release.version)
        let matching = files.filter { Self.version(ofFile: $0.filename, project: project) == wanted }
        guard !matching.isEmpty else {
            let others = Set(files.compactMap { Self.version(ofFile: $0.filename, project: project) }).sorted()
            throw ArtefactProblem(.missing, "\(settings.name) \(wanted) is not on \(settings.effectiveIndex) (it has \(others.isEmpty ? "no release" : others.suffix(5).joined(separator: ", ")))")
        }
        if let yanked = matching.first(where: { $0.yanked != nil }) {
            throw ArtefactProblem(.mismatch, "\(settings.name) \(wanted) was yanked\(yanked.yanked?.isEmpty == false ? ": \(yanked.yanked!)" : "")")
        }
        let preferred = matching.first { $0.filename.hasSuffix(".whl") } ?? matching[0]
        return ArtefactCheck(kind: .pypi, ref: ref, status: .verified,
                             reason: "\(settings.name) \(wanted) is on \(settings.effectiveIndex): \(matching.map(\.filename).joined(separator: ", "))",
                             digest: preferred.sha256.map { "sha256:" + $0 })
    }

    /// PEP 503 normalisation: lower case, every run of `-`, `_`, `.` one `-`.
    static func normalise(_ name: String) -> String {
        var result = ""
        var lastWasSeparator = false
        for character in name.lowercased() {
            if "-_.".contains(character) {
                if !lastWasSeparator { result.append("-") }
                lastWasSeparator = true
            } else {
                result.append(character)
                lastWasSeparator = false
            }
        }
        return result
    }

    /// The PEP 440 spelling of a SemVer version: `1.2.0-rc.1` → `1.2.0rc1`, `-alpha.2` → `a2`, `-beta` → `b0`.
    static func pep440(_ version: SemanticVersion) -> String {
        let core = "\(version.major).\(version.minor).\(version.patch)"
        guard !version.prerelease.isEmpty else { return core }
        let parts = version.prerelease.map(\.description)
        let label = parts[0].lowercased()
        let number = parts.count > 1 ? parts[1] : "0"
        switch label {
        case "alpha", "a": return core + "a" + number
        case "beta", "b": return core + "b" + number
        case "rc", "c", "pre", "preview": return core + "rc" + number
        case "dev": return core + ".dev" + number
        default: return version.description
        }
    }

    /// The version in a wheel (`name-1.2.0-py3-none-any.whl`) or sdist (`name-1.2.0.tar.gz`) file name, normalised.
    static func version(ofFile filename: String, project: String) -> String? {
        var stem = filename
        if stem.hasSuffix(".whl") {
            let fields = stem.split(separator: "-")
            guard fields.count >= 3, normalise(String(fields[0])) == project else { return nil }
            return normaliseVersion(String(fields[1]))
        }
        for suffix in [".tar.gz", ".zip", ".tar.bz2", ".tgz"] where stem.hasSuffix(suffix) {
            stem.removeLast(suffix.count)
            guard let dash = stem.lastIndex(of: "-"), normalise(String(stem[..<dash])) == project else { return nil }
            return normaliseVersion(String(stem[stem.index(after: dash)...]))
        }
        return nil
    }

    /// A PEP 440 version as the index may spell it (`1.2.0-RC1`, `1.2.0.rc.1`, `1.2.0c1`) reduced to one spelling.
    static func normaliseVersion(_ text: String) -> String {
        var result = text.lowercased()
        if result.hasPrefix("v") { result.removeFirst() }
        let pattern = "^(\\d+(?:\\.\\d+)*)[-_.]?(alpha|beta|preview|pre|rc|a|b|c)[-_.]?(\\d*)(.*)$"
        guard let regex = try? NSRegularExpression(pattern: pattern),
              let match = regex.firstMatch(in: result, range: NSRange(result.startIndex..., in: result)) else { return result }
        func group(_ index: Int) -> String {
            Range(match.range(at: index), in: result).map { String(result[$0]) } ?? ""
        }
        let label: String
        switch group(2) {
        case "alpha", "a": label = "a"
        case "beta", "b": label = "b"
        default: label = "rc"
        }
        let number = group(3).isEmpty ? "0" : String(Int(group(3)) ?? 0)
        return group(1) + label + number + group(4)
    }

    static func filesFromJSON(_ data: Data) -> [IndexFile]? {
        guard let json = try? JSONParser.parse(data), case .array(let entries)? = json["files"] else { return nil }
        return entries.compactMap { entry in
            guard case .string(let name)? = entry["filename"] else { return nil }
            var sha: String?
            if case .string(let value)? = entry["hashes"]?["sha256"] { sha = value }
            var yanked: String?
            switch entry["yanked"] {
            case .bool(true)?: yanked = ""
            case .string(let reason)?: yanked = reason
            default: yanked = nil
            }
            return IndexFile(filename: name, sha256: sha, yanked: yanked)
        }
    }

    /// The anchors of a PEP 503 page: the text is the file name, `#sha256=` in the href its hash,
    /// `data-yanked` its yank.
    static func filesFromHTML(_ text: String) -> [IndexFile] {
        guard let anchor = try? NSRegularExpression(pattern: "<a\\s([^>]*)>([^<]*)</a>", options: [.caseInsensitive]) else { return [] }
        let range = NSRange(text.startIndex..., in: text)
        return anchor.matches(in: text, range: range).compactMap { match in
            guard let attributesRange = Range(match.range(at: 1), in: text), let nameRange = Range(match.range(at: 2), in: text) else { return nil }
            let attributes = String(text[attributesRange])
            let name = unescape(String(text[nameRange]).trimmingCharacters(in: .whitespacesAndNewlines))
            let sha = attributes.range(of: "#sha256=[0-9a-fA-F]{64}", options: .regularExpression)
                .map { String(attributes[$0].dropFirst("#sha256=".count)).lowercased() }
            var yanked: String?
            if let yank = attributes.range(of: "data-yanked(=\"[^\"]*\")?", options: .regularExpression) {
                let value = attributes[yank].dropFirst("data-yanked".count)
                yanked = value.isEmpty ? "" : unescape(String(value.dropFirst(2).dropLast()))
            }
            return IndexFile(filename: name, sha256: sha, yanked: yanked)
        }
    }

    static func unescape(_ text: String) -> String {
        text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&amp;", with: "&")
    }
}
