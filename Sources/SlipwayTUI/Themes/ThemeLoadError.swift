/// A theme that was not found, or found and wrong.
public struct ThemeLoadError: Error, Sendable {
    public enum Kind: Sendable { case notFound, invalid }
    public let kind: Kind
    public let themeError: ThemeError
}
