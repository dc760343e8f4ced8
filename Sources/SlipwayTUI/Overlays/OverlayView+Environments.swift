/// The promotion and rollback confirmation's text.
extension OverlayView {
    /// ` ←/→ 1.2.0 [1.1.0] 1.0.0`: the versions to choose from, the chosen one marked, cut with an ellipsis.
    static func choiceLine(_ dialog: EnvironmentConfirmDialog, width: Int) -> StyledLine {
        var line = StyledLine([(" ←/→ ", .key)])
        var used = 5
        for (index, version) in dialog.offered.enumerated() {
            let text = version == dialog.target ? "[\(version)]" : version
            guard used + text.count + 1 <= width - 2 || index == 0 else {
                line.append(" …", .muted)
                break
            }
            line.append((index == 0 ? "" : " ") + text, version == dialog.target ? .accent : .muted)
            used += text.count + 1
        }
        return line
    }

    /// The lines, the commit list and the detail cut so that the whole fits in `height` lines.
    static func environmentConfirmLines(_ dialog: EnvironmentConfirmDialog, dryRun: Bool, width: Int, height: Int) -> [StyledLine] {
        // Header, two headings, the gap, the prompt, dry-run and an error: the rest is shared by commits and detail.
        let room = max(2, height - 8 - dialog.notes.count - (dialog.offered.count > 1 ? 1 : 0))
        let detailRoom = max(1, room / 2)
        let commitRoom = max(1, room - detailRoom - 1)
        var lines = [StyledLine([(" \(dialog.environment): ", .text), (dialog.current ?? "nothing", .accent),
                                 (" → ", .text), (dialog.target, .accent), (dialog.drill ? " → \(dialog.current ?? "?") (drill)" : "", .accent)])]
        if dialog.offered.count > 1 { lines.append(choiceLine(dialog, width: width)) }
        for note in dialog.notes { lines.append(StyledLine(" (\(note))", .muted)) }
        if !dialog.commits.isEmpty {
            lines.append(StyledLine(dialog.kind == .promote ? " Commits it brings:" : " Commits it takes away:", .title))
            let shown = dialog.commits.count > commitRoom + 1 ? commitRoom : dialog.commits.count
            for commit in dialog.commits.prefix(shown) { lines.append(StyledLine("   " + TextFit.truncate(commit, to: max(1, width - 4)), .text)) }
            if dialog.commits.count > shown { lines.append(StyledLine("   … and \(dialog.commits.count - shown) more", .muted)) }
        }
        let detail = dialog.detail.split(separator: "\n", omittingEmptySubsequences: true)
        if !detail.isEmpty {
            lines.append(StyledLine(dialog.kind == .promote ? " CHANGELOG:" : " Going back to:", .title))
            let shown = detail.count > detailRoom ? max(1, detailRoom - 1) : detail.count
            for text in detail.prefix(shown) { lines.append(StyledLine("   " + TextFit.truncate(String(text), to: max(1, width - 4)), .muted)) }
            if detail.count > shown {
                let more = "   … (\(detail.count - shown) more lines" + (dialog.kind == .promote ? " in CHANGELOG.md)" : ")")
                lines.append(StyledLine(more, .muted))
            }
        }
        lines.append(StyledLine())
        if dialog.needsName {
            lines.append(StyledLine([(" Type \(dialog.environment) to confirm: ", .accent), (dialog.typed + "▏", .input)]))
        } else {
            lines.append(StyledLine(" y or Enter confirms, n or Esc cancels", .muted))
        }
        if dryRun { lines.append(StyledLine(" dry-run: nothing will change", .warn)) }
        if let error = dialog.error { lines += TextFit.wrap(error, to: max(1, width - 2)).map { StyledLine(" " + $0, .error) } }
        return lines
    }
}
