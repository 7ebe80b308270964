/// Second readings of a Latin word that only make sense against Cyrillic: the French
/// transcription of Russian (MVD 310-1997's French table, French passports and press:
/// Iouliia Chtcheglova, Sneguireva, Tchaïkovski) and `ie` written for ье (Vasilieva).
///
/// Read as English, "ch" is ч and "ou" is о+у; read as French, "ch" is ш, "tch" ч, "ou" у,
/// "j" ж, "gu" before e/i/y a hard г and a final "ine" the ending -ин; GOST 16876-71's
/// second table writes й as "jj" and э as "eh". Folding those into
/// every key would make English words meet each other ("chip" and "ship", "but" and
/// "bout"), so these readings become `TermInfo.crossKeys`, which `TermPattern` compares
/// with Cyrillic words only.
enum CrossReading {
    /// The most readings one word may have.
    static let maxReadings = 2

    /// The other readings of romanised `input` (lower-case ASCII as `FoldKey` takes it),
    /// spelt the way `FoldKey` expects; empty when the word reads only one way.
    static func readings(_ input: [UInt8]) -> [[UInt8]] {
        var variants: [[UInt8]] = [[]]
        variants[0].reserveCapacity(input.count + 4)
        var changed = false
        let n = input.count
        @inline(__always) func at(_ k: Int) -> UInt8 { k >= 0 && k < n ? input[k] : 0 }
        func emit(_ text: StaticString) {
            for index in variants.indices { text.withUTF8Buffer { variants[index].append(contentsOf: $0) } }
        }
        func isVowel(_ byte: UInt8) -> Bool { "aeiouy".utf8.contains(byte) }
        var i = 0
        while i < n {
            let c = input[i]
            let next = at(i + 1)
            if c == ascii("c") && next == ascii("h") && at(i + 2) == ascii("t") && at(i + 3) == ascii("c") && at(i + 4) == ascii("h") {
                emit("shch"); i += 5; changed = true  // chtch: щ
            } else if c == ascii("t") && next == ascii("c") && at(i + 2) == ascii("h") {
                emit("ch"); i += 3  // tch: ч, as FoldKey already reads it
            } else if c == ascii("c") && next == ascii("h") && at(i - 1) != ascii("s") {
                emit("sh"); i += 2; changed = true  // ch: ш
            } else if c == ascii("o") && next == ascii("u") {
                emit("u"); i += 2; changed = true  // ou: у (iou: ю)
            } else if c == ascii("g") && next == ascii("u") && [ascii("e"), ascii("i"), ascii("y")].contains(at(i + 2)) {
                emit("g"); i += 2; changed = true  // gue, gui: ге, ги
            } else if c == ascii("j") && next == ascii("j") {
                emit("y"); i += 2; changed = true  // jj: GOST 16876-71's й
            } else if c == ascii("e") && next == ascii("h") && (i == 0 || isVowel(at(i - 1))) {
                emit("e"); i += 2; changed = true  // eh: GOST 16876-71's э, where э stands
            } else if c == ascii("j") {
                emit("zh"); i += 1; changed = true  // j: ж
            } else if c == ascii("i") && next == ascii("e") && i > 0 && !isVowel(at(i - 1))
                        && ![ascii("g"), ascii("k"), ascii("h")].contains(at(i - 1)) && variants.count < maxReadings {
                // ie after a soft consonant: ье (Vasilieva) as well as ие.
                let copies = variants
                emit("ie")
                for var copy in copies {
                    copy.append(contentsOf: "ye".utf8)
                    variants.append(copy)
                }
                i += 2; changed = true
            } else if c == ascii("i") && next == ascii("n") && at(i + 2) == ascii("e") && i + 3 == n && i > 0 {
                emit("in"); i += 3; changed = true  // final -ine: -ин (Vasine)
            } else {
                for index in variants.indices { variants[index].append(c) }
                i += 1
            }
        }
        return changed ? variants : []
    }
}
