import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// FIFOs, device nodes and sockets a test makes in its own folder (never the machine's
/// `/dev` entries), to check that casefile refuses them and leaves them as they are.
public enum SpecialFiles {
    /// Whether device nodes can be made here (root with CAP_MKNOD).
    public static var canMakeDevices: Bool {
        // In a fresh folder of the test's own, not a guessable name in the shared /tmp.
        guard let folder = try? TemporaryFolder() else { return false }
        let probe = folder.file("mknod-probe")
        guard mknod(probe, S_IFCHR | 0o600, deviceNumber(1, 5)) == 0 else { return false }
        unlink(probe)
        return true
    }

    /// Makes a FIFO at `path`.
    public static func fifo(_ path: String) throws {
        guard mkfifo(path, 0o600) == 0 else { throw Failure("mkfifo \(path): \(String(cString: strerror(errno)))") }
    }

    /// Makes a character device at `path` that reads as zeros (the kernel's 1,5).
    public static func zeroDevice(_ path: String) throws {
        try device(path, major: 1, minor: 5)
    }

    /// Makes a character device at `path` on which every write fails with ENOSPC (1,7).
    public static func fullDevice(_ path: String) throws {
        try device(path, major: 1, minor: 7)
    }

    /// Makes a character device node.
    public static func device(_ path: String, major: UInt32, minor: UInt32) throws {
        guard mknod(path, S_IFCHR | 0o666, deviceNumber(major, minor)) == 0 else {
            throw Failure("mknod \(path): \(String(cString: strerror(errno)))")
        }
    }

    /// Linux's encoding of a device number (glibc's `makedev`, a macro Swift cannot see).
    static func deviceNumber(_ major: UInt32, _ minor: UInt32) -> dev_t {
        let major = dev_t(major), minor = dev_t(minor)
        return ((major & 0xfffff000) << 32) | ((major & 0xfff) << 8) | ((minor & 0xffffff00) << 12) | (minor & 0xff)
    }

    /// Makes a listening Unix socket at `path`; close the descriptor returned when done.
    public static func socket(_ path: String) throws -> Int32 {
        let fd = Glibc.socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw Failure("socket: \(String(cString: strerror(errno)))") }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let bytes = Array(path.utf8)
        guard bytes.count < MemoryLayout.size(ofValue: address.sun_path) else { throw Failure("socket path too long") }
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            for (index, byte) in bytes.enumerated() { raw[index] = byte }
        }
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        guard bound == 0 else {
            close(fd)
            throw Failure("bind \(path): \(String(cString: strerror(errno)))")
        }
        return fd
    }

    /// What `lstat` says `path` is: `S_IFIFO`, `S_IFCHR`…, or nil when there is nothing.
    public static func type(of path: String) -> mode_t? {
        var info = stat()
        guard lstat(path, &info) == 0 else { return nil }
        return info.st_mode & S_IFMT
    }

    /// A special file could not be made.
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
        init(_ description: String) { self.description = description }
    }
}
