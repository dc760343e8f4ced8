import Foundation
@testable import SlipwayKit

/// `aiosmtpd` (from PyPI, in the venv `.ci/run` makes) on 127.0.0.1: each accepted message is a file under
/// `mailbox/new/`; a recipient at `nobody@…` is refused with 550, as a real server refuses an unknown user.
final class SMTPServer: @unchecked Sendable {
    let server: TestServer
    var address: String { "127.0.0.1:\(server.port)" }
    var mailbox: String { server.folder + "/mailbox" }

    static let handler = """
        from aiosmtpd.handlers import Mailbox

        class Picky(Mailbox):
            async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
                if address.startswith("nobody@"):
                    return "550 5.1.1 <%s>: no such user here" % address
                envelope.rcpt_tos.append(address)
                return "250 OK"

        """

    init() throws {
        let folder = try TestRepository.makeTemporaryFolder("smtp")
        try Data(Self.handler.utf8).write(to: URL(fileURLWithPath: folder + "/picky.py"))
        let port = TestServer.freePort()
        server = try TestServer(["aiosmtpd", "-n", "-l", "127.0.0.1:\(port)", "-c", "picky.Picky", folder + "/mailbox"],
                                port: port, folder: folder, readyPath: nil, environment: ["PYTHONPATH": folder])
    }

    /// The messages received, oldest first.
    var messages: [String] {
        let folder = mailbox + "/new"
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted()
        return names.compactMap { try? String(contentsOfFile: folder + "/" + $0, encoding: .utf8) }
    }
}
