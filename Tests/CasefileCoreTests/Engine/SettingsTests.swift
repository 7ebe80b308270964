import CasefileCore
import Testing

@Suite("Settings")
struct SettingsTests {
    @Test("timestamps are ISO 8601 UTC date-times, zero-padded")
    func timestamps() {
        #expect(Settings.iso(0) == "1970-01-01T00:00:00Z")
        #expect(Settings.iso(1_764_072_000) == "2025-11-25T12:00:00Z")
        #expect(Settings.iso(951_868_799) == "2000-02-29T23:59:59Z")
        #expect(Settings.iso(1_391_472_245) == "2014-02-04T00:04:05Z")
        #expect(Settings(userName: "x", fixedTime: 86_400 * 365).now() == "1971-01-01T00:00:00Z")
    }
}
