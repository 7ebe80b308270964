/// What an argument holds; drives parsing checks, `help`, and tab completion.
public enum ArgumentKind: String, Sendable, Hashable {
    /// Any entry's Id (a handle or unambiguous prefix is accepted).
    case entry
    /// A person's Id or `@handle`.
    case person
    /// A post or quote: something said, that translations are made of.
    case original
    /// A translation's Id.
    case translation
    /// A source's Id.
    case source
    /// A kind word: person, post, quote, translation, source, link, note.
    case kind
    /// A relation word (authored, mentions, …).
    case relation
    /// A field name of an entry (`set`/`unset`).
    case field
    /// A BCP 47 language tag.
    case language
    /// A translation status: draft, reviewed, final.
    case status
    /// A file path.
    case path
    /// Free text (quote it, or use a here-document).
    case text
    /// A date (2014-02-04, 4 February 2014, February 4, 2014).
    case date
    /// A tag word.
    case tag
    /// A command name (`help CMD`).
    case command
    /// A search query word.
    case query
    /// A new Id being chosen.
    case newId
    /// `FIELD=VALUE` assignments.
    case assignment
    /// A whole number.
    case number
    /// A plain word.
    case word
}

/// One positional argument of a command.
public struct ArgumentSpec: Sendable {
    /// The name shown in usage (`NAME`, `TEXT`).
    public var name: String
    /// What it holds.
    public var kind: ArgumentKind
    /// Whether it may be left out.
    public var isOptional: Bool
    /// Whether it takes all remaining words.
    public var isRepeating: Bool

    /// Creates a spec.
    public init(_ name: String, _ kind: ArgumentKind, optional: Bool = false, repeating: Bool = false) {
        self.name = name
        self.kind = kind
        self.isOptional = optional
        self.isRepeating = repeating
    }
}

/// A `key=value` option.
public struct OptionSpec: Sendable {
    /// The key before `=`.
    public var key: String
    /// What the value holds.
    public var kind: ArgumentKind
    /// Whether it may be given more than once.
    public var isRepeatable: Bool

    /// Creates a spec.
    public init(_ key: String, _ kind: ArgumentKind, repeatable: Bool = false) {
        self.key = key
        self.kind = kind
        self.isRepeatable = repeatable
    }
}

/// A dash flag (`--cascade`, `-m MSG`).
public struct FlagSpec: Sendable {
    /// Its spellings, e.g. `["-m", "--message"]`.
    public var names: [String]
    /// What its value holds, or nil when it takes none.
    public var value: ArgumentKind?
    /// What it does, for `help COMMAND` and the command line's `--help` (empty: not listed).
    public var help = ""
    /// The value it has when not given, shown in the help (nil: none).
    public var defaultValue: String?
    /// The least number a `.number` flag takes.
    public var minimum = 1

    /// Creates a spec.
    public init(_ names: [String], value: ArgumentKind? = nil, help: String = "", default defaultValue: String? = nil,
                minimum: Int = 1) {
        self.names = names
        self.value = value
        self.help = help
        self.defaultValue = defaultValue
        self.minimum = minimum
    }
}

/// Groups in which `help` lists commands.
public enum CommandGroup: String, CaseIterable, Sendable {
    case entries = "Adding entries"
    case translation = "Translations"
    case relations = "Links and notes"
    case editing = "Changing entries"
    case viewing = "Looking at the case"
    case history = "Undo and history"
    case files = "Files and scripts"
}

/// One shell command: its name, aliases, usage, help, argument kinds, and what it does.
/// The registry reads these declarations for dispatch, `help` and completion.
public protocol ShellCommand: SendableMetatype {
    /// The name typed (one or two words: `add person`).
    static var name: String { get }
    /// Other names.
    static var aliases: [String] { get }
    /// Where `help` lists it.
    static var group: CommandGroup { get }
    /// One line of usage, e.g. `link FROM REL TO [note=TEXT]`.
    static var usage: String { get }
    /// One line saying what it does.
    static var summary: String { get }
    /// A fuller explanation.
    static var help: String { get }
    /// An example command line.
    static var example: String { get }
    /// Positional arguments.
    static var arguments: [ArgumentSpec] { get }
    /// `key=value` options.
    static var options: [OptionSpec] { get }
    /// Dash flags.
    static var flags: [FlagSpec] { get }
    /// Whether it changes the case (and so is recorded in the session log).
    static var changesCase: Bool { get }
    /// Whether it needs a writable case (refused while another casefile holds the lock):
    /// every command that changes the case, and those that change its undo history or
    /// write its file (`undo`, `redo`, `save`).
    static var needsWritableCase: Bool { get }
    /// Whether it may change the case while an earlier session's journal waits to be
    /// recovered (only `recover` itself: any other change would start a new journal over it).
    static var runsOverPendingJournal: Bool { get }
    /// Whether it reads the case's entries: refused when the file their values are read
    /// from was rewritten in place under casefile (false for `quit`, `open`, `reload`…).
    static var readsCase: Bool { get }
    /// What one run of it adds to the case, if anything: an entry of that kind, a link or a
    /// note. A long replay sizes the tables from these before it starts.
    static var adds: Kind? { get }
    /// Runs the command.
    static func run(_ call: Invocation, on notebook: Notebook) throws(CommandError)
}

extension ShellCommand {
    public static var aliases: [String] { [] }
    public static var options: [OptionSpec] { [] }
    public static var flags: [FlagSpec] { [] }
    public static var help: String { summary }
    public static var changesCase: Bool { false }
    public static var adds: Kind? { nil }
    public static var needsWritableCase: Bool { changesCase }
    public static var runsOverPendingJournal: Bool { false }
    public static var readsCase: Bool { true }
}
