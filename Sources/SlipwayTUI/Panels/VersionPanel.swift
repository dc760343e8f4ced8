import SlipwayKit

/// The Version panel: current → next, the level and the commits that decided it with their reasons, the
/// 0.x rule, the override, and the release-file previews.
public enum VersionPanel {
    /// Deciding commits listed before the rest are counted.
    static let decidingShown = 40

    public static func render(_ state: ConsoleState, in area: Rect, into buffer: inout ScreenBuffer) {
        let lines = self.lines(state, width: area.width)
        let scroll = min(state.versionScroll, max(0, lines.count - area.height))
        for (offset, line) in lines.dropFirst(scroll).prefix(area.height).enumerated() {
            buffer.draw(line, x: area.x, y: area.y + offset, limit: area.maxX)
        }
    }

    // Long because the panel is drawn top to bottom as it reads: version, rules, charts, deciding commits, release files.
    /// The panel's text, top to bottom: pure.
    public static func lines(_ state: ConsoleState, width: Int) -> [StyledLine] {
        switch state.load {
        case .loading:
            return [StyledLine(" Working out the next version…", .muted)]
        case .failed(let message):
            return PanelText.failure("Could not work out the next version:", message, width: width)
        case .loaded(let workspace):
            return lines(workspace.proposal, state: state, width: width,
                         charts: chartLines(workspace, width: width) + packageLines(workspace, width: width))
        }
    }

    // Long because the panel reads top to bottom in one place: current, next, level, override, rule, the deciding
    // commits, the unclassified count, charts and packages, then the release files.
    static func lines(_ proposal: VersionProposal, state: ConsoleState, width: Int, charts: [StyledLine] = []) -> [StyledLine] {
        var lines: [StyledLine] = []
        let label = { (text: String) in TextFit.pad(" " + text, to: 11) }
        let from = proposal.baseTag.map { "(\($0.name))" } ?? "(no release yet)"
        lines.append(StyledLine([(label("Current"), .muted), (proposal.current.description + "  ", .text), (from, .muted)]))
        if proposal.isReleaseNeeded {
            var next = StyledLine([(label("Next"), .muted), (proposal.next.description, .accent)])
            next.append("  " + proposal.nextTagName, .muted)
            lines.append(next)
        } else {
            let since = proposal.baseTag?.name ?? "the start"
            lines.append(StyledLine([(label("Next"), .muted),
                                     (proposal.commits.isEmpty ? "nothing new since \(since)" : "nothing to release: no commit since \(since) asks for one", .muted)]))
        }
        lines.append(StyledLine([(label("Level"), .muted), (proposal.bump.name, ChangesPanel.role(of: proposal.bump))]))
        if let override = proposal.versionOverride {
            lines.append(StyledLine([(label("Override"), .muted),
                                     (ConsoleReducer.describe(override.choice), .marked),
                                     ("  instead of \(proposal.computedNext): \(override.reason)", .text)]))
        } else {
            lines.append(StyledLine([(label("Override"), .muted), ("none (o overrides)", .muted)]))
        }
        if let zero = proposal.breakingWhileZero {
            lines.append(StyledLine([(label("0.x rule"), .muted),
                                     ("major version is 0: a breaking change bumps \(zero), not major", .warn)]))
        } else {
            lines.append(StyledLine([(label("Rule"), .muted), ("breaking → major, feat → minor, fix/perf → patch", .text)]))
        }
        lines += charts
        lines.append(StyledLine())

        let deciding = state.decidingCommits
        if deciding.isEmpty {
            lines.append(StyledLine(" No commit calls for a release.", .muted))
        } else {
            lines.append(StyledLine(" Decided by \(deciding.count) commit(s) at \(proposal.bump):", .title))
            // The panel is rebuilt on every key: past a screenful the rest is counted, not listed.
            for commit in deciding.prefix(Self.decidingShown) {
                var line = StyledLine("   " + commit.commit.shortSHA + " ", .muted)
                line.append(commit.override != nil ? "✎ " : "  ", .marked)
                line.append(TextFit.truncate(commit.subject, to: max(0, width - 13)), .text)
                lines.append(line)
                for part in TextFit.wrap(commit.reason, to: max(1, width - 14)) {
                    lines.append(StyledLine("             " + part, .muted))
                }
            }
        }
        if deciding.count > Self.decidingShown {
            lines.append(StyledLine("   … and \(deciding.count - Self.decidingShown) more (filter level:\(proposal.bump) in Changes)", .muted))
        }
        let unclassified = state.unclassifiedCount
        if unclassified > 0 {
            let text = "\(unclassified) commit(s) are not conventional and count for nothing until classified (c in Changes)."
            lines += TextFit.wrap(text, to: max(1, width - 2)).map { StyledLine(" " + $0, .warn) }
        }
        for warning in proposal.warnings {
            lines += TextFit.wrap("warning: " + warning, to: max(1, width - 2)).map { StyledLine(" " + $0, .warn) }
        }
        lines.append(StyledLine())
        lines.append(StyledLine(" Release files", .title))
        switch state.releaseFiles {
        case .unavailable:
            lines.append(StyledLine("   Release-file previews are not available yet: manifest and CHANGELOG", .muted))
            lines.append(StyledLine("   editing is not wired into the console, so nothing can be written here.", .muted))
        case .notLoaded, .loading:
            lines.append(StyledLine("   Preparing the previews…", .muted))
        case .failed(let message):
            lines.append(StyledLine("   Previews failed: " + message, .error))
        case .loaded(let diffs):
            if diffs.isEmpty { lines.append(StyledLine("   No file needs a change.", .muted)) }
            for diff in diffs {
                lines.append(StyledLine("   " + diff.path, .accent))
                for text in diff.diff.split(separator: "\n", omittingEmptySubsequences: false) {
                    let role: StyleRole = text.hasPrefix("+") ? .ok : text.hasPrefix("-") ? .error : .muted
                    lines.append(StyledLine("     " + text, role))
                }
            }
            if !diffs.isEmpty { lines.append(StyledLine("   w writes these files (after a confirmation).", .muted)) }
        }
        return lines
    }

