/// A person as an export describes them, before the planner matches them to the case.
public struct ImportedPerson: Sendable, Equatable {
    /// The platform (`twitter`, `telegram`).
    public var platform: String
    /// The platform's stable account id, when the export has one.
    public var account: String?
    /// The handle, with `@`.
    public var handle: String?
    /// The display name.
    public var name: String?

    /// Creates a person.
    public init(platform: String, account: String? = nil, handle: String? = nil, name: String? = nil) {
        self.platform = platform
        self.account = account
        self.handle = handle
        self.name = name
    }
}

/// A post referred to by another (a reply, a quote, a repost).
public struct PostReference: Sendable, Equatable {
    /// The relation word of the link (`replies-to`, `quotes`, `reposts`).
    public var rel: String
    /// The platform's id of the referenced post.
    public var postId: String
}

/// A post as an export describes it.
public struct ImportedPost: Sendable, Equatable {
    /// The platform.
    public var platform: String
    /// The platform's post id (nil for posts quoted in an article).
    public var postId: String?
    /// Earlier ids of the same post (an edited tweet's history), oldest first.
    public var earlierIds: [String] = []
    /// The author, matched like any imported person.
    public var author: ImportedPerson
    /// When it was published: an ISO date or date-time (UTC).
    public var date: String?
    /// The text, exactly as exported.
    public var text: String
    /// The language the export gives (nil: guessed from the text).
    public var lang: String?
    /// The canonical URL.
    public var url: String?
    /// Posts it replies to, quotes or reposts.
    public var references: [PostReference] = []
    /// Handles (with `@`) it mentions.
    public var mentions: [String] = []
    /// Whom it was forwarded from (Telegram), kept as the post's `ForwardedFrom`.
    public var forwardedFrom: String?
    /// Where in the file it was read, for messages (`line 3`, `messages[4]`).
    public var location: String = ""

    /// Creates a post.
    public init(platform: String, postId: String?, author: ImportedPerson, date: String?, text: String) {
        self.platform = platform
        self.postId = postId
        self.author = author
        self.date = date
        self.text = text
    }
}

/// A translation of an imported post (an article's English rendering of a tweet).
public struct ImportedTranslation: Sendable, Equatable {
    /// The index of the original in the batch's posts.
    public var post: Int
    /// The translation's language.
    public var lang: String
    /// The text.
    public var text: String
}

/// Everything read from one file: what the planner turns into entries.
public struct ImportBatch: Sendable {
    /// The file as the user named it.
    public var file: String
    /// The format it was read as.
    public var format: ImportFormat
    /// The SHA-256 of the file's bytes.
    public var sha256: String
    /// The tool that wrote it, with its version (`twarc 2.12.0`), when the file says.
    public var tool: String?
    /// When the data was retrieved (ISO date), when the file says.
    public var retrieved: String?
    /// The title of the Source entry (the article's title, else the file name).
    public var title: String
    /// The source's URL, publication date (articles).
    public var url: String?
    public var published: String?
    /// People the file lists on their own (a users page, the archive's owner).
    public var people: [ImportedPerson] = []
    /// The posts, in file order (with the posts a file includes as context, such as the
    /// tweets a twarc page's tweets reply to, so that links to them can be made).
    public var posts: [ImportedPost] = []
    /// Translations of the posts (articles).
    public var translations: [ImportedTranslation] = []
    /// Translation units (TMX, XLIFF): changes to translations, or new ones.
    public var units: [ImportedUnit] = []
    /// Records that could not be read, each located.
    public var problems: [Diagnostic] = []
    /// How many records were skipped on purpose (service messages, empty posts), with why.
    public var skipped: [String] = []

    /// Creates an empty batch.
    public init(file: String, format: ImportFormat, sha256: String, title: String) {
        self.file = file
        self.format = format
        self.sha256 = sha256
        self.title = title
    }
}
