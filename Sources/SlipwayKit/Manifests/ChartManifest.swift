import Foundation

/// Helm's `Chart.yaml`: the top-level `appVersion` (by default) and/or `version`, read line by line so that
/// comments, quoting and key order survive.
enum ChartManifest {
    /// The fields a `versionFiles[].field` names: `appVersion`, `version`, or `both`.
    static func fields(for setting: String?) -> [String]? {
        switch setting {
        case nil, "appVersion": return ["appVersion"]
        case "version": return ["version"]
        case "both": return ["version", "appVersion"]
        default: return nil
        }
    }

    /// The spans of `fields` among the first document's top-level keys, read with the YAML reader so that
    /// comments, quotes, compact sequences, flow collections and further documents are all allowed around them.
    static func read(_ bytes: [UInt8], file: String, fields: [String]) throws(ManifestError) -> VersionFileReading {
        let root: YAMLNode?
        do { root = try YAMLParser.parseFirst(bytes, file: file) } catch {
            throw ManifestError(file: file, line: error.line, problem: error.problem)
        }
        guard let root, root.kind == .mapping else {
            throw ManifestError(file: file, line: root?.line, problem: "expected 'key: value' at the top level; this is not valid Chart.yaml")
        }
        var locations: [VersionLocation] = []
        for field in fields {
            guard let value = root[field] else {
                throw ManifestError(file: file, problem: "has no top-level \(field); add \(field): X.Y.Z, or choose another field in versionFiles")
            }
            locations.append(try location(value, key: field, file: file, bytes: bytes))
        }
        return .versions(locations)
    }

    /// A version written as a plain or quoted scalar on one line; anything else cannot be edited in place.
    static func location(_ node: YAMLNode, key: String, file: String, bytes: [UInt8]) throws(ManifestError) -> VersionLocation {
        guard node.kind == .scalar, [.plain, .singleQuoted, .doubleQuoted].contains(node.style), node.anchor == nil else {
            throw ManifestError(file: file, line: node.line, problem: "\(key) is not a plain value; write \(key): X.Y.Z")
        }
        guard !node.isNull, !node.range.isEmpty else {
            throw ManifestError(file: file, line: node.line, problem: "\(key) has no value on its line; write \(key): X.Y.Z")
        }
        let raw = bytes[node.range]
        guard !raw.contains(0x0A), !raw.contains(0x0D), String(decoding: raw, as: UTF8.self) == node.value else {
            throw ManifestError(file: file, line: node.line, problem: "\(key) is written over several lines or with escapes; write \(key): X.Y.Z")
        }
        return VersionLocation(field: key, range: node.range, in: bytes)
    }
}
