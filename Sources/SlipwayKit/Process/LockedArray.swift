import Foundation

/// A fixed-size array written by concurrent workers, one slot each.
final class LockedArray<Element>: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [Element]

    init(repeating value: Element, count: Int) { slots = Array(repeating: value, count: count) }

    func set(_ index: Int, _ value: Element) {
        lock.lock()
        slots[index] = value
        lock.unlock()
    }

    var values: [Element] {
        lock.lock()
        defer { lock.unlock() }
        return slots
    }

    /// `work` for every index at once, each on its own thread, waiting for all: for calls that mostly wait on a
    /// subprocess or the network, so that a slow one delays only itself (Dispatch's pool runs only as many as
    /// there are cores).
    static func map(count: Int, _ work: @escaping @Sendable (Int) -> Element) -> [Element] where Element: Sendable {
        let results = LockedArray<Element?>(repeating: nil, count: count)
        let group = DispatchGroup()
        for index in 0..<count {
            group.enter()
            let thread = Thread {
                results.set(index, work(index))
                group.leave()
            }
            thread.start()
        }
        group.wait()
        // Every slot is set before its thread leaves the group.
        return results.values.compactMap { $0 }
    }
}
