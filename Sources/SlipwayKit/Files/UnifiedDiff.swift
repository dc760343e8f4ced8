/// Unified diffs (`diff -u` / `git diff` style) for previews: `--- a/path`, `+++ b/path`, `@@` hunks with
/// three lines of context, and `\ No newline at end of file` where a last line has no line break.
public enum UnifiedDiff {
    /// Lines of context around each change.
    public static let context = 3

    enum Operation: Equatable {
        case equal(Int, Int)
        case delete(Int)
        case insert(Int)
    }

    /// The diff between two versions of a file; empty when they are equal.
    public static func render(path: String, before: [UInt8], after: [UInt8]) -> String {
        guard before != after else { return "" }
        let old = lines(before)
        let new = lines(after)
        let script = operations(old, new)
        var text = "--- a/\(path)\n+++ b/\(path)\n"
        for hunk in hunks(script) {
            text += header(hunk, script)
            for operation in script[hunk] {
                switch operation {
                case .equal(let index, _): text += line(" ", old[index])
                case .delete(let index): text += line("-", old[index])
                case .insert(let index): text += line("+", new[index])
                }
            }
        }
        return text
    }

    /// Each line with its line break, if it has one.
    static func lines(_ bytes: [UInt8]) -> [ArraySlice<UInt8>] {
        var result: [ArraySlice<UInt8>] = []
        var start = 0
        for index in 0..<bytes.count where bytes[index] == ByteText.newline {
            result.append(bytes[start...index])
            start = index + 1
        }
        if start < bytes.count { result.append(bytes[start...]) }
        return result
    }

    private static func line(_ marker: String, _ bytes: ArraySlice<UInt8>) -> String {
        if bytes.last == ByteText.newline { return marker + String(decoding: bytes, as: UTF8.self) }
        return marker + String(decoding: bytes, as: UTF8.self) + "\n\\ No newline at end of file\n"
    }

    /// The edit script: common ends first, then a longest common subsequence over the middle.
    static func operations(_ old: [ArraySlice<UInt8>], _ new: [ArraySlice<UInt8>]) -> [Operation] {
        var prefix = 0
        while prefix < old.count, prefix < new.count, old[prefix] == new[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < old.count - prefix, suffix < new.count - prefix,
              old[old.count - 1 - suffix] == new[new.count - 1 - suffix] { suffix += 1 }
        var script: [Operation] = (0..<prefix).map { .equal($0, $0) }
        let oldMiddle = prefix..<(old.count - suffix)
        let newMiddle = prefix..<(new.count - suffix)
        let rows = oldMiddle.count
        let columns = newMiddle.count
        if rows > 0, columns > 0, rows * columns <= 4_000_000 {
            // lengths[i][j]: LCS of old[i...] and new[j...] within the middle.
            var lengths = [[Int32]](repeating: [Int32](repeating: 0, count: columns + 1), count: rows + 1)
            for i in stride(from: rows - 1, through: 0, by: -1) {
                for j in stride(from: columns - 1, through: 0, by: -1) {
                    lengths[i][j] = old[prefix + i] == new[prefix + j]
                        ? lengths[i + 1][j + 1] + 1 : max(lengths[i + 1][j], lengths[i][j + 1])
                }
            }
            var i = 0
            var j = 0
            while i < rows || j < columns {
                if i < rows, j < columns, old[prefix + i] == new[prefix + j] {
                    script.append(.equal(prefix + i, prefix + j)); i += 1; j += 1
                } else if j < columns, i == rows || lengths[i][j + 1] >= lengths[i + 1][j] {
                    script.append(.insert(prefix + j)); j += 1
                } else {
                    script.append(.delete(prefix + i)); i += 1
                }
            }
        } else {
            script += oldMiddle.map { .delete($0) }
            script += newMiddle.map { .insert($0) }
        }
        for offset in 0..<suffix { script.append(.equal(old.count - suffix + offset, new.count - suffix + offset)) }
        // Deletions before insertions inside each run of changes, as diff tools print them.
        var ordered: [Operation] = []
        var run: [Operation] = []
        for operation in script {
            if case .equal = operation {
                ordered += run.filter { if case .delete = $0 { return true } else { return false } }
                ordered += run.filter { if case .insert = $0 { return true } else { return false } }
                run = []
                ordered.append(operation)
            } else {
                run.append(operation)
            }
        }
        ordered += run.filter { if case .delete = $0 { return true } else { return false } }
        ordered += run.filter { if case .insert = $0 { return true } else { return false } }
        return ordered
    }

    /// Ranges of the script to print: each change with its context, nearby changes merged.
    static func hunks(_ script: [Operation]) -> [Range<Int>] {
        var result: [Range<Int>] = []
        for (index, operation) in script.enumerated() {
            if case .equal = operation { continue }
            let start = max(0, index - context)
            let end = min(script.count, index + context + 1)
            if let last = result.last, start <= last.upperBound {
                result[result.count - 1] = last.lowerBound..<max(last.upperBound, end)
            } else {
                result.append(start..<end)
            }
        }
        return result
    }

    private static func header(_ hunk: Range<Int>, _ script: [Operation]) -> String {
        var oldStart: Int?
        var newStart: Int?
        var oldCount = 0
        var newCount = 0
        for operation in script[hunk] {
            switch operation {
            case .equal(let a, let b):
                oldStart = oldStart ?? a; newStart = newStart ?? b; oldCount += 1; newCount += 1
            case .delete(let a):
                oldStart = oldStart ?? a; oldCount += 1
            case .insert(let b):
                newStart = newStart ?? b; newCount += 1
            }
        }
        // Where a side has no lines, its start is the line before the hunk (git's convention).
        let oldPosition = oldCount == 0 ? position(before: hunk.lowerBound, script, old: true) : (oldStart ?? 0) + 1
        let newPosition = newCount == 0 ? position(before: hunk.lowerBound, script, old: false) : (newStart ?? 0) + 1
        return "@@ -\(range(oldPosition, oldCount)) +\(range(newPosition, newCount)) @@\n"
    }

    private static func position(before index: Int, _ script: [Operation], old: Bool) -> Int {
        var count = 0
        for operation in script[..<index] {
            switch operation {
            case .equal: count += 1
            case .delete: if old { count += 1 }
            case .insert: if !old { count += 1 }
            }
        }
        return count
    }

    private static func range(_ start: Int, _ count: Int) -> String {
        count == 1 ? "\(start)" : "\(start),\(count)"
    }
}
