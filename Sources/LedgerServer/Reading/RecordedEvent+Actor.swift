import EventLog

extension RecordedEvent {
    /// The `actor` the server recorded in the metadata (`key:<name>`), if any.
    var recordedActor: String? {
        guard let members = try? JSONText.members(of: metadata),
              let range = members.first(where: { $0.key == EventMetadata.actor })?.value else { return nil }
        return JSONText.string(metadata[range])
    }
}
