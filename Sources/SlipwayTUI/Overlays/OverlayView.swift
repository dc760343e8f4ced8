import SlipwayKit

/// Draws the overlay on top of the panel: help, palette, command log, commit detail, dialogs.
public enum OverlayView {
    // Long because it is the router of each overlay to its drawing, one case each.
    public static func render(_ overlay: Overlay, _ state: ConsoleState, in body: Rect, into buffer: inout ScreenBuffer) {
        switch overlay {
        case .help(let scroll):
            let help = helpLines(state.panel, releaseFilesAvailable: state.releaseFiles != .unavailable)
                .filter { ConsoleReducer.found($0.plainText, state.find) }
            box(help.isEmpty ? [StyledLine("  no key matches '\(state.find)'", .muted)] : help, title: "Keys on the \(state.panel.title) panel",
                width: 72, in: body, scroll: scroll, into: &buffer)
        case .palette(let query, let selection):
            let matches = ConsoleReducer.paletteMatches(query)
            var lines = [StyledLine([("> ", .accent), (query + "▏", .input)]), StyledLine()]
            if matches.isEmpty { lines.append(StyledLine("  no command matches", .muted)) }
            let listHeight = max(1, min(body.height, 24) - 4)
            let first = max(0, selection - listHeight + 1)
            for (index, command) in matches.enumerated().dropFirst(first).prefix(listHeight) {
                let key = KeyBinding.label(of: command) ?? ""
                lines.append(StyledLine([(index == selection ? "▸ " : "  ", .accent),
                                         (TextFit.pad(command.rawValue, to: 24), index == selection ? .selection : .text),
                                         (TextFit.pad(key, to: 7), .key), (command.title, .muted)]))
            }
            box(lines, title: "Commands", width: 90, in: body, scroll: 0, into: &buffer)
        case .commandLog(let scroll):
            let shown = ConsoleReducer.commandLogShown(state)
            let records = shown.map { state.commandLog[$0] }
            let selected = ConsoleReducer.commandLogSelection(state).flatMap { shown.firstIndex(of: $0) }
            let title = state.find.isEmpty ? "Command log (\(state.commandLog.count))"
                : "Command log (\(records.count) of \(state.commandLog.count) with '\(state.find)')"
            box(commandLogLines(records, width: body.width - 2, selected: selected), title: title, width: body.width,
                in: body, scroll: scroll, fullHeight: true, into: &buffer)
        case .commandEntry(let index, let scroll):
            let lines = state.commandLog.indices.contains(index) ? commandEntryLines(state.commandLog[index], width: body.width - 4)
                : [StyledLine(" That run is no longer in the log (it keeps the last 500).", .muted)]
            box(lines, title: "Run \(index + 1) of \(state.commandLog.count)", width: body.width, in: body, scroll: scroll, fullHeight: true,
                into: &buffer)
        case .history(let scroll):
            box(historyLines(state.history, width: body.width - 4, find: state.find),
                title: state.find.isEmpty ? "History" : "History: lines with '\(state.find)'", width: body.width,
                in: body, scroll: scroll, fullHeight: true, into: &buffer)
        case .messages(let scroll):
            box(messageLines(state.messages, width: body.width - 4), title: "Messages (\(state.messages.count))", width: body.width,
                in: body, scroll: scroll, fullHeight: true, into: &buffer)
        case .commitDetail(let sha, let scroll):
            let lines: [StyledLine]
            if let text = state.commitDetails[sha] {
                lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
                    let role: StyleRole = line.hasPrefix("commit ") ? .accent
                        : (line.hasPrefix("Author:") || line.hasPrefix("Date:")) ? .muted : .text
                    return StyledLine(" " + line, role)
                }
            } else {
                lines = [StyledLine(" Reading the commit…", .muted)]
            }
            box(lines, title: "Commit " + String(sha.prefix(7)), width: body.width, in: body, scroll: scroll,
                fullHeight: true, into: &buffer)
        case .filterInput:
            break
        case .classify(let dialog):
            var lines = [StyledLine([(" Commit ", .muted), (String(dialog.sha.prefix(7)) + " ", .accent), (dialog.subject, .text)]),
                         StyledLine(" Count it, for this release only, as:", .muted)]
            for (index, choice) in ClassifyDialog.choices.enumerated() {
                lines.append(StyledLine([(index == dialog.choice ? "  ▸ " : "    ", .accent),
                                         (choice.label, index == dialog.choice ? .selection : .text)]))
            }
            lines.append(StyledLine())
            lines.append(StyledLine([(" Reason: ", .accent), (dialog.reason + "▏", .input)]))
            lines += dialogFooter(dialog.error, width: 62)
            box(lines, title: "Classify commit", width: 70, in: body, scroll: 0, into: &buffer)
        case .versionOverride(let dialog):
            var lines = [StyledLine(" Next version for this release only:", .muted)]
            for option in VersionOverrideDialog.Option.allCases {
                lines.append(StyledLine([(option == dialog.option ? "  ▸ " : "    ", .accent),
                                         (option.label, option == dialog.option ? .selection : .text)]))
            }
            lines.append(StyledLine())
            if dialog.option.needsValue {
                let focused = dialog.focus == .value
                lines.append(StyledLine([(focused ? " ▸ Value:  " : "   Value:  ", .accent), (dialog.value + (focused ? "▏" : ""), .input)]))
            }
            let reasonFocused = dialog.focus == .reason
            lines.append(StyledLine([(reasonFocused ? " ▸ Reason: " : "   Reason: ", .accent),
                                     (dialog.reason + (reasonFocused ? "▏" : ""), .input)]))
            lines += dialogFooter(dialog.error, width: 62)
            box(lines, title: "Override the version", width: 64, in: body, scroll: 0, into: &buffer)
        case .confirmEnvironment(let dialog):
            box(environmentConfirmLines(dialog, dryRun: state.dryRun, width: min(body.width, 90) - 2, height: body.height - 2),
                title: dialog.kind == .promote ? "Promote \(dialog.environment)" : dialog.drill ? "Drill a rollback of \(dialog.environment)" : "Roll \(dialog.environment) back",
                width: 90, in: body, scroll: 0, into: &buffer)
        case .confirmWrite(let files):
            var lines = [StyledLine(" Write the release files?", .text)]
            lines += files.map { StyledLine("   " + $0, .accent) }
            lines.append(StyledLine())
            lines.append(StyledLine(state.dryRun ? " dry-run: nothing will be written" : " y writes, n cancels", .muted))
            box(lines, title: "Confirm", width: 60, in: body, scroll: 0, into: &buffer)
        case .confirmRelease(let confirmation):
            let width = min(body.width, 100)
            box(ReleasePanel.confirmationLines(confirmation, width: width - 2), title: "Confirm: \(confirmation.action.rawValue)",
                width: width, in: body, scroll: 0, into: &buffer)
        }
    }

    /// The dialog's problem, wrapped, or how to leave it.
    static func dialogFooter(_ error: String?, width: Int) -> [StyledLine] {
        guard let error else { return [StyledLine(" Enter saves, Esc cancels", .muted)] }
        return TextFit.wrap(error, to: width - 2).map { StyledLine(" " + $0, .error) }
    }

    /// Every key that works on `panel`, the panel number keys folded into one line.
    public static func helpLines(_ panel: PanelID, releaseFilesAvailable: Bool = true) -> [StyledLine] {
        var lines: [StyledLine] = []
        var numbersShown = false
        for binding in KeyBinding.bindings(on: panel) {
            if binding.command.panel != nil {
                if numbersShown { continue }
                numbersShown = true
                lines.append(StyledLine([(TextFit.pad("  1…7", to: 10), .key), ("Show panel 1 Changes … 7 Hotfixes", .text)]))
                continue
            }
            if binding.command == .writeReleaseFiles, !releaseFilesAvailable {
                lines.append(StyledLine([(TextFit.pad("  " + binding.label, to: 10), .muted),
                                         (binding.command.title + " (not available yet)", .muted)]))
                continue
            }
            lines.append(StyledLine([(TextFit.pad("  " + binding.label, to: 10), .key), (binding.command.title, .text)]))
        }
        lines.append(StyledLine([(TextFit.pad("  Ctrl-C", to: 10), .key), ("Quit at once", .text)]))
        if panel == .version {
            lines.append(StyledLine())
            lines.append(StyledLine("  Chart lint's rules (slipway chart lint), and what each protects:", .title))
            for rule in ChartFinding.rules {
                lines.append(StyledLine("  " + rule.rule, .key))
                lines += TextFit.wrap(rule.protects, to: 62).map { StyledLine("      " + $0, .text) }
            }
        }
        return lines
    }

    /// Each status message of the session, oldest first, wrapped in full.
    static func messageLines(_ messages: [StatusMessage], width: Int) -> [StyledLine] {
        guard !messages.isEmpty else { return [StyledLine(" No message yet.", .muted)] }
        var lines: [StyledLine] = []
        for message in messages {
            let parts = TextFit.wrap(message.text, to: max(10, width - 2))
            for (index, part) in parts.enumerated() {
                lines.append(StyledLine((index == 0 ? " • " : "   ") + part, FooterBar.role(of: message.kind)))
            }
        }
        return lines
    }

    /// Each subprocess: ✓/✗, exit code, time, the redacted command, and the tail of stderr on failure.
    /// With `selected`, that record's first line is marked (`▸`, the selection's style).
    public static func commandLogLines(_ records: [CommandRecord], width: Int = 78, selected: Int? = nil) -> [StyledLine] {
        guard !records.isEmpty else { return [StyledLine(" No command has run yet.", .muted)] }
        var lines: [StyledLine] = []
        for (index, record) in records.enumerated() {
            let firstLine = lines.count
            defer {
                if index == selected {
                    lines[firstLine].segments = lines[firstLine].segments.map { (text: $0.text, role: StyleRole.selection) }
                    lines[firstLine].segments[0].text = "▸" + lines[firstLine].segments[0].text.dropFirst()
                }
            }
            let status = record.status?.description ?? "did not start"
            let milliseconds = Int((record.duration * 1000).rounded())
            // A probe that answered "no" is an answer: muted, not a red failure.
            let (mark, markRole, statusRole): (String, StyleRole, StyleRole) = record.succeeded ? (" ✓ ", .ok, .muted)
                : record.isProbeAnsweringNo ? (" · ", .muted, .muted) : (" ✗ ", .error, .error)
            lines.append(StyledLine([(mark, markRole),
                                     (TextFit.pad(status + " ", to: 10), statusRole),
                                     (TextFit.pad("\(milliseconds) ms ", to: 9), .muted)]))
            // The whole argv, wrapped under the status rather than cut at the edge.
            let indent = 22
            var rest = Substring(ControlText.escaped(record.commandLine))
            var first = true
            while !rest.isEmpty {
                let room = max(10, width - (first ? indent : indent + 2))
                var piece = rest.prefix(room)
                // Break between arguments where one fits, inside a long one otherwise.
                if piece.count < rest.count, let space = piece.lastIndex(of: " "), piece.distance(from: piece.startIndex, to: space) > room / 2 {
                    piece = rest[rest.startIndex...space]
                }
                rest = rest.dropFirst(piece.count)
                if first {
                    lines[lines.count - 1].append(String(piece), .text)
                } else {
                    lines.append(StyledLine(String(repeating: " ", count: indent + 2) + piece, .text))
                }
                first = false
            }
            if !record.failureTail.isEmpty, !record.isProbeAnsweringNo {
                for tail in record.failureTail.split(separator: "\n").suffix(4) {
                    // The tail wraps rather than being cut at the edge.
                    for part in TextFit.wrap(String(tail), to: max(10, width - 5)) { lines.append(StyledLine("     " + part, .error)) }
                }
            }
        }
        return lines
    }

    /// A box centred in `body` holding `lines` from `scroll`.
    static func box(_ lines: [StyledLine], title: String, width: Int, in body: Rect, scroll: Int, fullHeight: Bool = false,
                    into buffer: inout ScreenBuffer) {
        let boxWidth = min(width, body.width)
        let boxHeight = fullHeight ? body.height : min(body.height, lines.count + 2)
        let area = body.centred(width: boxWidth, height: boxHeight)
        buffer.box(area, title: title)
        let inner = area.height - 2
        guard inner > 0 else { return }
        let top = max(0, min(scroll, lines.count - inner))
        for (offset, line) in lines.dropFirst(top).prefix(inner).enumerated() {
            buffer.draw(line, x: area.x + 1, y: area.y + 1 + offset, limit: area.maxX - 1)
        }
        if lines.count > inner {
            let position = " \(min(lines.count, top + inner))/\(lines.count) "
            buffer.write(position, x: area.maxX - 2 - DisplayWidth.of(position), y: area.maxY - 1, role: .muted)
        }
    }
}
