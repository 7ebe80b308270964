#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// Compares two case files fast: each file is scanned at the byte level, records are
/// matched by Id (links, notes and sessions by their bytes) through a hash table, and
/// a record whose bytes are the same in both is done with. Only the records that
/// differ, the header, the descriptors and hand-added record types are read by
/// `CaseReader` and compared as entries, so two million-entry files that differ in a
/// thousand entries cost two scans, not two full loads.
public enum FileComparison {
    /// How a record type's records are matched.
    enum Role {
        /// Always read (header, hand-added types, records before any descriptor).
        case always
        /// Matched by Id.
        case identified
        /// Matched by content (links, notes, sessions).
        case content
    }

    /// Two files compared: their diff, and the two cases read from only the records that
    /// differ (with the header, descriptors and hand-added record types).
    public struct Comparison {
        /// The diff between the files.
        public var diff: CaseDiff
        /// The older file's records that differ from the newer's (a partial case).
        public var old: CaseFile
        /// The newer file's records that differ from the older's, its new sessions among them.
        public var new: CaseFile
    }

    /// The diff between the case files `old` and `new` (their bytes; names for messages).
    /// Throws when a record that has to be read is not readable.
    public static func diff(old: UnsafeBufferPointer<UInt8>, oldName: String,
                            new: UnsafeBufferPointer<UInt8>, newName: String) throws(LoadError) -> CaseDiff {
        try compare(old: old, oldName: oldName, new: new, newName: newName).diff
    }

