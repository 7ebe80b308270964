import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Small file systems for fault tests: a tmpfs of a few hundred kilobytes to fill, and a
/// folder that can be made read-only. Root ignores permissions, so as root a read-only
/// bind mount is used; otherwise the folder's permissions.
enum FaultMounts {
    /// Whether tmpfs and bind mounts can be made here (root with CAP_SYS_ADMIN).
    static let canMount: Bool = {
        guard getuid() == 0 else { return false }
        let probe = NSTemporaryDirectory() + "casefile-mount-probe-\(getpid())"
        guard mkdir(probe, 0o700) == 0 else { return false }
        defer { rmdir(probe) }
        guard mount("tmpfs", probe, "tmpfs", 0, "size=64k") == 0 else { return false }
        umount2(probe, 0)
        return true
    }()

    /// Whether a folder can be made read-only for this process (not root, or root that can mount).
    static var canMakeReadOnly: Bool { getuid() != 0 || canMount }

    /// Mounts a tmpfs of `kilobytes` at `path` (an empty folder).
    static func mountSmallDisk(at path: String, kilobytes: Int) throws {
        guard mount("tmpfs", path, "tmpfs", 0, "size=\(kilobytes)k,mode=0700") == 0 else {
            throw MountFailure("mount tmpfs at \(path): \(String(cString: strerror(errno)))")
        }
    }

    /// Unmounts what is at `path` (lazily, so an open file cannot make it fail).
    static func unmount(_ path: String) {
        umount2(path, Int32(MNT_DETACH))
    }

    /// Makes `folder` read-only: as root a read-only bind mount of it over itself, else
    /// its permissions. Returns how to make it writable again.
    static func makeReadOnly(_ folder: String) throws -> () -> Void {
        if getuid() != 0 {
            guard chmod(folder, 0o555) == 0 else { throw MountFailure("chmod \(folder): \(String(cString: strerror(errno)))") }
            return { chmod(folder, 0o755) }
        }
        guard mount(folder, folder, nil, UInt(MS_BIND), nil) == 0 else {
            throw MountFailure("bind mount \(folder): \(String(cString: strerror(errno)))")
        }
        guard mount(nil, folder, nil, UInt(MS_REMOUNT | MS_BIND | MS_RDONLY), nil) == 0 else {
            let code = errno
            umount2(folder, Int32(MNT_DETACH))
            throw MountFailure("remount \(folder) read-only: \(String(cString: strerror(code)))")
        }
        return { umount2(folder, Int32(MNT_DETACH)) }
    }

    /// Fills the file system holding `folder` with a file called `filler` until it is full.
    static func fill(_ folder: String) throws -> String {
        let path = folder + "/filler"
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        guard fd >= 0 else { throw MountFailure("create \(path): \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        let block = [UInt8](repeating: 0x2E, count: 4096)
        while block.withUnsafeBytes({ write(fd, $0.baseAddress, $0.count) }) > 0 {}
        guard errno == ENOSPC else { throw MountFailure("filling \(folder) stopped with \(String(cString: strerror(errno)))") }
        return path
    }
}

struct MountFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
