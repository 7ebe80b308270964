/// One line for one entry, laid out as a row of `EntryTable` on its own:
/// `post         extremkz-2014-02-04  2014-02-04  aitelenov  ru  Завтра у #Есимов‘а…`.
/// Lists of several entries use `EntryTable`, so their columns line up.
public enum EntryLine {
    /// The line for `entry`, cut to `width` columns, its Id padded to `idWidth`.
    public static func render(_ entry: Entry, width: Int, idWidth: Int = 0) -> String {
        var table = EntryTable(width: width)
        table.measure(entry)
        table.reserveIdWidth(idWidth)
        return table.line(entry)
    }
}
