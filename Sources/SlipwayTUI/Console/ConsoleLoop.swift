import Foundation

/// The main loop: waits on the keyboard, finished background work and signals; feeds each to the reducer;
/// starts the effects it returns; draws the frame. Never waits on work, so keys never freeze.
struct ConsoleLoop {
    let backend: TerminalBackend
    let inbox: ActionInbox
    let runner: EffectRunner

    /// Runs until quit; returns 0, or 128+N after signal N, or 1 when the terminal went away.
    func run(_ state: inout ConsoleState) -> Int32 {
        let post: @Sendable (ConsoleAction) -> Void = { [inbox] in inbox.post($0) }
        for effect in ConsoleReducer.start(&state) { runner.start(effect, post: post) }
        var lastTick = ContinuousClock.now
        var emptyReads = 0
        backend.flush(ConsoleView.render(state))
        while !state.quitRequested {
            var fds = [pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0),
                       pollfd(fd: inbox.wakeDescriptor, events: Int16(POLLIN), revents: 0),
                       pollfd(fd: SignalGuard.descriptor, events: Int16(POLLIN), revents: 0)]
            // Short even when idle: a resize signalled while drawing is only seen by the next wget_wch.
            let ready = poll(&fds, nfds_t(fds.count), state.isBusy ? 80 : 200)
            if SignalGuard.received != 0 { return 128 + SignalGuard.received }
            if ready < 0, errno != EINTR { return 1 }
            let input = fds[0].revents
            if input & Int16(POLLNVAL | POLLERR) != 0 { return 1 }

            var actions: [ConsoleAction] = []
            for event in backend.readEvents() {
                switch event {
                case .key(let key): actions.append(.key(key))
                case .resized(let width, let height): actions.append(.resized(width: width, height: height))
                }
            }
            if input & Int16(POLLIN | POLLHUP) != 0 {
                // Readable with nothing to read: the terminal has gone (read() returns end of file).
                emptyReads = actions.isEmpty ? emptyReads + 1 : 0
                if emptyReads >= 20 || (input & Int16(POLLHUP) != 0 && actions.isEmpty) { return 1 }
            }
            actions += inbox.drain()
            if state.isBusy, ContinuousClock.now - lastTick >= .milliseconds(80) {
                actions.append(.tick)
                lastTick = .now
            }
            guard !actions.isEmpty else { continue }
            for action in actions {
                for effect in ConsoleReducer.reduce(&state, action) { runner.start(effect, post: post) }
                if case .resized = action { backend.invalidate() }
            }
            if !state.quitRequested { backend.flush(ConsoleView.render(state)) }
            for sequence in state.terminalOutput { backend.send(sequence) }
            state.terminalOutput.removeAll()
        }
        return 0
    }
}
