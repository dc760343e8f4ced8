import Foundation
import Testing
@testable import SlipwayKit

@Suite struct FileEditTests {
    @Test func writesEveryFileAndKeepsPermissions() throws {
        let repository = try TestRepository()
        try repository.write("a.txt", "1\n")
        try repository.write("b.txt", "2\n")
        chmod(repository.root + "/b.txt", 0o640)
        let edits = [
            FileEdit(path: "a.txt", absolutePath: repository.root + "/a.txt", before: Array("1\n".utf8), after: Array("one\n".utf8)),
            FileEdit(path: "b.txt", absolutePath: repository.root + "/b.txt", before: Array("2\n".utf8), after: Array("two\n".utf8)),
        ]
        try FileEdit.applyAll(edits)
        #expect(try repository.read("a.txt") == "one\n")
        #expect(try repository.read("b.txt") == "two\n")
        let attributes = try FileManager.default.attributesOfItem(atPath: repository.root + "/b.txt")
        #expect((attributes[.posixPermissions] as? Int) == 0o640)
    }

    @Test func aReadOnlyFileStopsEveryWriteBeforeAnyIsMade() throws {
        let repository = try TestRepository()
        try repository.write("a.txt", "1\n")
        try repository.write("b.txt", "2\n")
        chmod(repository.root + "/b.txt", 0o444)
        let edits = [
            FileEdit(path: "a.txt", absolutePath: repository.root + "/a.txt", before: Array("1\n".utf8), after: Array("one\n".utf8)),
            FileEdit(path: "b.txt", absolutePath: repository.root + "/b.txt", before: Array("2\n".utf8), after: Array("two\n".utf8)),
        ]
        #expect(throws: StateFileError.self) { try FileEdit.applyAll(edits) }
        do {
            try FileEdit.applyAll(edits)
        } catch {
            #expect(error.description == "b.txt is read-only; make it writable (chmod u+w) and try again")
        }
        #expect(try repository.read("a.txt") == "1\n")
        #expect(try repository.read("b.txt") == "2\n")
    }
}
