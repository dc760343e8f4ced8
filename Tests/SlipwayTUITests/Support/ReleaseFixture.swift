import Foundation
@testable import SlipwayKit
@testable import SlipwayTUI

/// Release statuses as `ReleaseEngine.status` reports them at three points of a release of 2.0.0: not started,
/// waiting for approvals, finished. Hand-made, so that screens are the same every run.
enum ReleaseFixture {
    static let version = SemanticVersion(major: 2, minor: 0, patch: 0)
    static let ada = GitIdentity(name: "Ada Release", email: "ada@acme.example")
    static let lin = GitIdentity(name: "Lin Lead", email: "lead@acme.example")
    static let head = "5c8346857018a1b2c3d4e5f60718293a4b5c6d7e"
    /// 2026-11-26 08:30 UTC.
    static let approvedAt = Date(timeIntervalSince1970: 1_795_681_800)

    static func notStarted(preconditions: [StepState] = []) -> ReleaseStatus {
        let prepare: StepState = preconditions.first ?? .ready("`slipway release prepare` writes 2.0.0 on release/v2.0.0")
        var steps: [(ReleaseStep, StepState)] = [(.version, .ready("1.4.0 → 2.0.0 (major), decided by 1 commit(s)")),
                                                 (.manifest, prepare), (.changelog, prepare)]
        for step in [ReleaseStep.pullRequest, .approvals, .merge, .tag, .publish] {
            steps.append((step, .blocked(reason: "the release is not prepared", fix: "run `slipway release prepare`")))
        }
        return ReleaseStatus(version: version, tagName: "v2.0.0", branch: nil, base: "main", started: false, steps: steps,
                             pullRequest: nil, requiredApprovals: 1, preconditions: preconditions, journal: nil, warnings: [])
    }

    static func waitingForApprovals() -> ReleaseStatus {
        let pullRequest = PullRequestState(number: nil, url: nil, state: .open, headSHA: head, author: ada.email, reviews: [
            ReviewApproval(reviewer: ada.email, name: ada.name, state: .approved, time: approvedAt, stale: false, isAuthor: true),
            ReviewApproval(reviewer: lin.email, name: lin.name, state: .approved, time: approvedAt.addingTimeInterval(-3600),
                           stale: true, isAuthor: false),
        ])
        let steps: [(ReleaseStep, StepState)] = [
            (.version, .done("2.0.0 (started by Ada Release <ada@acme.example>)")),
            (.manifest, .done("2.0.0 committed on release/v2.0.0")),
            (.changelog, .done("section [2.0.0] committed on release/v2.0.0")),
            (.pullRequest, .done("release/v2.0.0 on origin")),
            (.approvals, .blocked(reason: "0 of 1 approval(s)", fix: "a reviewer other than ada@acme.example runs `slipway release approve`")),
            (.merge, .blocked(reason: "approvals are short", fix: "get the approvals first")),
            (.tag, .blocked(reason: "not merged yet", fix: "merge first")),
            (.publish, .blocked(reason: "the tag is not pushed yet", fix: "tag first")),
        ]
        return ReleaseStatus(version: version, tagName: "v2.0.0", branch: "release/v2.0.0", base: "main", started: true, steps: steps,
                             pullRequest: pullRequest, requiredApprovals: 1, preconditions: [], journal: nil,
                             warnings: ["last attempt failed: pushing to origin was rejected"])
    }

    static func approved() -> ReleaseStatus {
        var status = waitingForApprovals()
        status.pullRequest?.reviews = [ReviewApproval(reviewer: lin.email, name: lin.name, state: .approved, time: approvedAt,
                                                      stale: false, isAuthor: false)]
        status.steps[4].state = .done("1 of 1 approval(s)")
        status.steps[5].state = .ready("merge release/v2.0.0 into main")
        status.warnings = []
        return status
    }

