import EventLog
import Foundation

/// Events read from the log for one chunk: `through` is the last position read or passed
/// over (nil: nothing new). A `StreamStateProjection` gets headers only, other projections events.
struct LogChunk: Sendable {
    var events: [RecordedEvent] = []
    var headers: [EventHeader] = []
    let through: UInt64?
    let reachedEnd: Bool

    static let nothing = LogChunk(through: nil, reachedEnd: true)
}

/// How a generation's run ended.
enum RunEnd: Sendable {
    case cancelled, retired, reachedUntil
    case failed(ProjectionFailure)
}

extension ProjectionEngine {
    /// Catches every projection up and follows the log until the task is cancelled (graceful stop:
    /// finishes the current transaction). Starts a blue-green rebuild for any projection whose
    /// version in code differs from its stored generation's. Call it once per engine.
    public func run() async throws {
        guard writer != nil else { throw ProjectionError.storage("the projections were opened read-only") }
        guard isRunning.withLock({ running in defer { running = true }; return !running }) else {
            throw ProjectionError.storage("the projection engine is already running")
        }
        defer { isRunning.withLock { $0 = false } }
        // A stream of its own for each run: a cancelled iteration ends its stream for good.
        let (starts, continuation) = AsyncStream.makeStream(of: GenerationStart.self)
        self.starts.withLock { $0 = continuation }
        defer { self.starts.withLock { $0 = nil } }
        let initial = try await onWriter { try self.generationsToRun() }
        await withTaskGroup(of: Void.self) { group in
            for start in initial {
                group.addTask { await self.drive(start) }
            }
            for await start in starts {
                group.addTask { await self.drive(start) }
            }
            group.cancelAll()
        }
    }

    /// Runs one generation until it fails, is retired or the task is cancelled; storage errors
    /// are retried after a pause.
    func drive(_ start: GenerationStart) async {
        guard let projection = projections[start.projection] else { return }
        while !Task.isCancelled {
            do {
                _ = try await follow(projection, generation: start.generation, until: nil) { _, _ in }
                return
            } catch {
                try? await Task.sleep(for: .seconds(1))
            }
        }
    }

