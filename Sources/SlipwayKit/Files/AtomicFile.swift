import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Writes files so that a reader sees the old bytes or the new ones, never half: a temporary file in the same
/// folder, flushed, then renamed over the target, keeping the target's permissions.
public enum AtomicFile {
    public static func write(_ data: Data, to path: String) throws(StateFileError) {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent().path
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw StateFileError(path: folder, problem: "cannot be created (\(error.localizedDescription))")
        }
        var mode: mode_t = 0o644
        var info = stat()
        let exists = stat(path, &info) == 0
        if exists {
            mode = info.st_mode & 0o7777
            if access(path, W_OK) != 0 {
                throw StateFileError(path: path, problem: "is read-only; make it writable and try again")
            }
        }
        let temporary = folder + "/." + url.lastPathComponent + ".slipway-\(getpid())-\(UInt32.random(in: 0...UInt32.max)).tmp"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL, mode)
        guard fd >= 0 else {
            throw StateFileError(path: path, problem: "cannot be written: \(String(cString: strerror(errno)))")
        }
        var failure: String?
        data.withUnsafeBytes { bytes in
            guard let start = bytes.baseAddress else { return }
            var offset = 0
            while offset < bytes.count {
                let written = Glibc.write(fd, start + offset, bytes.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    failure = String(cString: strerror(errno))
                    return
                }
                offset += written
            }
        }
        if failure == nil, fsync(fd) != 0 { failure = String(cString: strerror(errno)) }
        fchmod(fd, mode)
        close(fd)
        if failure == nil, rename(temporary, path) != 0 { failure = String(cString: strerror(errno)) }
        if let failure {
            unlink(temporary)
            throw StateFileError(path: path, problem: "cannot be written: \(failure)")
        }
    }
}
