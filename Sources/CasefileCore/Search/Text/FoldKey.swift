/// The folding key: one spelling for the many ways a Russian or Kazakh name is written in
/// Latin letters, so that "Shchyolokov", "Ščelokov" and "Щёлоков" share a key.
///
/// Input is lower-case ASCII: Latin text with its diacritics resolved (`š` → "sh"), or
/// Cyrillic after `Cyrillic.romanize`. Folding Cyrillic *through* the romanisation means
/// both scripts pass the same rules, so a rule can never fold one side and not the other.
///
/// The rules, applied left to right, longest match first:
/// - shch, sch, sh → W (щ and ш: spellings overlap too much to keep apart);
/// - zh, z → z; ch, tch, ts → c; gh → g; ph → f; ck, q → k; x → ks; w → v;
/// - kh → h *or* k (two keys): х is "kh" in the press but Kazakh writes the same
///   sound as қ (q/k): Kazakhstan must meet Қазақстан;
/// - ye, yo → e (Yesimov, Shchyolokov), yo also io (Йошкар is Ioshkar); ya → ia; yu → iu;
///   other y → i (Almaty, Aytelenov); x → ks *or* h (x is х in GOST 7.79-B); shh → W,
///   tc → c, tts → c (GOST's щ and ц, тц); ъ → nothing *or* ie (ICAO);
/// - j before a vowel → iotation *or* z (two keys: "Jumabek" is Жұмабек, "Jakov" is Яков);
///   j elsewhere → i (Ajtelenov);
/// - the Kazakh ң → n *or* ng;
/// - then doubled letters collapse (Kassym, Dmitrii → Dmitri). Digits are kept as they are.
/// Soft and hard signs romanise to nothing, so they vanish from keys.
///
/// A word gets at most `maxKeys` keys; ambiguities past that take their first reading.
enum FoldKey {
    /// The most keys one word may have.
    static let maxKeys = 4
    /// The letter standing for ш/щ in keys (keys are otherwise lower case).
    static let shLetter: UInt8 = 0x57  // "W"

    /// The keys of romanised `input` (lower-case ASCII letters, digits, `Cyrillic.ngMarker`).
    static func keys(_ input: [UInt8]) -> [String] {
        var variants: [[UInt8]] = [[]]
        variants[0].reserveCapacity(input.count + 2)
        let n = input.count
        @inline(__always) func at(_ k: Int) -> UInt8 { k < n ? input[k] : 0 }
        func emit(_ bytes: StaticString) {
            for index in variants.indices {
                bytes.withUTF8Buffer { variants[index].append(contentsOf: $0) }
            }
        }
        func emit(_ byte: UInt8) {
            for index in variants.indices { variants[index].append(byte) }
        }
        func either(_ first: StaticString, _ second: StaticString) {
            if variants.count * 2 > maxKeys { emit(first); return }
            let copies = variants
            emit(first)
            for var copy in copies {
                second.withUTF8Buffer { copy.append(contentsOf: $0) }
                variants.append(copy)
            }
        }
        var i = 0
        while i < n {
            let c = input[i]
            let next = at(i + 1)
            switch c {
            case ascii("s"):
                if next == ascii("h") && at(i + 2) == ascii("c") && at(i + 3) == ascii("h") {
                    emit(shLetter); i += 4
                } else if next == ascii("h") && at(i + 2) == ascii("h") {
                    emit(shLetter); i += 3  // GOST 7.79-B's щ: shh
                } else if next == ascii("c") && at(i + 2) == ascii("h") {
                    emit(shLetter); i += 3
                } else if next == ascii("h") {
                    emit(shLetter); i += 2
                } else {
                    emit(c); i += 1
                }
            case ascii("z"):
                emit(c); i += next == ascii("h") ? 2 : 1
            case ascii("k"):
                if next == ascii("h") { either("h", "k"); i += 2 } else { emit(c); i += 1 }
            case ascii("g"), ascii("c"):
                if c == ascii("c") && next == ascii("k") { emit("k"); i += 2; continue }
                if c == ascii("c") && next == ascii("z") { emit("c"); i += 2; continue }  // GOST 7.79-B's ц: cz
                emit(c); i += next == ascii("h") ? 2 : 1
            case ascii("t"):
                if next == ascii("s") {
                    emit("c"); i += 2
                } else if next == ascii("c") && at(i + 2) == ascii("h") {
                    emit("c"); i += 3
                } else if next == ascii("c") {
                    emit("c"); i += 2  // GOST R 52535's ц: tc
                } else if next == ascii("t") && at(i + 2) == ascii("s") {
                    i += 1  // тц: Bittsevsky is Bitsevsky
                } else {
                    emit(c); i += 1
                }
            case ascii("p"):
                if next == ascii("h") { emit("f"); i += 2 } else { emit(c); i += 1 }
            case ascii("q"): emit("k"); i += 1
            case ascii("x"): either("ks", "h"); i += 1  // x is also х (GOST 7.79-B, scientific)
            case ascii("w"): emit("v"); i += 1
            case ascii("y"):
                switch next {
                case ascii("e"): emit("e"); i += 2
                case ascii("o"): either("e", "io"); i += 2  // ё, or й before о (Йошкар: Ioshkar)
                case ascii("a"): emit("ia"); i += 2
                case ascii("u"): emit("iu"); i += 2
                default: emit("i"); i += 1
                }
            case ascii("j"):
                switch next {
                case ascii("a"): either("ia", "za"); i += 2
                case ascii("u"): either("iu", "zu"); i += 2
                case ascii("e"): either("e", "ze"); i += 2
                case ascii("o"): either("e", "zo"); i += 2
                case ascii("i"): either("i", "zi"); i += 2
                default: emit("i"); i += 1
                }
            case Cyrillic.ngMarker:
                either("n", "ng"); i += 1
            case Cyrillic.hardSignMarker:
                either("", "ie"); i += 1  // ъ: nothing, or ICAO's "ie" (Razieezdnoi)
            default:
                emit(c); i += 1
            }
        }
        var result: [String] = []
        result.reserveCapacity(variants.count)
        for variant in variants {
            let key = collapsingDoubles(variant)
            if !result.contains(key) { result.append(key) }
        }
        return result
    }

    /// `bytes` with runs of one letter collapsed to one (digits are kept: 2002 ≠ 202).
    static func collapsingDoubles(_ bytes: [UInt8]) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        for byte in bytes {
            if let last = out.last, last == byte, !(byte >= 0x30 && byte <= 0x39) { continue }
            out.append(byte)
        }
        return String(decoding: out, as: UTF8.self)
    }
}

/// The ASCII code of a one-character literal, folded at compile time.
@inline(__always)
func ascii(_ character: Unicode.Scalar) -> UInt8 { UInt8(truncatingIfNeeded: character.value) }
