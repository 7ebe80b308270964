extension SearchResults {
    /// How many hits a search shows unless told otherwise: the shell's `search` and
    /// `casefile search` alike.
    public static let defaultLimit = 50
}
