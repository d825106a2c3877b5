import CivilAffairs
import EventLog
import JSON
import Logging
import Projections
import ServiceLifecycle

/// Records the lapse of divorce applications (视为撤回) as the days pass: at start and then every
/// `interval`, it reads the open applications from the `marriage` read model and appends a
/// `marriage.DivorceApplicationLapsed` for each whose registration window closed before today,
/// through the same catalog and rules as every append (so a registration that got in first
/// wins, and the rules judge the lapse's dates). Each lapse has an id derived from its
/// application, so a pass repeated after a crash records nothing twice.
public struct DivorceLapseService: Service {
    let engine: ProjectionEngine
    let store: any LedgerStore
    let interval: Duration
    let today: @Sendable () -> CalendarDay
    let logger: Logger

    /// `today` is the business day in China Standard Time unless a test gives another clock.
    public init(engine: ProjectionEngine, store: any LedgerStore, interval: Duration, logger: Logger,
                today: @escaping @Sendable () -> CalendarDay = { CalendarDay.today() }) {
        self.engine = engine
        self.store = store
        self.interval = interval
        self.today = today
        self.logger = logger
    }

    public func run() async throws {
        do {
            try await cancelWhenGracefulShutdown {
                while !Task.isCancelled {
                    do {
                        let recorded = try await sweep()
                        if !recorded.isEmpty { logger.info("divorce applications lapsed", metadata: ["applications": "\(recorded.joined(separator: ","))"]) }
                    } catch is CancellationError {
                        return
                    } catch {
                        // The next pass tries again; appends and queries go on meanwhile.
                        logger.warning("the divorce lapse pass failed", metadata: ["error": "\(error)"])
                    }
                    try await Task.sleep(for: interval)
                }
            }
        } catch is CancellationError {
            return
        }
    }

    /// One pass: the applications it recorded as lapsed, by id.
    @discardableResult
    public func sweep() async throws -> [String] {
        // Judge from a read model that has seen the whole log as it stood when the pass began.
        let size = try await store.size()
        if size > 0 { try await engine.waitUntil("marriage", reached: size - 1, timeout: .seconds(60)) }
        var open: [JSONValue] = []
        var after: String?
        repeat {
            let page = try await engine.page("marriage", prefix: "cooling-off/", after: after, limit: 1000)
            open += page.entries.map(\.value)
            after = page.next
        } while after != nil
        var recorded: [String] = []
        for append in DivorceLapse.due(open, today: today()) {
            let id = String(append.stream.rawValue.dropFirst("divorce-".count))
            do {
                _ = try await store.append([append])
                recorded.append(id)
            } catch let problem as Problem where problem.type == .ruleViolation {
                // Closed meanwhile (registered, withdrawn or lapsed by an earlier pass): nothing to record.
                logger.debug("divorce application no longer open", metadata: ["application": "\(id)", "detail": "\(problem.detail)"])
            }
        }
        return recorded
    }
}