    /// Feeds a generation the log from its checkpoint: in chunks while catching up (reading the
    /// next chunk while the writer applies this one), then each append as it comes. With
    /// `until`, stops after that position; with `untilLive`, once the generation is the live one.
    func follow(_ projection: any Projection, generation: Int, until: UInt64?, untilLive: Bool = false,
                progress: @Sendable (_ position: UInt64, _ figures: RunnerFigures) -> Void) async throws -> RunEnd {
        let name = projection.name
        let runner = GenerationRecord.databaseName(name, generation)
        // One runner per generation; a failed one stays listed (so `waitUntil` knows) until tried again.
        let claimed = runners.withLock { runners -> Bool in
            guard runners[runner].map({ $0.phase == .failed }) ?? true else { return false }
            runners[runner] = RunnerFigures()
            return true
        }
        guard claimed else { return .cancelled }
        defer { runners.withLock { if $0[runner]?.phase != .failed { $0[runner] = nil } } }
        guard let record = try await onWriter({ try self.resume(name, generation: generation) }) else { return .retired }
        var next = record.nextPosition
        if let until, next > until { return .reachedUntil }
        // Records of other types are passed over in the scan, never copied.
        let filter = EventFilter(typePrefixes: projection.eventTypes)
        let headersOnly = projection is any StreamStateProjection
        var chunk = try await read(from: next, filter: filter, until: until, headersOnly: headersOnly)
        // Whether the generation was live at its last commit, and when that commit was.
        var wasLive = false
        var lastWritten = ContinuousClock.now
        // The last position passed over without writing, while nothing newer was written.
        var unwritten: UInt64?
        while !Task.isCancelled {
            guard let through = chunk.through else {
                if until == nil { runners.withLock { $0[runner]?.phase = .live } }
                if let position = unwritten {
                    // Write the checkpoint once the log has been quiet for the interval.
                    if await !log.grows(beyond: next, within: options.checkpointInterval) {
                        if Task.isCancelled { break }
                        let outcome = try await onWriter {
                            try self.applyChunk(projection, generation: generation, chunk: LogChunk(through: position, reachedEnd: true),
                                                through: position)
                        }
                        switch outcome {
                        case .retired: return .retired
                        case .committed(let live, _): wasLive = live
                        case .failed: break  // an empty chunk applies nothing that could fail
                        }
                        lastWritten = ContinuousClock.now
                        unwritten = nil
                        continue
                    }
                } else {
                    await log.waitForGrowth(beyond: next)
                }
                if Task.isCancelled { break }
                chunk = try await read(from: next, filter: filter, until: until, headersOnly: headersOnly)
                continue
            }
            let done = until.map { through >= $0 } ?? false
            async let following = done ? LogChunk.nothing
                : read(from: through + 1, filter: filter, until: until, headersOnly: headersOnly)
            let applying = chunk, reachedEnd = chunk.reachedEnd
            chunk = .nothing  // so the writer holds the only reference and frees it there
            // A live projection that reads none of these records has the same state at `through`:
            // it says so at once, and writes the checkpoint later, sparing a commit per append.
            if until == nil, wasLive, applying.events.isEmpty, applying.headers.isEmpty,
               ContinuousClock.now - lastWritten < options.checkpointInterval,
               watch.announce(name, generation: generation, passedOverTo: through) {
                runners.withLock { $0[runner]?.committed(Int(through - next + 1)) }
                unwritten = through
                next = through + 1
                chunk = try await following
                continue
            }
            unwritten = nil
            let outcome = try await onWriter {
                try self.applyChunk(projection, generation: generation, chunk: applying, through: through)
            }
            lastWritten = ContinuousClock.now
            switch outcome {
            case .retired:
                return .retired
            case .failed(let failure):
                runners.withLock { $0[runner]?.phase = .failed }
                watch.fail(name)
                return .failed(failure)
            case .committed(let live, _):
                wasLive = live
                let figures = runners.withLock { figures -> RunnerFigures? in
                    figures[runner]?.committed(Int(through - next + 1))
                    if reachedEnd && until == nil { figures[runner]?.phase = .live }
                    return figures[runner]
                }
                if live { watch.announce(name, generation: generation, position: through) }
                if let figures { progress(through, figures) }
                if live && untilLive { return .reachedUntil }
            }
            next = through + 1
            if done { return .reachedUntil }
            chunk = try await following
        }
        return .cancelled
    }

    /// One chunk of the log from `position`, cut at `until`: events, or headers only.
    private func read(from position: UInt64, filter: EventFilter, until: UInt64?, headersOnly: Bool) async throws -> LogChunk {
        if headersOnly, let store = log as? LMDBEventStore {
            // Records are decoded in place: no copy of their metadata or payload.
            let page = try store.readHeaders(from: position, limit: options.chunkSize, types: filter)
            return cut(LogChunk(headers: page.headers, through: page.next > position ? page.next - 1 : nil, reachedEnd: page.reachedEnd),
                       from: position, until: until)
        }
        let page = try await log.readAll(from: position, direction: .forwards, limit: options.chunkSize, filter: filter)
        guard let after = page.next, after > position else { return .nothing }
        let chunk = headersOnly
            ? LogChunk(headers: page.events.map(EventHeader.init), through: after - 1, reachedEnd: page.reachedEnd)
            : LogChunk(events: page.events, through: after - 1, reachedEnd: page.reachedEnd)
        return cut(chunk, from: position, until: until)
    }

    /// A chunk without what lies past `until`.
    private func cut(_ chunk: LogChunk, from position: UInt64, until: UInt64?) -> LogChunk {
        guard let through = chunk.through else { return .nothing }
        guard let until, through > until else { return chunk }
        if position > until { return .nothing }
        return LogChunk(events: chunk.events.filter { $0.position <= until }, headers: chunk.headers.filter { $0.position <= until },
                        through: until, reachedEnd: false)
    }
}
