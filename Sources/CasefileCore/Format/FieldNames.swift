#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// Field names as the loader makes them: the names casefile knows are string literals
/// (no validation, no allocation, no reference counting); others are decoded. A switch
/// on the length and literal comparisons keep this free of table lookups.
enum FieldNames {
    /// The name spelled by `bytes` (ASCII, already checked to be a valid field name).
    static func name(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        guard let base = bytes.baseAddress else { return "" }
        switch bytes.count {
        case 2:
            if equal(base, "At") { return "At" }
            if equal(base, "By") { return "By" }
            if equal(base, "Id") { return "Id" }
            if equal(base, "Of") { return "Of" }
            if equal(base, "On") { return "On" }
            if equal(base, "To") { return "To" }
        case 3:
            if equal(base, "Rel") { return "Rel" }
            if equal(base, "Tag") { return "Tag" }
            if equal(base, "Url") { return "Url" }
        case 4:
            if equal(base, "%doc") { return "%doc" }
            if equal(base, "%key") { return "%key" }
            if equal(base, "%rec") { return "%rec" }
            if equal(base, "Date") { return "Date" }
            if equal(base, "From") { return "From" }
            if equal(base, "Lang") { return "Lang" }
            if equal(base, "Name") { return "Name" }
            if equal(base, "Note") { return "Note" }
            if equal(base, "Post") { return "Post" }
            if equal(base, "Role") { return "Role" }
            if equal(base, "Text") { return "Text" }
        case 5:
            if equal(base, "%type") { return "%type" }
            if equal(base, "Alias") { return "Alias" }
            if equal(base, "Saved") { return "Saved" }
            if equal(base, "Title") { return "Title" }
        case 6:
            if equal(base, "Author") { return "Author" }
            if equal(base, "Format") { return "Format" }
            if equal(base, "Handle") { return "Handle" }
            if equal(base, "Sha256") { return "Sha256" }
            if equal(base, "Source") { return "Source" }
            if equal(base, "Status") { return "Status" }
        case 7:
            if equal(base, "Command") { return "Command" }
            if equal(base, "Message") { return "Message" }
            if equal(base, "Speaker") { return "Speaker" }
            if equal(base, "Summary") { return "Summary" }
        case 8:
            if equal(base, "Platform") { return "Platform" }
            if equal(base, "Revision") { return "Revision" }
        case 9:
            if equal(base, "Published") { return "Published" }
            if equal(base, "Retrieved") { return "Retrieved" }
        case 10:
            if equal(base, "%mandatory") { return "%mandatory" }
        default: break
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    @inline(__always)
    private static func equal(_ bytes: UnsafePointer<UInt8>, _ literal: StaticString) -> Bool {
        memcmp(bytes, literal.utf8Start, literal.utf8CodeUnitCount) == 0
    }
}
