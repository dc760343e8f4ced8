/// The Version panel's release-file area.
public enum ReleaseFilesState: Sendable, Hashable {
    /// No previewer is wired into the console yet.
    case unavailable
    case notLoaded
    case loading
    case loaded([FileDiff])
    case failed(String)
}
