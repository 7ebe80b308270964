#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension String {
    /// The text of a NUL-terminated `wchar_t` string (UTF-32 on Linux); invalid scalars
    /// become U+FFFD.
    init(wideCString pointer: UnsafePointer<wchar_t>) {
        var scalars = String.UnicodeScalarView()
        var cursor = pointer
        while cursor.pointee != 0 {
            scalars.append(Unicode.Scalar(UInt32(bitPattern: cursor.pointee)) ?? "\u{FFFD}")
            cursor += 1
        }
        self = String(scalars)
    }

    /// The text of `count` wide characters starting at `pointer`.
    init(wideCharacters pointer: UnsafePointer<wchar_t>, count: Int) {
        var scalars = String.UnicodeScalarView()
        for offset in 0..<Swift.max(0, count) {
            scalars.append(Unicode.Scalar(UInt32(bitPattern: pointer[offset])) ?? "\u{FFFD}")
        }
        self = String(scalars)
    }

    /// The text as a NUL-terminated `wchar_t` array for libedit.
    var wideCString: [wchar_t] {
        var wide = unicodeScalars.map { wchar_t(bitPattern: $0.value) }
        wide.append(0)
        return wide
    }
}
