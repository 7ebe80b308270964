extension SelectionExpression {
    enum Token: Equatable {
        case int(Int), real(Double), string(String), name(Name)
        case symbol(String)
    }

    /// Splits an expression into tokens the way recutils' lexer does (a `-` directly before
    /// a digit belongs to the number).
    enum Lexer {
        static let symbols = ["&&", "||", "=>", "==", "<<", ">>", "<=", ">=", "!=",
                              "+", "-", "*", "/", "%", "=", "!", "~", ">", "<", "(", ")", "#", "?", ":", "&"]

        static func tokens(of text: String) throws -> [(token: Token, offset: Int)] {
            let bytes = Array(text.utf8)
            var tokens: [(Token, Int)] = []
            var index = 0
            func isDigit(_ at: Int) -> Bool { at < bytes.count && bytes[at] >= 0x30 && bytes[at] <= 0x39 }
            func isLetter(_ at: Int) -> Bool { at < bytes.count && (bytes[at] | 0x20) >= 0x61 && (bytes[at] | 0x20) <= 0x7A }
            func isNamePart(_ at: Int) -> Bool { isLetter(at) || isDigit(at) || (at < bytes.count && bytes[at] == 0x5F) }
            while index < bytes.count {
                let byte = bytes[index]
                let start = index
                if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D {
                    index += 1
                    continue
                }
                // Numbers: -?DIGITS, -?0xHEX, -?DIGITS*.DIGITS
                let signed = byte == UInt8(ascii: "-") && (isDigit(index + 1) || (index + 2 < bytes.count
                    && bytes[index + 1] == UInt8(ascii: ".") && isDigit(index + 2)))
                if isDigit(index) || signed || (byte == UInt8(ascii: ".") && isDigit(index + 1)) {
                    var end = signed ? index + 1 : index
                    if end + 1 < bytes.count, bytes[end] == UInt8(ascii: "0"), bytes[end + 1] | 0x20 == UInt8(ascii: "x") {
                        end += 2
                        while end < bytes.count, isHex(bytes[end]) { end += 1 }
                    } else {
                        while isDigit(end) { end += 1 }
                        if end < bytes.count, bytes[end] == UInt8(ascii: "."), isDigit(end + 1) {
                            end += 1
                            while isDigit(end) { end += 1 }
                            let literal = String(decoding: bytes[start..<end], as: UTF8.self)
                            guard let value = Double(literal.hasPrefix(".") ? "0" + literal
                                                     : literal.replacingOccurrences(of: "-.", with: "-0.")) else {
                                throw SyntaxError(message: "'\(literal)' is not a number", offset: start + 1)
                            }
                            tokens.append((.real(value), start + 1))
                            index = end
                            continue
                        }
                    }
                    let literal = String(decoding: bytes[start..<end], as: UTF8.self)
                    guard let value = RecNumber.int(literal) else {
                        throw SyntaxError(message: "'\(literal)' is not an integer recutils can hold", offset: start + 1)
                    }
                    tokens.append((.int(value), start + 1))
                    index = end
                    continue
                }
                if isLetter(index) {
                    var end = index + 1
                    while isNamePart(end) { end += 1 }
                    var field = String(decoding: bytes[start..<end], as: UTF8.self)
                    if end < bytes.count, bytes[end] == UInt8(ascii: "."), isLetter(end + 1) {
                        var subEnd = end + 2
                        while isNamePart(subEnd) { subEnd += 1 }
                        field += "_" + String(decoding: bytes[(end + 1)..<subEnd], as: UTF8.self)
                        end = subEnd
                    }
                    var subscriptIndex: Int?
                    if end < bytes.count, bytes[end] == UInt8(ascii: "["), isDigit(end + 1) {
                        var close = end + 1
                        while isDigit(close) { close += 1 }
                        if close < bytes.count, bytes[close] == UInt8(ascii: "]") {
                            subscriptIndex = Int(String(decoding: bytes[(end + 1)..<close], as: UTF8.self))
                            guard subscriptIndex != nil else {
                                throw SyntaxError(message: "the index is too large", offset: end + 2)
                            }
                            end = close + 1
                        }
                    }
                    tokens.append((.name(Name(field: field, index: subscriptIndex)), start + 1))
                    index = end
                    continue
                }
                if byte == UInt8(ascii: "'") || byte == UInt8(ascii: "\"") {
                    var value: [UInt8] = []
                    var end = index + 1
                    var closed = false
                    while end < bytes.count {
                        if bytes[end] == UInt8(ascii: "\\"), end + 1 < bytes.count {
                            value.append(bytes[end + 1])
                            end += 2
                            continue
                        }
                        if bytes[end] == byte {
                            closed = true
                            end += 1
                            break
                        }
                        value.append(bytes[end])
                        end += 1
                    }
                    guard closed else { throw SyntaxError(message: "a string without its closing quote", offset: start + 1) }
                    tokens.append((.string(String(decoding: value, as: UTF8.self)), start + 1))
                    index = end
                    continue
                }
                guard let symbol = symbols.first(where: { matches($0, bytes, at: index) }) else {
                    let character = String(decoding: bytes[index...].prefix(4), as: UTF8.self).first.map(String.init) ?? "?"
                    throw SyntaxError(message: "unexpected '\(character)'", offset: start + 1)
                }
                tokens.append((.symbol(symbol), start + 1))
                index += symbol.utf8.count
            }
            return tokens
        }

        private static func isHex(_ byte: UInt8) -> Bool {
            (byte >= 0x30 && byte <= 0x39) || ((byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x66)
        }

        private static func matches(_ symbol: String, _ bytes: [UInt8], at index: Int) -> Bool {
            var position = index
            for byte in symbol.utf8 {
                guard position < bytes.count, bytes[position] == byte else { return false }
                position += 1
            }
            return true
        }
    }
}
