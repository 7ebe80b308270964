extension CommandRegistry {
    /// Every shell command casefile has.
    public static let standard = CommandRegistry(commands: [
        AddPersonCommand.self, AddPostCommand.self, AddQuoteCommand.self, AddSourceCommand.self,
        TranslateCommand.self, PairCommand.self, UnpairCommand.self, UntranslatedCommand.self,
        ReviewCommand.self, NextCommand.self, SpellingCommand.self,
        LinkCommand.self, UnlinkCommand.self, AnnotateCommand.self,
        RelationAddCommand.self,
        SetCommand.self, UnsetCommand.self, TagCommand.self, UntagCommand.self, RenameCommand.self,
        RemoveCommand.self, MergeCommand.self, EditCommand.self,
        ShowCommand.self, ListCommand.self, SearchShellCommand.self, HelpCommand.self,
        UndoCommand.self, RedoCommand.self, HistoryCommand.self, LogCommand.self, DiffCommand.self,
        NewCaseCommand.self, OpenCaseCommand.self, SaveCommand.self, SourceCommand.self, RecoverCommand.self, QuitCommand.self,
        ForceQuitCommand.self,
        ImportCommand.self,
        ExportCommand.self,
        AttachCommand.self, DetachCommand.self, VerifyCommand.self, CustodyCommand.self,
        CaseCommand.self,
        BlameCommand.self,
        ReloadCommand.self,
    ])
}
