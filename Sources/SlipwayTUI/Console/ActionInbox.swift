import Foundation

/// Where background work leaves its actions for the UI thread, which wakes up on `wakeDescriptor`.
final class ActionInbox: @unchecked Sendable {
    private let lock = NSLock()
    private var pending: [ConsoleAction] = []
    private let wakeWrite: Int32
    /// Readable when actions are waiting; the loop polls it next to the keyboard.
    let wakeDescriptor: Int32

    init() {
        var fds: [Int32] = [-1, -1]
        if pipe(&fds) == 0 {
            _ = fcntl(fds[0], F_SETFL, fcntl(fds[0], F_GETFL) | O_NONBLOCK)
            _ = fcntl(fds[1], F_SETFL, fcntl(fds[1], F_GETFL) | O_NONBLOCK)
            _ = fcntl(fds[0], F_SETFD, FD_CLOEXEC)
            _ = fcntl(fds[1], F_SETFD, FD_CLOEXEC)
        }
        wakeDescriptor = fds[0]
        wakeWrite = fds[1]
    }

    func post(_ action: ConsoleAction) {
        lock.lock()
        pending.append(action)
        lock.unlock()
        var byte: UInt8 = 1
        _ = write(wakeWrite, &byte, 1)
    }

    /// Everything posted so far, oldest first.
    func drain() -> [ConsoleAction] {
        var buffer = [UInt8](repeating: 0, count: 256)
        while read(wakeDescriptor, &buffer, buffer.count) > 0 {}
        lock.lock()
        defer { lock.unlock() }
        let actions = pending
        pending.removeAll()
        return actions
    }

    deinit {
        close(wakeDescriptor)
        close(wakeWrite)
    }
}
