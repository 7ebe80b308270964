import Foundation

/// Turns the bytes of one token into a `TermInfo`: normal form, script, folding keys.
///
/// Tokens of ASCII and Cyrillic letters (nearly all of them in a Russian and Kazakh
/// case) take a fast path with our own tables; anything else goes through Foundation:
/// NFKC, case folding, and ICU's `Any-Latin; Latin-ASCII` for letters our tables lack.
enum TermAnalyzer {
    /// Analyses the UTF-8 `bytes` of a token (without its `#`/`@` sigil).
    static func analyze(_ bytes: UnsafeBufferPointer<UInt8>, namespace: Namespace) -> TermInfo {
        var scalars: [UInt32] = []
        scalars.reserveCapacity(bytes.count)
        var simple = true
        var apostropheAt = -1
        var index = 0
        while index < bytes.count {
            let (scalar, width) = UTF8Decoding.decode(bytes, at: index)
            index += width
            if Tokenizer.isIgnorable(scalar) { continue }
            if Tokenizer.isApostrophe(scalar) {
                apostropheAt = scalars.count
                continue
            }
            if scalar < 0x80 {
                scalars.append(scalar >= 0x41 && scalar <= 0x5A ? scalar + 0x20 : scalar)
            } else {
                if !(scalar >= 0x400 && scalar <= 0x4FF && !(scalar >= 0x482 && scalar <= 0x489)) { simple = false }
                scalars.append(Cyrillic.lowercase(scalar))
            }
        }
        var surface: String
        if simple {
            var text = String.UnicodeScalarView()
            for scalar in scalars { if let s = Unicode.Scalar(scalar) { text.append(s) } }
            surface = String(text)
        } else {
            let raw = String(decoding: UnsafeBufferPointer(rebasing: bytes[...]), as: UTF8.self)
            let cleaned = String(String.UnicodeScalarView(raw.unicodeScalars.filter {
                !Tokenizer.isIgnorable($0.value) && !Tokenizer.isApostrophe($0.value)
            }))
            surface = cleaned.precomposedStringWithCompatibilityMapping
                .folding(options: [.caseInsensitive], locale: nil)
            scalars = surface.unicodeScalars.map(\.value)
        }
        // "Esimov's": the possessive's stem is the name.
        let possessive = apostropheAt >= 0 && apostropheAt == scalars.count - 1 && scalars.last == 0x73
        return analyze(surface: surface, scalars: scalars, namespace: namespace, possessive: possessive)
    }

    /// Analyses text already in normal form (query words go through `analyze(_:)` too;
    /// this is the shared second half).
    static func analyze(surface: String, scalars original: [UInt32], namespace: Namespace,
                        possessive: Bool = false) -> TermInfo {
        if namespace == .tag {
            return TermInfo(surface: surface, namespace: .tag, script: .other, length: original.count,
                            fullKeys: [], stemKeys: [])
        }
        let scalars = disguisesRemoved(original)
        let script = script(of: scalars)
        let fullKeys = FoldKey.keys(romanized(scalars))
        var stemKeys: [String] = []
        if possessive && script == .latin {
            stemKeys = FoldKey.keys(romanized(Array(scalars.dropLast()))).filter { !fullKeys.contains($0) }
        }
        if script == .latin && namespace != .mention {
            for key in fullKeys {
                for stem in Inflection.stems(ofKey: key) where !fullKeys.contains(stem) && !stemKeys.contains(stem) {
                    stemKeys.append(stem)
                }
            }
        }
        if script == .cyrillic && namespace != .mention {
            for stem in Inflection.stems(of: scalars) {
                for key in FoldKey.keys(romanized(stem)) where !fullKeys.contains(key) && !stemKeys.contains(key) {
                    stemKeys.append(key)
                }
            }
        }
        var info = TermInfo(surface: surface, namespace: namespace, script: script, length: original.count,
                            fullKeys: fullKeys.filter { !$0.isEmpty }, stemKeys: stemKeys)
        if script == .latin && namespace != .mention { addCrossKeys(to: &info, scalars: scalars) }
        return info
    }

    /// The keys of a Latin word's `CrossReading`s and of their stems.
    static func addCrossKeys(to info: inout TermInfo, scalars: [UInt32]) {
        let readings = CrossReading.readings(romanized(scalars))
        guard !readings.isEmpty else { return }
        func isNew(_ key: String) -> Bool {
            !key.isEmpty && !info.allKeys.contains(key) && !info.crossKeys.contains(key) && !info.crossStemKeys.contains(key)
        }
        for reading in readings {
            for key in FoldKey.keys(reading) where isNew(key) { info.crossKeys.append(key) }
        }
        for key in info.crossKeys {
            for stem in Inflection.stems(ofKey: key) where isNew(stem) { info.crossStemKeys.append(stem) }
        }
    }

    /// Latin look-alikes in a mostly-Cyrillic word made Cyrillic, and the other way round:
    /// "Пyтин" and "Рutin" are disguises, not new words.
    static func disguisesRemoved(_ scalars: [UInt32]) -> [UInt32] {
        var latin = 0
        var cyrillic = 0
        for s in scalars {
            if isLatinLetter(s) { latin += 1 } else if Cyrillic.isCyrillic(s) { cyrillic += 1 }
        }
        guard latin > 0 && cyrillic > 0 else { return scalars }
        if cyrillic >= latin {
            return scalars.map { isLatinLetter($0) ? (Cyrillic.fromLookalike($0) ?? $0) : $0 }
        }
        return scalars.map { Cyrillic.isCyrillic($0) ? (Cyrillic.toLookalike($0) ?? $0) : $0 }
    }

    static func isLatinLetter(_ s: UInt32) -> Bool {
        (s >= 0x61 && s <= 0x7A) || (s >= 0x41 && s <= 0x5A) || (s >= 0xC0 && s <= 0x24F && s != 0xD7 && s != 0xF7)
    }

    static func script(of scalars: [UInt32]) -> Script {
        var sawLatin = false
        var sawOther = false
        for s in scalars {
            if Cyrillic.isCyrillic(s) { return .cyrillic }
            if isLatinLetter(s) { sawLatin = true } else if !(s >= 0x30 && s <= 0x39) && s != 0x5F { sawOther = true }
        }
        return sawLatin ? .latin : (sawOther ? .other : .number)
    }

    /// Lower-case ASCII for `FoldKey`: Latin as is, Cyrillic by our table, Latin letters
    /// with diacritics by `LatinLetters`, anything else through ICU.
    static func romanized(_ scalars: [UInt32]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(scalars.count + 4)
        for s in scalars {
            if s < 0x80 {
                if (s >= 0x61 && s <= 0x7A) || (s >= 0x30 && s <= 0x39) || s == 0x5F {
                    out.append(UInt8(s))
                } else if s >= 0x41 && s <= 0x5A {
                    out.append(UInt8(s + 0x20))
                }
            } else if let text = Cyrillic.isCyrillic(s) ? Cyrillic.romanize(Cyrillic.lowercase(s)) : LatinLetters.ascii(s) {
                out.append(contentsOf: text.utf8)
            } else if let scalar = Unicode.Scalar(s) {
                out.append(contentsOf: icuASCII(scalar))
            }
        }
        return out
    }

    /// ICU's romanisation of one scalar, as lower-case ASCII letters and digits.
    static func icuASCII(_ scalar: Unicode.Scalar) -> [UInt8] {
        let text = String(Character(scalar))
        let latin = text.applyingTransform(StringTransform("Any-Latin; Latin-ASCII"), reverse: false) ?? ""
        return latin.lowercased().utf8.filter { ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) }
    }
}
