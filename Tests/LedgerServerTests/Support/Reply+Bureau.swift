import Testing

extension Reply {
    /// The rules a `422 rule-violation` names, in order; empty for any other answer.
    var violatedRules: [String] {
        ((json["violations"] as? [[String: Any]]) ?? []).compactMap { $0["rule"] as? String }
    }

    /// The log position of an accepted append's last event.
    func lastPosition() throws -> Int {
        try #require((json["events"] as? [[String: Any]])?.last?["position"] as? Int, "\(text)")
    }
}
