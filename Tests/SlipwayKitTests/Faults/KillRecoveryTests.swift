import Foundation
import Testing
@testable import SlipwayKit

/// `kill -9` of the slipway binary right after each external call that writes, then the same command again: the
/// environment ends where the command meant it to be, the rollback's hold recorded, nothing left interrupted —
/// and an interrupted rollback never brings the version rolled away from back.
@Suite(.serialized) struct KillRecoveryTests {
    /// The calls after which `arguments` is killed: learnt from one whole run on a fresh demo after `setup`.
    func killPoints(_ arguments: [String], setup: [[String]], wrapper: KillWrapper, only: ((String) -> Bool)? = nil) throws -> [(Int, String)] {
        let box = try KillDemo()
        defer { box.remove() }
        for step in setup { _ = try box.slipway(step) }
        try wrapper.arm(nil)
        let whole = try box.slipway(arguments, path: wrapper.path)
        try #require(whole.code == 0, "the whole run: \(whole.stderr)")
        let calls = Dictionary(uniqueKeysWithValues: wrapper.calls.map { ($0.index, $0.argv) })
        return wrapper.writingCalls().map { ($0, calls[$0] ?? "") }.filter { only?($0.1) ?? true }
    }

    func killAndRerun(_ arguments: [String], setup: [[String]], point: (Int, String), wrapper: KillWrapper,
                      check: (KillDemo, String) throws -> Void) throws {
        let box = try KillDemo()
        defer { box.remove() }
        for step in setup { _ = try box.slipway(step) }
        try wrapper.arm(point.0)
        let killed = try box.slipway(arguments, path: wrapper.path)
        let at = "killed after call \(point.0) (git \(point.1.prefix(90)))"
        #expect(killed.code == nil, "\(at): it was not killed")
        let rerun = try box.slipway(arguments)
        #expect(rerun.code == 0, "\(at), the rerun: \(rerun.stderr)")
        try check(box, at)
    }

    @Test func aRollbackKilledAfterAnyWriteEndsRolledBackWithItsHoldAfterTheRerun() throws {
        let wrapper = try KillWrapper()
        let rollback = ["env", "rollback", "staging", "--confirm", "staging"]
        let setup = [["env", "promote", "staging"]]
        let points = try killPoints(rollback, setup: setup, wrapper: wrapper)
        #expect(points.count >= 8, "the rollback writes: the environments push, the audit note, the hold")
        #expect(points.contains { $0.1.contains("push --quiet --porcelain origin HEAD:refs/heads/") }, "the deployment push is among them")
        for point in points {
            try killAndRerun(rollback, setup: setup, point: point, wrapper: wrapper) { box, at in
                let staging = try box.environment("staging")
                #expect(staging.version == "1.1.0", "\(at): staging runs \(staging.version ?? "nothing"), not the version rolled back to")
                #expect(staging.held.contains("1.2.0"), "\(at): the version rolled away from is held")
                #expect(!staging.interrupted, "\(at): nothing is left interrupted")
            }
        }
    }

    @Test func aDrillKilledAfterAnyPushPutsTheEnvironmentBack() throws {
        let wrapper = try KillWrapper()
        let drill = ["env", "rollback", "staging", "--drill", "--confirm", "staging"]
        let setup = [["env", "promote", "staging"]]
        let points = try killPoints(drill, setup: setup, wrapper: wrapper) { $0.contains("push ") }
        #expect(points.count >= 3, "a drill pushes twice to the environments repository and its audit notes")
        for point in points {
            try killAndRerun(drill, setup: setup, point: point, wrapper: wrapper) { box, at in
                let staging = try box.environment("staging")
                #expect(staging.version == "1.2.0", "\(at): the drill left staging on \(staging.version ?? "nothing")")
                #expect(staging.held.isEmpty && !staging.interrupted, "\(at): a drill holds nothing and leaves nothing interrupted")
            }
        }
    }

    @Test func aPromotionKilledAfterAnyPushEndsPromoted() throws {
        let wrapper = try KillWrapper()
        let promote = ["env", "promote", "staging"]
        let points = try killPoints(promote, setup: [], wrapper: wrapper) { $0.contains("push ") || $0.contains("commit ") }
        #expect(points.count >= 2)
        for point in points {
            try killAndRerun(promote, setup: [], point: point, wrapper: wrapper) { box, at in
                let staging = try box.environment("staging")
                #expect(staging.version == "1.2.0" && !staging.interrupted, "\(at): staging runs \(staging.version ?? "nothing")")
            }
        }
    }

    /// The window the issue found: killed after the environments push, before the hold — the rerun says it
    /// finished the rollback and does not roll back again (to the version just rolled away from, or further).
    @Test func theRerunSaysWhatItFinishedAndDoesNotRollBackAgain() throws {
        let wrapper = try KillWrapper()
        let rollback = ["env", "rollback", "staging", "--confirm", "staging"]
        let points = try killPoints(rollback, setup: [["env", "promote", "staging"]], wrapper: wrapper) {
            $0.contains("push --quiet --porcelain origin HEAD:refs/heads/")
        }
        let push = try #require(points.first)
        let box = try KillDemo()
        defer { box.remove() }
        _ = try box.slipway(["env", "promote", "staging"])
        try wrapper.arm(push.0)
        #expect(try box.slipway(rollback, path: wrapper.path).code == nil)
        let status = try box.slipway(["env", "status"])
        #expect(status.stdout.contains("interrupted: the rollback from 1.2.0 to 1.1.0 by Ada Release"), "\(status.stdout)")
        let rerun = try box.slipway(rollback)
        #expect(rerun.stderr.contains("the rollback of staging from 1.2.0 to 1.1.0 was interrupted after it deployed; finished it now: 1.2.0 is held"), "\(rerun.stderr)")
        #expect(rerun.stdout.contains("nothing more was done"))
        #expect(!rerun.stdout.contains("roll staging back"), "no second rollback is planned")
        let audit = try box.slipway(["audit", "--env", "staging", "--json"])
        #expect(audit.stdout.contains("finished after an interruption"))
    }
}
