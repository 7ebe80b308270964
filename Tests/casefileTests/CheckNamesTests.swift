import CasefileCore
import CasefileTestSupport
import Testing

/// `casefile check --names`: translations that spell a person otherwise than the case's
/// glossary, as warnings with exit 1; without `--names` they are not looked for.
@Suite("casefile check --names")
struct CheckNamesTests {
    @Test("a misspelt name is named with the case's spelling; without --names the file is ok")
    func names() throws {
        let folder = try TemporaryFolder()
        try folder.write("build.cf", """
            add person "Ахметжан Есимов" id=esimov
            add person "Nurali Aitelenov" handle=@extremkz
            spelling esimov en "Akhmetzhan Esimov"
            add post @extremkz 2014-02-04 "Завтра у Есимова" lang=ru
            translate extremkz-2014-02-04 en "Tomorrow at Yesimov's lunch" by=x
            add post @extremkz 2014-02-05 "Есимов" lang=ru
            translate extremkz-2014-02-05 en "Esimov" by=x
            save
            """)
        let built = try CasefileBinary.run(["run", "case.rec", "build.cf"], directory: folder.path)
        #expect(built.status == 0, "\(built.stderr)")
        let plain = try CasefileBinary.run(["check", "case.rec"], directory: folder.path)
        #expect(plain.status == 0, "\(plain.stderr)")
        let checked = try CasefileBinary.run(["check", "--names", "case.rec"], directory: folder.path)
        #expect(checked.status == 1)
        #expect(checked.stderr == "case.rec: warning: extremkz-2014-02-04.en writes 'Yesimov' where the case spells esimov 'Akhmetzhan Esimov' in en\n"
                    + "case.rec: 1 name spelt otherwise than the case's glossary\n")
    }
}
