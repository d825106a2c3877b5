import Foundation

/// What a running generation reports between commits: its phase and recent rate.
struct RunnerFigures: Sendable {
    var phase: ProjectionPhase = .catchingUp
    /// Starts with the runner's start, so the first commit already gives a rate.
    private var samples: [(time: UInt64, applied: UInt64)] = [(DispatchTime.now().uptimeNanoseconds, 0)]
    private var applied: UInt64 = 0

    /// The window the rate is taken over.
    private static let window: UInt64 = 5_000_000_000

    /// Records a commit of `events` events (applied or passed over).
    mutating func committed(_ events: Int, at now: UInt64 = DispatchTime.now().uptimeNanoseconds) {
        applied += UInt64(events)
        samples.append((now, applied))
        if let firstKept = samples.firstIndex(where: { now - $0.time <= Self.window }), firstKept > 1 {
            samples.removeFirst(firstKept - 1)
        }
    }

    /// Events per second over the last few seconds; 0 when idle.
    func eventsPerSecond(now: UInt64 = DispatchTime.now().uptimeNanoseconds) -> Double {
        guard let first = samples.first, let last = samples.last, now - last.time <= Self.window else { return 0 }
        let span = Double(max(now, last.time + 1) - first.time) / 1e9
        guard span > 0, last.applied > first.applied else { return 0 }
        return Double(last.applied - first.applied) / span
    }

    /// The recent rate and the seconds to cover `lag` at it, from one reading of the clock (two
    /// readings would give a rate and an estimate that disagree by the time between them).
    func rateAndETA(lag: UInt64, now: UInt64 = DispatchTime.now().uptimeNanoseconds) -> (eventsPerSecond: Double, eta: Double?) {
        let rate = eventsPerSecond(now: now)
        guard lag > 0, rate > 0 else { return (rate, lag == 0 ? 0 : nil) }
        return (rate, Double(lag) / rate)
    }
}
