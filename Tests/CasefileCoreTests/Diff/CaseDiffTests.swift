import Testing
@testable import CasefileCore

/// Specific changes, as a reviewer reads them.
@Suite struct CaseDiffTests {
    static let old = """
        # casefile format 1
        %rec: Casefile

        Format: 1
        Title: Bloggers
        Revision: 1

        %rec: Person
        %key: Id
        %mandatory: Name

        Id: aitelenov
        Name: Nurali Aitelenov
        Handle: @extremkz

        Id: kibraev
        Name: Rinat Kibraev
        Tag: detained

        %rec: Post
        %key: Id
        %mandatory: Author Text

        Id: extremkz-2014-02-04
        Author: aitelenov
        Lang: ru
        Text: Завтра у Есимова на ланче
        + второй
        + третий

        %rec: Link
        %key: From
        %mandatory: Rel To

        From: aitelenov
        Rel: detained-with
        To: kibraev

        """

    static let new = """
        # casefile format 1
        %rec: Casefile

        Format: 1
        Title: Bloggers detained
        Revision: 1

        %rec: Person
        %key: Id
        %mandatory: Name

        Id: nurali
        Name: Nurali Aitelenov
        Handle: @extremkz

        Id: shchyolokov
        Name: Dmitry Shchyolokov

        %rec: Post
        %key: Id
        %mandatory: Author Text

        Id: extremkz-2014-02-04
        Author: aitelenov
        Lang: kk
        Text: Завтра у Есимова на ланче
        + 2
        + третий

        %rec: Link
        %key: From
        %mandatory: Rel To

        From: aitelenov
        Rel: detained-with
        To: kibraev
        Note: outside the restaurant

        %rec: Note
        %mandatory: On Text

        On: kibraev
        At: 2025-11-25T12:00:00Z
        By: amina
        Text: Ten days

        """

    static func diff(_ a: String, _ b: String) throws -> CaseDiff {
        var a = a
        var b = b
        return try a.withUTF8 { x in try b.withUTF8 { y in try FileComparison.diff(old: x, oldName: "a", new: y, newName: "b") } }
    }

