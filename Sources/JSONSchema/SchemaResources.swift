import Foundation
import JSON

/// Where each `$id` and `$anchor` of a document lives, found by one walk before compiling,
/// so that `$ref`s can point forward, backward and into themselves.
struct SchemaResources {
    /// Absolute URI (without fragment) of each schema resource → its location.
    private var resourceRoots: [String: JSONPointer] = [:]
    /// `uri#anchor` → location.
    private var anchors: [String: JSONPointer] = [:]
    /// The base URI in force at each schema location.
    private var baseURIs: [JSONPointer: SchemaURI] = [:]

    /// Stands in for the document's URI when its root has no `$id`.
    static let defaultBase = SchemaURI(parsing: "urn:civicledger:schema")

    init(document: JSONValue) {
        walk(document, at: .root, base: Self.defaultBase)
        if resourceRoots[Self.defaultBase.text] == nil { resourceRoots[Self.defaultBase.text] = .root }
    }

    private mutating func walk(_ schema: JSONValue, at location: JSONPointer, base: SchemaURI) {
        guard case .object(let object) = schema else { return }
        var base = base
        if case .string(let id)? = object["$id"] {
            base = base.resolving(SchemaURI(parsing: id)).withoutFragment
            resourceRoots[base.text] = location
        }
        if location.isRoot { resourceRoots[base.text] = location }
        if case .string(let anchor)? = object["$anchor"] {
            anchors[base.text + "#" + anchor] = location
        }
        baseURIs[location] = base
        for member in object {
            let here = location.appending(member.key)
            if SchemaVocabulary.singleSubschema.contains(member.key) {
                walk(member.value, at: here, base: base)
            } else if SchemaVocabulary.subschemaArrays.contains(member.key), case .array(let elements) = member.value {
                for (position, element) in elements.enumerated() { walk(element, at: here.appending(index: position), base: base) }
            } else if SchemaVocabulary.subschemaMaps.contains(member.key), case .object(let map) = member.value {
                for entry in map { walk(entry.value, at: here.appending(entry.key), base: base) }
            }
        }
    }

    /// The base URI at `location`: its own, or that of the nearest enclosing schema.
    func base(at location: JSONPointer) -> SchemaURI {
        var tokens = location.tokens
        while true {
            if let base = baseURIs[JSONPointer(tokens: tokens)] { return base }
            if tokens.isEmpty { return Self.defaultBase }
            tokens.removeLast()
        }
    }

    /// The location a `$ref` written at `location` points to, or nil when it leaves the document.
    func locate(_ reference: String, from location: JSONPointer) -> JSONPointer? {
        let target = base(at: location).resolving(SchemaURI(parsing: reference))
        guard let root = resourceRoots[target.withoutFragment.text] else { return nil }
        guard let fragment = target.fragment, !fragment.isEmpty else { return root }
        let decoded = fragment.removingPercentEncoding ?? fragment
        if decoded.hasPrefix("/") {
            guard let pointer = try? JSONPointer(parsing: decoded) else { return nil }
            return root.appending(contentsOf: pointer)
        }
        return anchors[target.withoutFragment.text + "#" + decoded]
    }
}
