/// The promotion and rollback confirmation's text.
extension OverlayView {
    static func environmentConfirmLines(_ dialog: EnvironmentConfirmDialog, dryRun: Bool, width: Int) -> [StyledLine] {
        var lines = [StyledLine([(" \(dialog.environment): ", .text), (dialog.current ?? "nothing", .accent),
                                 (" → ", .text), (dialog.target, .accent)])]
        if dialog.offered.count > 1 { lines.append(StyledLine(" offered: " + dialog.offered.joined(separator: ", "), .muted)) }
        for note in dialog.notes { lines.append(StyledLine(" (\(note))", .muted)) }
        if !dialog.commits.isEmpty {
            lines.append(StyledLine(dialog.kind == .promote ? " Commits it brings:" : " Commits it takes away:", .title))
            for commit in dialog.commits.prefix(6) { lines.append(StyledLine("   " + TextFit.truncate(commit, to: max(1, width - 4)), .text)) }
            if dialog.commits.count > 6 { lines.append(StyledLine("   … and \(dialog.commits.count - 6) more", .muted)) }
        }
        let detail = dialog.detail.split(separator: "\n", omittingEmptySubsequences: true)
        if !detail.isEmpty {
            lines.append(StyledLine(dialog.kind == .promote ? " CHANGELOG:" : " Target, and what readiness fails:", .title))
            for text in detail.prefix(6) { lines.append(StyledLine("   " + TextFit.truncate(String(text), to: max(1, width - 4)), .muted)) }
            if detail.count > 6 { lines.append(StyledLine("   …", .muted)) }
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
