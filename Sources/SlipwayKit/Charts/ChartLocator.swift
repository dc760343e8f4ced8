import Foundation

/// The Helm charts of a repository: `chart/`, `charts/*/`, and the folders of `versionFiles` entries that are
/// Chart.yaml files.
public enum ChartLocator {
    /// Chart folders relative to the root, in the order `ManifestSet` discovers them (config first), each once.
    public static func folders(root: String, config: SlipwayConfig) -> [String] {
        var folders: [String] = []
        func add(_ folder: String) { if !folders.contains(folder) { folders.append(folder) } }
        for setting in config.versionFiles {
            let isChart = setting.format == "chart" || (setting.format == nil && (setting.path as NSString).lastPathComponent == "Chart.yaml")
            if isChart { add((setting.path as NSString).deletingLastPathComponent.isEmpty ? "." : (setting.path as NSString).deletingLastPathComponent) }
        }
        let manager = FileManager.default
        if manager.fileExists(atPath: root + "/chart/Chart.yaml") { add("chart") }
        if let names = try? manager.contentsOfDirectory(atPath: root + "/charts") {
            for name in names.sorted() where manager.fileExists(atPath: root + "/charts/\(name)/Chart.yaml") { add("charts/\(name)") }
        }
        return folders
    }

    /// `folder/Chart.yaml` (just `Chart.yaml` for the root).
    public static func chartFile(_ folder: String) -> String { folder == "." ? "Chart.yaml" : folder + "/Chart.yaml" }
}