    /// Released on GitHub: PR #42 merged with its checks, the tag pushed and CI green.
    static func finished() -> ReleaseStatus {
        let pullRequest = PullRequestState(number: 42, url: "https://github.com/acme/acme-web/pull/42", state: .merged, headSHA: head,
                                           author: "ada-release", reviews: [
                                               ReviewApproval(reviewer: "lin-lead", name: "lin-lead", state: .approved, time: approvedAt,
                                                              stale: false, isAuthor: false),
                                               ReviewApproval(reviewer: "grace", name: "grace", state: .commented,
                                                              time: approvedAt.addingTimeInterval(600), stale: false, isAuthor: false),
                                           ], checks: [CheckRun(name: "build", status: "COMPLETED", conclusion: "SUCCESS"),
                                                       CheckRun(name: "e2e", status: "COMPLETED", conclusion: "SUCCESS")],
                                           mergeable: nil)
        let steps: [(ReleaseStep, StepState)] = [
            (.version, .done("2.0.0 (started by Ada Release <ada@acme.example>)")),
            (.manifest, .done("2.0.0 committed on release/v2.0.0")),
            (.changelog, .done("section [2.0.0] committed on release/v2.0.0")),
            (.pullRequest, .done("https://github.com/acme/acme-web/pull/42")),
            (.approvals, .done("1 of 1 approval(s)")),
            (.merge, .done("merged into main on origin")),
            (.tag, .done("v2.0.0 on origin")),
            (.publish, .done("2 artefact(s) verified; 2 CI run(s) succeeded")),
        ]
        var status = ReleaseStatus(version: version, tagName: "v2.0.0", branch: "release/v2.0.0", base: "main", started: true,
                                   steps: steps, pullRequest: pullRequest, requiredApprovals: 1, preconditions: [], journal: nil,
                                   warnings: [])
        status.artefacts = [
            ArtefactCheck(kind: .ociImage, ref: "registry.acme.example/acme/web:2.0.0", status: .verified,
                          reason: "registry.acme.example/acme/web:2.0.0 is in the registry, built from v2.0.0 (5c8346857018)",
                          digest: "sha256:8ac274b143a43a1c05efa2bdc85b831ec92c6d2555e53e2947e77df20da739d2"),
            ArtefactCheck(kind: .helmOCI, ref: "oci://registry.acme.example/charts/web:0.4.0", status: .verified,
                          reason: "oci://registry.acme.example/charts/web:0.4.0 is in the registry: chart 0.4.0, appVersion 2.0.0",
                          digest: "sha256:15f8a312ad49f2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f708192a3b"),
        ]
        return status
    }

    /// Nothing new to release since v2.0.0, whose chart never reached the registry and whose PyPI index is down.
    static func lastReleaseInView() -> ReleaseStatus {
        var status = notStarted()
        status.version = nil
        status.tagName = nil
        status.steps[0].state = .blocked(reason: "no releasable changes since v2.0.0", fix: "merge a feat or fix")
        let missing = ArtefactCheck(kind: .helmOCI, ref: "oci://registry.acme.example/charts/web:0.4.0", status: .missing,
                                    reason: "oci://registry.acme.example/charts/web:0.4.0 is not in the registry (manifest unknown)")
        let down = ArtefactCheck(kind: .pypi, ref: "acme-web 2.0.0", status: .unreachable,
                                 reason: "the package index https://pypi.acme.example/simple/ is unreachable: nothing answers")
        let image = finished().artefacts[0]
        status.lastRelease = PublishedRelease(
            version: version, tag: "v2.0.0", tagPushed: true,
            publish: .failed(reason: "artefacts: 1 verified, 1 missing, 1 unreachable",
                             fix: "publish them again from CI, then re-verify (slipway artefacts verify)"),
            artefacts: [image, missing, down])
        return status
    }

    /// A loaded console on `panel` showing `status`, as `identity`.
    static func state(_ status: ReleaseStatus, panel: PanelID, identity: GitIdentity? = lin, forge: String = "local",
                      width: Int = 80, height: Int = 24) -> ConsoleState {
        var state = ConsoleFixture.state(width: width, height: height)
        if forge != "local", let workspace = state.workspace {
            state.load = .loaded(Workspace(root: workspace.root, branch: workspace.branch, forge: forge,
                                           proposal: workspace.proposal, overrides: workspace.overrides))
        }
        _ = ConsoleReducer.reduce(&state, .key(.character(Character("\(panel.rawValue)"))))
        _ = ConsoleReducer.reduce(&state, .releaseLoaded(ReleaseSnapshot(status: status, identity: identity)))
        return state
    }
}
