/// Why a string is not a SemVer 2.0.0 version; `description` names the part that is wrong.
public struct SemanticVersionError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Reason: Sendable, Equatable {
        case empty
        case missingComponent(String)
        case extraComponent
        case notANumber(component: String, value: String)
        case leadingZero(component: String, value: String)
        case emptyIdentifier(part: String)
        case invalidCharacter(part: String, identifier: String)
        case leadingZeroInPrerelease(String)
        case whitespace
    }

    public let input: String
    public let reason: Reason

    public var description: String {
        let subject = "'\(input)' is not a SemVer version"
        switch reason {
        case .empty:
            return "\(subject): it is empty"
        case .missingComponent(let name):
            return "\(subject): the \(name) number is missing (expected MAJOR.MINOR.PATCH)"
        case .extraComponent:
            return "\(subject): it has more than three numbers before the pre-release part"
        case .notANumber(let component, let value):
            return "\(subject): the \(component) number '\(value)' is not a non-negative integer"
        case .leadingZero(let component, let value):
            return "\(subject): the \(component) number '\(value)' has a leading zero"
        case .emptyIdentifier(let part):
            return "\(subject): the \(part) has an empty identifier"
        case .invalidCharacter(let part, let identifier):
            return "\(subject): the \(part) identifier '\(identifier)' may hold only ASCII letters, digits and hyphens"
        case .leadingZeroInPrerelease(let identifier):
            return "\(subject): the numeric pre-release identifier '\(identifier)' has a leading zero"
        case .whitespace:
            return "\(subject): it contains white space"
        }
    }
}
