/// One save of the case: when, who, why, what changed, and the commands that changed it.
public struct Session: Hashable, Sendable, FieldBearing {
    /// The revision this save produced.
    public var revision: Int
    /// All fields except Revision (Saved, By, Message, Summary, Command…), canonical order.
    public var fields: [Field]
    /// Comment lines written just before the record.
    public var comments: [String]

    /// Creates a session record.
    public init(revision: Int, fields: [Field] = [], comments: [String] = []) {
        self.revision = revision
        self.fields = Schema.session.canonicalOrder(fields)
        self.comments = comments
    }

    /// When the save happened.
    public var saved: String? { self["Saved"] }
    /// Who saved.
    public var by: String? { self["By"] }
    /// The save message.
    public var message: String? { self["Message"] }
    /// The change summary (`+3 post, -1 note`).
    public var summary: String? { self["Summary"] }
    /// The replayable commands of the session, in order.
    public var commands: [String] { values("Command") }
}
