import Foundation

/// The commits of a window of history with the packages each touches, read in one `git log -z --name-only`.
final class PackageHistory: @unchecked Sendable {
    struct Commit {
        var sha: String
        var subject: String
        var parents: [String]
        /// Its level with the major version above 0, and whether it is breaking (a 0.x package bumps it less).
        var level: BumpLevel
        var breaking: Bool
    }

    private(set) var commits: [Commit] = []
    private var indexOf: [String: Int] = [:]
    /// Package path → the indices of the commits that touch it, newest first.
    private var byPackage: [String: [Int]] = [:]

    static func read(_ repository: GitRepository, window: [String], packages: [WorkspacePackage], rules: BumpRules) throws(GitError) -> PackageHistory {
        let history = PackageHistory()
        let paths = Set(packages.map(\.path))
        let classifier = CommitClassifier(rules: rules)
        var splitter = RecordSplitter()
        var touched = Set<String>()
        func finishCommit() {
            guard !history.commits.isEmpty else { return }
            for path in touched { history.byPackage[path, default: []].append(history.commits.count - 1) }
            touched.removeAll(keepingCapacity: true)
        }
        func handle(_ token: UnsafeRawBufferPointer) {
            var token = token
            while token.first == 0x0A { token = UnsafeRawBufferPointer(rebasing: token[1...]) }
            guard !token.isEmpty else { return }
            if token[0] == 0x1E {
                finishCommit()
                guard let commit = GitLogReader.parseRecord(UnsafeRawBufferPointer(rebasing: token[1...]), bodies: false) else { return }
                let classified = classifier.classifyAlone(commit)
                history.indexOf[commit.sha] = history.commits.count
                history.commits.append(Commit(sha: commit.sha, subject: commit.message.subject, parents: commit.parents,
                                              level: classified.level, breaking: classified.breaking))
            } else if let path = owner(of: token, paths) {
                touched.insert(path)
            }
        }
        let arguments = ["log", "-z", "--no-color", "--encoding=UTF-8", "--name-only", "--no-renames",
                         "--format=%x1e" + GitLogReader.format.dropFirst("--format=".count)] + window + ["--"]
        do {
            try repository.runner.stream(repository.invocation(arguments, timeout: 600)) { splitter.feed($0, handle) }
        } catch {
            throw GitError.wrap(error)
        }
        splitter.finish(handle)
        finishCommit()
        return history
    }

    /// The package folder that holds the file `name`: its longest folder prefix that is a package.
    private static func owner(of name: UnsafeRawBufferPointer, _ paths: Set<String>) -> String? {
        var end = name.count
        while let slash = name[..<end].lastIndex(of: UInt8(ascii: "/")) {
            let folder = String(decoding: UnsafeRawBufferPointer(rebasing: name[..<slash]), as: UTF8.self)
            if paths.contains(folder) { return folder }
            end = slash
        }
        return nil
    }

    func touching(_ path: String) -> [Int] { byPackage[path] ?? [] }

    func level(_ index: Int, majorIsZero: Bool, rules: BumpRules) -> BumpLevel {
        let commit = commits[index]
        return majorIsZero && commit.breaking && commit.level == .major ? rules.breakingWhileZero : commit.level
    }

    private var ancestorCache: [String: Set<Int>] = [:]

    /// The commits of the window that `sha` reaches (itself included): those released with it.
    func ancestors(of sha: String) -> Set<Int> {
        if let cached = ancestorCache[sha] { return cached }
        var seen = Set<Int>()
        var stack = indexOf[sha].map { [$0] } ?? []
        while let index = stack.popLast() {
            guard seen.insert(index).inserted else { continue }
            for parent in commits[index].parents { if let next = indexOf[parent] { stack.append(next) } }
        }
        ancestorCache[sha] = seen
        return seen
    }
}
