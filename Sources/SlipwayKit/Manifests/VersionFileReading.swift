/// What reading a version file found.
public enum VersionFileReading: Sendable, Hashable {
    /// One or more spans to replace with the release version.
    case versions([VersionLocation])
    /// The version is taken from elsewhere (a workspace, a parent POM); the file is reported and not edited.
    case inheriting(String)
    /// The version is computed by a build backend; the text says where it lives.
    case dynamic(String)
}
