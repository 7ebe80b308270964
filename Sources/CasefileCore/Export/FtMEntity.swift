/// One FollowTheMoney entity being written: `{"id":…,"schema":…,"properties":{…}}`.
/// Values are checked against what FtM's types accept (so `validate` passes): empty
/// values dropped, text cut to the type's maximum length, dates, URLs and languages
/// kept only when FtM would read them.
///
/// An entity is bytes throughout: values are copied into one store as they are added
/// (from the mapped case file, with no `String` made for them), checked there, and the
/// line is escaped from the store into one buffer written at once. A writer reuses one
/// entity, and so its storage, for every entity it writes.
struct FtMEntity {
    /// The FtM schema name (`Person`, `Message`…). Schema and property names are literals,
    /// written and compared as their bytes, with no count taken of a string for them.
    private(set) var schema: StaticString
    /// The entity's id (see `FtMEntity.id(_:_:)`): letters, digits, `-`, `.` and hex.
    private var id: [UInt8] = []
    /// The bytes of every value added, one after the other (UTF-8, not escaped); changed
    /// only here and by `accept` as it makes a value acceptable.
    var store: [UInt8] = []
    /// Each value with its property's name and its place in `store`, in the order added,
    /// without repeats: one list for the entity, which `write` groups by name.
    private var values: [(name: StaticString, range: Range<Int>)] = []
    /// Room for the line being written, kept for the next entity's (its count is its size).
    private var room: [UInt8] = []

    /// An entity with a ready-made id (`FtMEntity.id`, `hashedId`).
    init(id: String, schema: StaticString) {
        self.schema = schema
        self.id = Array(id.utf8)
        values.reserveCapacity(12)
    }

    /// Makes this the empty entity of `schema` whose id is `id`.
    mutating func start(id: String, schema: StaticString) {
        start(schema: schema)
        self.id.append(contentsOf: id.utf8)
    }

    /// Makes this the empty entity of `schema` for the case's Id `casefileId`: its id is
    /// `FtMEntity.id(prefix, casefileId)`, made in place.
    mutating func start(_ prefix: String, _ casefileId: String, schema: StaticString) {
        start(schema: schema)
        Self.appendId(prefix, casefileId, to: &id)
    }

    private mutating func start(schema: StaticString) {
        self.schema = schema
        id.removeAll(keepingCapacity: true)
        store.removeAll(keepingCapacity: true)
        values.removeAll(keepingCapacity: true)
    }

    /// What FtM's type of a property accepts.
    enum ValueType {
        case name, string, text, entity, date, url, language
        /// The longest value FtM accepts, in characters.
        var maxLength: Int {
            switch self {
            case .name: return 384
            case .string: return 1024
            case .text: return 65000
            case .entity: return 200
            case .date: return 32
            case .url: return 4096
            case .language: return 16
            }
        }
    }

    /// Adds `value` to `name` when FtM's `type` accepts it (after cutting text to length).
    mutating func add(_ name: StaticString, _ value: String?, _ type: ValueType = .string) {
        guard var value else { return }
        add(name, type) { store in value.withUTF8 { store.append(contentsOf: $0) } }
    }

    /// Adds the value of `field` to `name`, from the mapped file's bytes where it is there.
    mutating func add(_ name: StaticString, _ field: Field?, _ type: ValueType = .string) {
        guard let field else { return }
        add(name, type) { field.appendValue(to: &$0) }
    }

    /// Adds the value of `entry`'s first field `fieldName` to `name`, lent from the entry.
    mutating func add(_ name: StaticString, from entry: some FieldBearing, _ fieldName: String, _ type: ValueType = .string) {
        entry.withField(fieldName) { field in add(name, type) { field.appendValue(to: &$0) } }
    }

    /// Adds a reference to the entity of the case's Id `casefileId` (`FtMEntity.id(prefix, casefileId)`).
    mutating func addReference(_ name: StaticString, _ prefix: String, _ casefileId: String) {
        add(name, .entity) { Self.appendId(prefix, casefileId, to: &$0) }
    }

    /// Adds to `name` the value `build` appends to the store, when FtM's `type` accepts it.
    mutating func add(_ name: StaticString, _ type: ValueType = .string, _ build: (inout [UInt8]) -> Void) {
        let start = store.count
        build(&store)
        guard let end = accept(start, type) else {
            store.removeSubrange(start...)
            return
        }
        let range = start..<end
        for value in values where Self.same(value.name, name) && value.range.count == range.count {
            if store[value.range].elementsEqual(store[range]) {
                store.removeSubrange(start...)
                return
            }
        }
        values.append((name, range))
    }

    /// Whether two names are the same: the same literal, or the same bytes.
    @inline(__always)
    private static func same(_ a: StaticString, _ b: StaticString) -> Bool {
        if a.hasPointerRepresentation && b.hasPointerRepresentation && a.utf8Start == b.utf8Start { return true }
        return a.withUTF8Buffer { a in b.withUTF8Buffer { b in a.elementsEqual(b) } }
    }

    /// Writes the entity as one line of JSON: the id (whose bytes need no escape), the
    /// schema and the property names (ASCII letters) as they are, the values escaped; put
    /// together in room made for the longest line these values could give, then handed on.
    mutating func write(to out: ExportStream) {
        var bound = 48 + id.count + schema.withUTF8Buffer(\.count)
        for value in values { bound += value.name.withUTF8Buffer(\.count) + 6 + JSONText.quotedBound(value.range.count) }
        // The room is taken out of the entity while it is written, so that its storage is
        // referenced once and is written in place, not copied.
        var room = self.room
        self.room = []
        if room.count < bound { room = [UInt8](repeating: 0, count: max(bound, 2 * room.count)) }
        let used = room.withUnsafeMutableBufferPointer { room -> Int in
            guard let base = room.baseAddress else { return 0 }
            var cursor = ByteCursor(base)
            writeLine(to: &cursor)
            return cursor.next - base
        }
        room.withUnsafeBufferPointer { out.append(contentsOf: UnsafeBufferPointer(rebasing: $0[0..<used])) }
        self.room = room
    }

    private func writeLine(to cursor: inout ByteCursor) {
        cursor.put(#"{"id":""#)
        id.withUnsafeBufferPointer { cursor.put($0) }
        cursor.put(#"","schema":""#)
        cursor.put(schema)
        cursor.put(#"","properties":{"#)
        store.withUnsafeBufferPointer { store in
            // Properties in the order their names were first added, each with its values in
            // the order added: a name seen before `index` was written with that first value.
            var first = true
            for index in values.indices {
                let name = values[index].name
                if values[..<index].contains(where: { Self.same($0.name, name) }) { continue }
                cursor.put(first ? "\"" : ",\"")
                first = false
                cursor.put(name)
                cursor.put(#"":["#)
                JSONText.writeQuoted(UnsafeBufferPointer(rebasing: store[values[index].range]), to: &cursor)
                for later in values[(index + 1)...] where Self.same(later.name, name) {
                    cursor.put(0x2C)
                    JSONText.writeQuoted(UnsafeBufferPointer(rebasing: store[later.range]), to: &cursor)
                }
                cursor.put(0x5D)
            }
        }
        cursor.put("}}\n")
    }
}
