import Foundation
import SlipwayKit

/// The dialog that overrides the next version: a level, a pre-release identifier or an exact version,
/// validated, with a required reason. Kept for this release only.
public struct VersionOverrideDialog: Sendable, Hashable {
    public enum Option: Int, Sendable, CaseIterable, Hashable {
        case major, minor, patch, prerelease, exact

        public var label: String {
            switch self {
            case .major: return "major"
            case .minor: return "minor"
            case .patch: return "patch"
            case .prerelease: return "pre-release (identifier, e.g. rc)"
            case .exact: return "exact version"
            }
        }

        public var needsValue: Bool { self == .prerelease || self == .exact }
    }

    /// Which text field typing goes to.
    public enum Field: Sendable, Hashable { case value, reason }

    public var option: Option = .minor
    public var value: String = ""
    public var reason: String = ""
    public var focus: Field = .reason
    public var error: String?

    public init() {}

    /// The override to save, or the problem to show.
    public func validated() -> Result<VersionOverride, ConsoleProblem> {
        let value = value.trimmingCharacters(in: .whitespaces)
        let reason = reason.trimmingCharacters(in: .whitespaces)
        let choice: VersionOverride.Choice
        switch option {
        case .major: choice = .level(.major)
        case .minor: choice = .level(.minor)
        case .patch: choice = .level(.patch)
        case .prerelease:
            guard !value.isEmpty else { return .failure(ConsoleProblem("type a pre-release identifier such as rc")) }
            guard SemanticVersion.isValidPrereleaseIdentifier(value) else {
                return .failure(ConsoleProblem("'\(value)' is not a pre-release identifier (letters, digits, hyphens, dots)"))
            }
            choice = .prerelease(value)
        case .exact:
            guard !value.isEmpty else { return .failure(ConsoleProblem("type the exact version, e.g. 2.0.0")) }
            let text = value.hasPrefix("v") ? String(value.dropFirst()) : value
            do {
                choice = .exact(try SemanticVersion(parsing: text))
            } catch {
                return .failure(ConsoleProblem(error.description))
            }
        }
        guard !reason.isEmpty else { return .failure(ConsoleProblem("a reason is required")) }
        return .success(VersionOverride(choice: choice, reason: reason))
    }
}
