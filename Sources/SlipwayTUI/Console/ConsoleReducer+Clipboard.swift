import Foundation
import SlipwayKit

/// `y` copies what is selected (a sha, a version, a command) to the clipboard through the terminal (OSC 52),
/// and `O` opens its page on the forge (a commit, a compare, the PR) in the browser.
extension ConsoleReducer {
    /// The longest text sent through OSC 52: terminals drop longer sequences.
    static let clipboardLimit = 74_000

    /// `y`: the selection as OSC 52 for the loop to write; the status shows the text too, for a terminal that
    /// ignores the sequence.
    static func copySelection(_ state: inout ConsoleState) -> [ConsoleEffect] {
        guard let (text, what) = selectionText(state) else {
            state.status = StatusMessage("nothing to copy on this panel yet", .info)
            return []
        }
        guard text.utf8.count <= clipboardLimit else {
            state.status = StatusMessage("\(what) is too long for the terminal's clipboard", .warn)
            return []
        }
        state.terminalOutput.append(osc52(text))
        state.status = StatusMessage("copied \(text) (\(what), through the terminal: OSC 52)", .ok)
        return []
    }

    /// `ESC ] 52 ; c ; BASE64 BEL`: the clipboard escape that xterm, tmux, kitty, iTerm2 and Windows Terminal read.
    static func osc52(_ text: String) -> String {
        "\u{1B}]52;c;" + Data(text.utf8).base64EncodedString() + "\u{07}"
    }

    /// `O`: the selection's page on the forge, opened by the effect runner.
    static func openSelection(_ state: inout ConsoleState) -> [ConsoleEffect] {
        guard let target = selectionLink(state) else {
            state.status = StatusMessage("nothing to open on this panel yet", .info)
            return []
        }
        state.status = StatusMessage("opening \(target.description)…", .info)
        return [.openLink(target)]
    }

    /// What `y` copies on the current panel, and what to call it.
    // Long because it is one case per panel, each a line or two.
    static func selectionText(_ state: ConsoleState) -> (String, String)? {
        let tag = { (version: String) in (state.proposal?.tagPrefix ?? "v") + version }
        // In the messages, the newest message whole (before `y` adds its own).
        if case .messages = state.overlay { return state.messages.last.map { ($0.text, "the last message") } }
        switch state.panel {
        case .changes:
            if case .commitDetail(let sha, _) = state.overlay { return (sha, "the commit's sha") }
            return state.selectedCommit.map { ($0.sha, "the commit's sha") }
        case .version:
            return state.proposal.map { ($0.next.description, "the next version") }
        case .release, .approvals:
            guard let status = state.release.snapshot?.status else { return nil }
            if let url = status.pullRequest?.url { return (url, "the release PR's address") }
            if let next = ReleasePanelState.nextRunnable(status) { return ("slipway release \(next.action.rawValue)", "the next step's command") }
            return status.version.map { ($0.description, "the release's version") }
        case .environments:
            guard let environment = state.environments.selectedStatus else { return nil }
            if let target = environment.promotable {
                return ("slipway env promote \(environment.name) --version \(target)", "the promotion's command")
            }
            return environment.version.map { ($0, "the version \(environment.name) runs") }
        case .rollback:
            guard case .loaded(_, let plan?, _) = state.environments.rollback else { return nil }
            let name = plan.environment.name
            return ("slipway env rollback \(name) --to \(plan.target.version) --confirm \(name)", "the rollback's command")
        case .hotfixes:
            guard let row = state.hotfixes.current else { return nil }
            return state.hotfixes.opened != nil ? (row.tagged ? row.tag : (row.branch ?? tag(row.version.description)), "the hotfix's ref")
                : (row.version.description, "the hotfix's version")
        }
    }

    /// What `O` opens on the current panel.
    static func selectionLink(_ state: ConsoleState) -> LinkTarget? {
        let tag = { (version: String) in (state.proposal?.tagPrefix ?? "v") + version }
        switch state.panel {
        case .changes:
            if case .commitDetail(let sha, _) = state.overlay { return .commit(sha) }
            return state.selectedCommit.map { .commit($0.sha) }
        case .version:
            guard let base = state.proposal?.baseTag?.name else { return nil }
            return .compare(base, state.workspace?.branch ?? "HEAD")
        case .release, .approvals:
            guard let status = state.release.snapshot?.status else { return nil }
            if let url = status.pullRequest?.url { return .page(url) }
            guard let branch = status.branch ?? status.tagName else { return nil }
            return .compare(status.base, branch)
        case .environments:
            guard let environment = state.environments.selectedStatus, let current = environment.version else { return nil }
            return environment.promotable.map { .compare(tag(current), tag($0)) }
        case .rollback:
            guard case .loaded(_, let plan?, _) = state.environments.rollback, let current = plan.current else { return nil }
            return .compare(tag(plan.target.version), tag(current))
        case .hotfixes:
            guard let row = state.hotfixes.current, let base = row.baseTag else { return nil }
            return .compare(base, row.tagged ? row.tag : (row.branch ?? row.tag))
        }
    }
}

/// A page on the forge.
public enum LinkTarget: Sendable, Hashable, CustomStringConvertible {
    /// An address the forge gave (a PR's).
    case page(String)
    case commit(String)
    /// What the second ref has that the first has not.
    case compare(String, String)

    public var description: String {
        switch self {
        case .page(let url): return url
        case .commit(let sha): return "commit " + String(sha.prefix(12))
        case .compare(let older, let newer): return "\(older)...\(newer)"
        }
    }
}