    /// A monorepo's packages, one a line: name, last release, next (`slipway release prepare --package NAME`).
    static func packageLines(_ workspace: Workspace, width: Int) -> [StyledLine] {
        guard !workspace.packages.isEmpty else { return [] }
        var lines = [StyledLine([(TextFit.pad(" Packages", to: 11), .muted),
                                 ("\(workspace.packages.count), each released with --package NAME", .muted)])]
        let nameWidth = min(24, workspace.packages.map { DisplayWidth.of($0.package.name) }.max() ?? 0)
        for proposal in workspace.packages {
            var line = StyledLine("   " + TextFit.pad(TextFit.truncate(proposal.package.name, to: nameWidth), to: nameWidth + 2), .text)
            line.append(proposal.current.description, .text)
            if proposal.releaseNeeded {
                line.append(" → ", .muted)
                line.append(proposal.next.description, .accent)
                line.append("  \(proposal.bump)", ChangesPanel.role(of: proposal.bump))
            } else {
                line.append("  no release needed", .muted)
            }
            let room = max(0, width - DisplayWidth.of(line.plainText) - 1)
            line.append(TextFit.truncate("  \(proposal.commits) commit(s)\(proposal.source == "changesets" ? ", changesets" : "")", to: room), .muted)
            lines.append(line)
        }
        return lines
    }

    /// Each chart beside the app's version: its own version for the release (and why), then chart lint's findings.
    static func chartLines(_ workspace: Workspace, width: Int) -> [StyledLine] {
        var lines: [StyledLine] = []
        let label = TextFit.pad(" Chart", to: 11)
        for chart in workspace.charts {
            var line = StyledLine([(label, .muted), (chart.path + "  ", .text)])
            if let problem = chart.problem {
                line.append("?", .warn)
                lines.append(line)
                lines += TextFit.wrap(problem, to: max(1, width - 14)).map { StyledLine(String(repeating: " ", count: 13) + $0, .warn) }
            } else if chart.moves, let next = chart.next {
                line.append(chart.current + " → ", .text)
                line.append(next.description, .accent)
                let room = max(0, width - DisplayWidth.of(line.plainText) - 1)
                line.append(TextFit.truncate("  (\(chart.bump), \(chart.touching) commit(s) touched it)", to: room), .muted)
                lines.append(line)
            } else {
                line.append(chart.current, .text)
                let room = max(0, width - DisplayWidth.of(line.plainText) - 1)
                line.append(TextFit.truncate("  stays: untouched since the last release", to: room), .muted)
                lines.append(line)
            }
            let findings = workspace.chartLint.first { $0.path == chart.path }?.findings ?? []
            for finding in findings.prefix(8) {
                let role: StyleRole = finding.severity == .error ? .error : finding.severity == .warning ? .warn : .muted
                let mark = finding.severity == .error ? "✗" : finding.severity == .warning ? "!" : "·"
                let place = (finding.file.hasPrefix(chart.path + "/") ? String(finding.file.dropFirst(chart.path.count + 1)) : finding.file)
                    + (finding.line.map { ":\($0)" } ?? "")
                let text = "\(place) [\(finding.rule)] \(finding.message)"
                for (index, part) in TextFit.wrap(text, to: max(1, width - 17)).prefix(2).enumerated() {
                    lines.append(StyledLine(index == 0 ? "           " + mark + " " + part : "             " + part, role))
                }
            }
            if findings.count > 8 { lines.append(StyledLine("           … and \(findings.count - 8) more (slipway chart lint)", .muted)) }
        }
        return lines
    }
}