    @Test func readsAsEntriesFieldsAndLinks() throws {
        let lines = DiffRenderer().lines(try Self.diff(Self.old, Self.new))
        #expect(lines == [
            "~ header",
            "    Title: Bloggers → Bloggers detained",
            "> person aitelenov → nurali (renamed)",
            "- person kibraev",
            "    Name: Rinat Kibraev",
            "    Tag: detained",
            "+ person shchyolokov",
            "    Name: Dmitry Shchyolokov",
            "~ post extremkz-2014-02-04",
            "    Lang: ru → kk",
            "    Text:",
            "        Завтра у Есимова на ланче",
            "      - второй",
            "      + 2",
            "        третий",
            "~ link aitelenov detained-with kibraev",
            "  + Note: outside the restaurant",
            "+ note on kibraev, 2025-11-25T12:00:00Z by amina: Ten days",
        ])
    }

    @Test func summaryAndCountsByKind() throws {
        let diff = try Self.diff(Self.old, Self.new)
        #expect(diff.summary == "+1 person, >1 person, -1 person, ~1 post, ~1 link, +1 note, ~header")
        #expect(diff.counts[.person]?[.renamed] == 1)
        let stat = DiffRenderer().stat(diff)
        #expect(stat.last == "2 added, 1 removed, 3 changed, 1 renamed")
        #expect(!stat.contains { $0.hasSuffix(" ") }, "\(stat)")
    }

    @Test func sameCaseInAnotherLayoutIsNoDifference() throws {
        let relaid = Self.old.replacingOccurrences(of: "\n\nId: kibraev", with: "\n\n\n# moved\nId: kibraev")
        let diff = try Self.diff(Self.old, relaid)
        #expect(diff.changes.map(\.action) == [.changed])
        #expect(diff.changes.first?.commentsChanged == true)
        #expect(try Self.diff(Self.old, Self.old + "\n\n").isEmpty)
    }

    /// A comment at the top of the file (before the header) is the file's own: the reader
    /// keeps it and writes it back, so diff shows it changing, line by line (a fuzz finding:
    /// diff called two files identical that the reader read differently).
    @Test func aCommentAtTheTopIsADifferenceShownLineByLine() throws {
        let commented = "# Checked against the archive on 2025-11-26\n" + Self.old
        let added = try Self.diff(Self.old, commented)
        #expect(added.layout?.leadingComments.new == [" Checked against the archive on 2025-11-26"])
        #expect(DiffRenderer().lines(added) == [
            "~ comments at the top of the file changed", "  + # Checked against the archive on 2025-11-26",
        ])
        #expect(DiffRenderer().stat(added).contains("layout: comments at the top of the file changed"))
        let changed = try Self.diff(commented, commented.replacingOccurrences(of: "# Checked", with: "# Rechecked"))
        #expect(DiffRenderer().lines(changed) == [
            "~ comments at the top of the file changed",
            "  - # Checked against the archive on 2025-11-26", "  + # Rechecked against the archive on 2025-11-26",
        ])
        // Applying the diff gives the commented file, as the reader reads it.
        let old = try CaseReader.read(text: Self.old).caseFile
        let new = try CaseReader.read(text: commented).caseFile
        #expect(CaseWriter.bytes(of: try added.apply(to: old)) == CaseWriter.bytes(of: new))
        // The banner casefile writes first is not the researcher's comment: it is no difference.
        #expect(try Self.diff(Self.old, Self.old.replacingOccurrences(of: "# casefile format 1\n", with: "")).isEmpty)
    }

    @Test func colourOnlyWhenAsked() throws {
        let diff = try Self.diff(Self.old, Self.new)
        #expect(!DiffRenderer(colour: false).lines(diff).joined().contains("\u{1B}["))
        let coloured = DiffRenderer(colour: true).lines(diff)
        #expect(coloured.contains { $0.hasPrefix("\u{1B}[32m+ person shchyolokov") })
        #expect(coloured.contains { $0.hasPrefix("\u{1B}[31m- person kibraev") })
    }

    @Test func controlCharactersAreMadeVisible() throws {
        let evil = Self.new.replacingOccurrences(of: "Name: Dmitry Shchyolokov", with: "Name: Dmitry \u{1B}[2J\u{202E}x")
        let lines = DiffRenderer().lines(try Self.diff(Self.old, evil))
        #expect(lines.contains("    Name: Dmitry ^[[2J<U+202E>x"))
    }

    @Test func jsonForTools() throws {
        let json = try Self.diff(Self.old, Self.new).json(old: "a.rec", new: "b.rec").rendered
        #expect(json.hasPrefix(#"{"old":"a.rec","new":"b.rec","same":false,"#))
        #expect(json.contains(#"{"action":"renamed","record":"person","id":"aitelenov","newId":"nurali"}"#))
        #expect(json.contains(#"{"action":"changed","name":"Lang","old":"ru","new":"kk"}"#))
        #expect(json.contains(#""counts":{"added":2,"removed":1,"changed":3,"renamed":1}"#))
    }

    @Test func aBadRecordIsReportedAtItsLineInTheWholeFile() throws {
        let broken = Self.new.replacingOccurrences(of: "Id: shchyolokov\nName: Dmitry Shchyolokov",
                                                   with: "Id: shchyolokov\nName Dmitry")
        let error = try #require(throws: LoadError.self) { try Self.diff(Self.old, broken) }
        #expect(error.diagnostics.first?.file == "b")
        // At the line of the whole file, and the column of the missing colon.
        #expect(error.diagnostics.last?.line == 17)
        #expect(error.diagnostics.last?.column == 5)
    }

    @Test func aDuplicateIdIsAnErrorEvenWhenOneCopyIsUnchanged() throws {
        let duplicated = Self.old + "\n%rec: Source\n%key: Id\n\nId: kibraev\nTitle: A source\n"
        let error = try #require(throws: LoadError.self) { try Self.diff(Self.old, duplicated) }
        #expect(error.diagnostics.contains { $0.message.contains("duplicate Id 'kibraev'") })
    }

    @Test func unsavedChangesReadTheSameAsAComparison() throws {
        let old = try CaseReader.read(text: Self.old).caseFile
        let new = try CaseReader.read(text: Self.new).caseFile
        let whole = CaseDiff.between(old, new)
        var changes: [Change] = []
        for id in Set(old.entries.keys).union(new.entries.keys) where old[id] != new[id] {
            changes.append(.entry(old: old[id], new: new[id]))
        }
        for key in Set(old.links.keys).union(new.links.keys) where old.links[key] != new.links[key] {
            changes.append(.link(old: old.links[key], new: new.links[key]))
        }
        for key in Set(old.notes.keys).union(new.notes.keys) where old.notes[key] != new.notes[key] {
            changes.append(.note(old: old.notes[key], new: new.notes[key]))
        }
        changes.append(.header(old: old.header, new: new.header))
        #expect(CaseDiff(unsaved: changes).changes == whole.changes)
    }
}
