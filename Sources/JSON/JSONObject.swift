/// The members of a JSON object: source order is kept, keys are unique, and two objects are
/// equal when they have the same members in any order.
public struct JSONObject: Sendable {
    /// One member of an object.
    public struct Member: Sendable, Hashable {
        public let key: String
        public var value: JSONValue

        public init(key: String, value: JSONValue) {
            self.key = key
            self.value = value
        }

        public static func == (lhs: Member, rhs: Member) -> Bool {
            lhs.key.hasSameScalars(as: rhs.key) && lhs.value == rhs.value
        }

        public func hash(into hasher: inout Hasher) {
            key.hashScalars(into: &hasher)
            hasher.combine(value)
        }
    }

    /// The members in source order.
    public private(set) var members: [Member] = []
    /// Key lookup for larger objects; a linear scan beats hashing for a handful of keys.
    private var positions: [Key: Int]?
    private static let indexThreshold = 12

    /// An empty object.
    public init() {}

    /// The number of members.
    public var count: Int { members.count }
    /// True when there are no members.
    public var isEmpty: Bool { members.isEmpty }
    /// The keys in source order.
    public var keys: [String] { members.map(\.key) }

    /// The position of `key` in `members`.
    public func position(of key: String) -> Int? {
        if let positions { return positions[Key(key)] }
        return members.firstIndex { $0.key.hasSameScalars(as: key) }
    }

    /// The value for `key`; setting nil removes the member, setting a new key appends it.
    public subscript(key: String) -> JSONValue? {
        get { position(of: key).map { members[$0].value } }
        set {
            if let position = position(of: key) {
                if let newValue {
                    members[position].value = newValue
                } else {
                    members.remove(at: position)
                    rebuildPositions()
                }
            } else if let newValue {
                _ = appendIfAbsent(key, newValue)
            }
        }
    }

    /// Appends a member unless the key is already present; returns false for a duplicate.
    public mutating func appendIfAbsent(_ key: String, _ value: JSONValue) -> Bool {
        if position(of: key) != nil { return false }
        members.append(Member(key: key, value: value))
        if positions != nil {
            positions?[Key(key)] = members.count - 1
        } else if members.count > Self.indexThreshold {
            rebuildPositions()
        }
        return true
    }

    private mutating func rebuildPositions() {
        guard members.count > Self.indexThreshold else {
            positions = nil
            return
        }
        var table: [Key: Int] = [:]
        table.reserveCapacity(members.count)
        for (position, member) in members.enumerated() { table[Key(member.key)] = position }
        positions = table
    }

    /// A dictionary key comparing strings by scalars rather than canonical equivalence.
    private struct Key: Hashable, Sendable {
        let text: String
        init(_ text: String) { self.text = text }
        static func == (lhs: Key, rhs: Key) -> Bool { lhs.text.hasSameScalars(as: rhs.text) }
        func hash(into hasher: inout Hasher) { text.hashScalars(into: &hasher) }
    }
}

extension JSONObject: Hashable {
    public static func == (lhs: JSONObject, rhs: JSONObject) -> Bool {
        guard lhs.count == rhs.count else { return false }
        return lhs.members.allSatisfy { member in rhs[member.key] == member.value }
    }

    /// Order-independent, to agree with `==`.
    public func hash(into hasher: inout Hasher) {
        var sum = 0
        for member in members { sum &+= member.hashValue }
        hasher.combine(count)
        hasher.combine(sum)
    }
}

extension JSONObject: Sequence {
    public func makeIterator() -> IndexingIterator<[Member]> { members.makeIterator() }
}
