import Foundation

/// Mail through `curl` as an SMTP client: the message on its standard input, credentials from the environment in
/// a netrc file only this user can read, STARTTLS required when the channel asks for it.
extension NoticeSender {
    func mail(_ notice: ReleaseNotice, _ email: NotifyChannel.Email) throws(NoticeError) -> String {
        var arguments = ["curl", "--silent", "--show-error", "--max-time", String(Int(email.timeoutSeconds)),
                         "--url", "smtp://\(email.server)", "--mail-from", email.from]
        for recipient in email.to { arguments += ["--mail-rcpt", recipient] }
        arguments += ["--upload-file", "-"]
        if email.startTLS { arguments.append("--ssl-reqd") }
        var netrc: String?
        defer { if let netrc { try? FileManager.default.removeItem(atPath: netrc) } }
        if let username = email.username {
            guard let user = username.resolve(environment) else { throw NoticeError("the SMTP user comes from $\(username.variable), which is not set") }
            let password = email.password.flatMap { $0.resolve(environment) } ?? ""
            if let variable = email.password, password.isEmpty, environment[variable.variable] == nil {
                throw NoticeError("the SMTP password comes from $\(variable.variable), which is not set")
            }
            let host = String(email.server.split(separator: ":")[0])
            netrc = try privateFile("machine \(host) login \(user) password \(password)\n")
            arguments += ["--netrc-file", netrc ?? ""]
        }
        let output = try run(arguments, input: Data(Self.message(notice, email).utf8), timeout: email.timeoutSeconds + 5,
                             what: "the mail to \(email.to.joined(separator: ", "))")
        guard output.status.isSuccess else {
            switch output.status {
            case .exited(7): throw NoticeError("the SMTP server \(email.server) is unreachable: \(output.errorSummary)")
            case .exited(28): throw NoticeError("the SMTP server \(email.server) did not answer within \(Int(email.timeoutSeconds)) s")
            case .exited(67): throw NoticeError("the SMTP server \(email.server) refused the login: \(output.errorSummary)")
            default: throw NoticeError("the SMTP server \(email.server) did not take the mail: \(output.errorSummary)")
            }
        }
        return "mailed to \(email.to.joined(separator: ", ")) through \(email.server)"
    }

    /// The notice as an RFC 5322 message in UTF-8 with CRLF line ends.
    static func message(_ notice: ReleaseNotice, _ email: NotifyChannel.Email, date: Date = Date()) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss '+0000'"
        let subject = notice.subject.allSatisfy(\.isASCII) ? notice.subject
            : "=?UTF-8?B?" + Data(notice.subject.utf8).base64EncodedString() + "?="
        let domain = email.from.split(separator: "@").last.map(String.init) ?? "localhost"
        let headers = [
            "From: \(email.from)", "To: \(email.to.joined(separator: ", "))", "Subject: \(subject)",
            "Date: \(formatter.string(from: date))", "Message-ID: <\(UUID().uuidString.lowercased())@\(domain)>",
            "MIME-Version: 1.0", "Content-Type: text/plain; charset=utf-8", "Content-Transfer-Encoding: 8bit",
        ]
        let body = notice.text.split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "\r\n")
        return headers.joined(separator: "\r\n") + "\r\n\r\n" + body
    }
}
