import Projections

extension ProjectionEngine {
    /// `waitUntil`, asked again until `seconds` have passed: the suite runs its tests in parallel
    /// on two cores, where a catch-up can take longer than the service's default wait.
    func settle(_ name: String, reached position: UInt64, seconds: Double = 120) async throws {
        let deadline = ContinuousClock.now + .milliseconds(Int(seconds * 1000))
        while true {
            do {
                try await waitUntil(name, reached: position)
                return
            } catch ProjectionError.behind where ContinuousClock.now < deadline {
                continue
            }
        }
    }
}