    /// The comparison of the case files `old` and `new` (their bytes; names for messages).
    /// Throws when a record that has to be read is not readable.
    /// - Complexity: a byte scan of each file, plus reading the records that differ.
    public static func compare(old: UnsafeBufferPointer<UInt8>, oldName: String,
                               new: UnsafeBufferPointer<UInt8>, newName: String) throws(LoadError) -> Comparison {
        let scanA = RecordScan(bytes: old)
        let scanB = RecordScan(bytes: new)
        // Record types as small numbers, so matching compares integers.
        var types: [String: Int] = [:]
        func code(_ section: RecordScan.Section) -> Int {
            if let known = types[section.type] { return known }
            types[section.type] = types.count
            return types.count - 1
        }
        let typesA = scanA.sections.map(code)
        let typesB = scanB.sections.map(code)
        var roles: [Int: Role] = [:]
        for (type, code) in types { roles[code] = role(of: type) }
        let rolesA = typesA.map { roles[$0] ?? .always }
        let rolesB = typesB.map { roles[$0] ?? .always }

        var includeA = [Bool](repeating: false, count: scanA.count)
        var includeB = [Bool](repeating: false, count: scanB.count)
        guard let baseA = old.baseAddress ?? UnsafePointer(bitPattern: 1),
              let baseB = new.baseAddress ?? UnsafePointer(bitPattern: 1) else {
            return Comparison(diff: CaseDiff(changes: []), old: CaseFile(), new: CaseFile())
        }
        func sameBytes(_ pa: UnsafePointer<UInt8>, _ sa: Int, _ la: Int, _ pb: UnsafePointer<UInt8>, _ sb: Int, _ lb: Int) -> Bool {
            la == lb && (la == 0 || memcmp(pa + sa, pb + sb, la) == 0)
        }
        func body(_ scan: RecordScan, _ record: Int) -> (start: Int, count: Int) {
            let start = scan.bodyStart[record] < 0 ? scan.chunkEnd[record] : scan.bodyStart[record]
            return (start, scan.chunkEnd[record] - start)
        }

        // Index the old file: Ids in one table, other records by their bytes in another.
        var idsA = RecordTable(expected: scanA.count)
        var contentA = RecordTable(expected: scanA.count)
        var idHashA = [UInt64](repeating: 0, count: scanA.count)
        for a in 0..<scanA.count {
            let section = Int(scanA.section[a])
            let role = section < 0 ? Role.always : rolesA[section]
            if role == .always {
                includeA[a] = true
            } else if role == .identified, scanA.idStart[a] >= 0 {
                let hash = RecordTable.hash(baseA, scanA.idStart[a], Int(scanA.idLength[a]))
                idHashA[a] = hash
                let duplicate = idsA.find(hash) { other in
                    sameBytes(baseA, scanA.idStart[Int(other)], Int(scanA.idLength[Int(other)]),
                              baseA, scanA.idStart[a], Int(scanA.idLength[a]))
                }
                if let duplicate {
                    // A duplicate Id is an error the reader reports: read both.
                    includeA[a] = true
                    includeA[Int(duplicate)] = true
                } else {
                    idsA.insert(hash, Int32(a))
                }
            } else {
                let (start, count) = body(scanA, a)
                contentA.insert(RecordTable.hash(baseA, start, count), Int32(a))
            }
        }

        // Match the new file's records against it.
        var partnerA = [Int32](repeating: -1, count: scanA.count)
        var partnerB = [Int32](repeating: -1, count: scanB.count)
        var idsB = RecordTable(expected: scanB.count)
        for b in 0..<scanB.count {
            let section = Int(scanB.section[b])
            let role = section < 0 ? Role.always : rolesB[section]
            let typeB = section < 0 ? -1 : typesB[section]
            let (startB, countB) = body(scanB, b)
            var match: Int32?
            if role == .always {
                includeB[b] = true
                continue
            } else if role == .identified, scanB.idStart[b] >= 0 {
                let idStart = scanB.idStart[b]
                let idCount = Int(scanB.idLength[b])
                let hash = RecordTable.hash(baseB, idStart, idCount)
                let duplicate = idsB.find(hash) { other in
                    sameBytes(baseB, scanB.idStart[Int(other)], Int(scanB.idLength[Int(other)]), baseB, idStart, idCount)
                }
                if let duplicate {
                    includeB[b] = true
                    includeB[Int(duplicate)] = true
                    let partner = partnerB[Int(duplicate)]
                    if partner >= 0 { partnerA[Int(partner)] = -1 }
                    continue
                }
                idsB.insert(hash, Int32(b))
                match = idsA.find(hash) { a in
                    sameBytes(baseA, scanA.idStart[Int(a)], Int(scanA.idLength[Int(a)]), baseB, idStart, idCount)
                }
                if let a = match {
                    let (startA, countA) = body(scanA, Int(a))
                    let sectionA = Int(scanA.section[Int(a)])
                    if includeA[Int(a)] || partnerA[Int(a)] >= 0 || typesA[sectionA] != typeB
                        || !sameBytes(baseA, startA, countA, baseB, startB, countB) {
                        match = nil
                    }
                }
            } else {
                let hash = RecordTable.hash(baseB, startB, countB)
                match = contentA.find(hash) { a in
                    let (startA, countA) = body(scanA, Int(a))
                    let sectionA = Int(scanA.section[Int(a)])
                    return partnerA[Int(a)] < 0 && !includeA[Int(a)] && sectionA >= 0 && typesA[sectionA] == typeB
                        && sameBytes(baseA, startA, countA, baseB, startB, countB)
                }
            }
            if let a = match {
                partnerA[Int(a)] = Int32(b)
                partnerB[b] = a
            } else {
                includeB[b] = true
            }
        }
        for a in 0..<scanA.count where partnerA[a] < 0 { includeA[a] = true }
        for b in 0..<scanB.count where partnerB[b] < 0 { includeB[b] = true }

        let oldCase = try PartialCase.read(scanA, old, include: includeA, name: oldName)
        let newCase = try PartialCase.read(scanB, new, include: includeB, name: newName)
        return Comparison(diff: CaseDiff.between(oldCase, newCase), old: oldCase, new: newCase)
    }

    /// Compares the case files at two paths.
    public static func diff(oldPath: String, newPath: String) throws -> CaseDiff {
        try diff(CaseInput(path: oldPath), CaseInput(path: newPath))
    }

    /// Compares two opened case files.
    public static func diff(_ old: CaseInput, _ new: CaseInput) throws(LoadError) -> CaseDiff {
        try compare(old, new).diff
    }

    /// Compares two opened case files, keeping the records that differ.
    public static func compare(_ old: CaseInput, _ new: CaseInput) throws(LoadError) -> Comparison {
        try old.withBytes { a throws(LoadError) in
            try new.withBytes { b throws(LoadError) in
                try compare(old: a, oldName: old.name, new: b, newName: new.name)
            }
        }
    }

    static func role(of type: String) -> Role {
        guard let kind = Kind(rawValue: type) else { return .always }
        return kind.hasId ? .identified : .content
    }
}
