/// How an environment is deployed.
public enum BackendSettings: Sendable, Hashable {
    case gitops(GitopsSettings)
    case helm(HelmSettings)
    case command(CommandBackendSettings)

    public var kind: String {
        switch self {
        case .gitops: return "gitops"
        case .helm: return "helm"
        case .command: return "command"
        }
    }

    init(_ node: ConfigNode) throws(ConfigError) {
        guard case .object = node.value else { throw node.error("must be an object, not \(node.value.kindName)") }
        guard let kindValue = node.value["kind"] else { throw node.error("needs a \"kind\": gitops, helm or command") }
        let kindNode = ConfigNode(value: kindValue, path: node.path + ".kind", file: node.file)
        switch try kindNode.choice(["gitops", "helm", "command"]) {
        case "gitops": self = .gitops(try GitopsSettings(node))
        case "helm": self = .helm(try HelmSettings(node))
        default: self = .command(try CommandBackendSettings(node))
        }
    }
}
