/// Keys with the order canonical files use: UTF-8 bytes, never locale or Unicode collation
/// (a link's or note's parts compared in turn).
public protocol CanonicallyOrdered {
    /// Whether `a` comes before `b` in canonical order.
    static func precedes(_ a: Self, _ b: Self) -> Bool
    /// The first sixteen bytes of the key's first part, as big-endian integers padded with
    /// zeros: two keys whose prefixes differ are in the order of their prefixes, so a sort
    /// compares most pairs without touching their strings.
    var orderPrefix: OrderPrefix { get }
}

/// The first sixteen bytes of a string, as two big-endian integers padded with zeros.
public struct OrderPrefix: Equatable, Comparable, Sendable {
    var high: UInt64 = 0
    var low: UInt64 = 0

    /// The prefix of `text`. Padding with zeros keeps the order: a shorter string is either
    /// a prefix of the longer one (equal prefixes, compared whole) or differs before it ends.
    init(_ text: String) {
        var count = 0
        for byte in text.utf8 {
            if count < 8 {
                high |= UInt64(byte) << (56 - 8 * count)
            } else if count < 16 {
                low |= UInt64(byte) << (56 - 8 * (count - 8))
            } else {
                break
            }
            count += 1
        }
    }

    public static func < (a: OrderPrefix, b: OrderPrefix) -> Bool { a.high != b.high ? a.high < b.high : a.low < b.low }
}

extension String: CanonicallyOrdered {
    /// Byte order.
    public static func precedes(_ a: String, _ b: String) -> Bool { ByteOrder.less(a, b) }
    /// The first bytes.
    public var orderPrefix: OrderPrefix { OrderPrefix(self) }
}

extension LinkKey: CanonicallyOrdered {
    /// From, Rel, then To, each by bytes.
    public static func precedes(_ a: LinkKey, _ b: LinkKey) -> Bool { a < b }
    /// The first bytes of From.
    public var orderPrefix: OrderPrefix { OrderPrefix(from) }
}

extension NoteKey: CanonicallyOrdered {
    /// On, At, By, then Text, each by bytes.
    public static func precedes(_ a: NoteKey, _ b: NoteKey) -> Bool { a < b }
    /// The first bytes of On.
    public var orderPrefix: OrderPrefix { OrderPrefix(on) }
}
