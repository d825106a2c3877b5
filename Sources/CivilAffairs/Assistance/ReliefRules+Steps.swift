import JSON

extension ReliefRules {
    /// The notice: after an approving opinion (round 1), or again after an objection asked for a
    /// fresh one; at least the configured number of days.
    func checkNotice(_ payload: JSONValue, _ current: ReliefCase, _ context: inout Context) {
        guard let start = context.date("noticeStartDate") else { return }
        let round = payload["round"]?.numberValue?.intValue ?? 0
        if current.step == .preliminaryOpinion {
            if current.opinionApproves != true {
                context.fail("assistance.notice-after-refusing-opinion", "The preliminary opinion refused the case: record the refusal, not a notice.")
            }
            if round != 1 { context.fail("assistance.notice-round", pointer: "/round", "The first notice of a case is round 1.") }
        } else if current.step == .publicNotice {
            if !current.needsFreshNotice {
                context.fail("assistance.notice-not-needed", "A notice is already posted and no resolved objection asked for a fresh one.")
            } else if let last = current.notices.last, round != last.round + 1 {
                context.fail("assistance.notice-round", pointer: "/round", "The fresh notice is round \(last.round + 1).")
            }
            if let resolved = current.objections.values.compactMap(\.resolved).max(), start <= resolved {
                context.fail("assistance.notice-before-resolution", pointer: "/noticeStartDate", "The fresh notice must start after the objection was resolved on \(resolved).")
            }
        } else {
            context.requireStep(current, in: [.preliminaryOpinion], next: .publicNotice)
        }
        // A notice counts calendar days or working days, as the locality does; each has its minimum.
        let days = payload["noticeDays"]?.numberValue?.intValue ?? 0
        let working = payload["dayCounting"]?.stringValue == "working"
        let minimum = working ? settings.publicNoticeWorkingDays : settings.publicNoticeDays
        if days < minimum {
            context.fail("assistance.notice-too-short", pointer: "/noticeDays",
                         "A notice counted in \(working ? "working" : "calendar") days runs at least \(minimum) of them; this one runs \(days).")
        }
    }

    /// Confirmation: the latest notice has run its days, every objection is resolved, no fresh notice is owed.
    func checkConfirmation(_ payload: JSONValue, _ current: ReliefCase, _ context: inout Context) {
        let day = context.date("confirmedDate")
        context.requireStep(current, in: [.publicNotice], next: .confirmed)
        guard current.step == .publicNotice, let notice = current.notices.last else { return }
        if let day, day <= notice.lastDay {
            context.fail("assistance.notice-still-running", pointer: "/confirmedDate",
                         "The notice (round \(notice.round)) runs to \(notice.lastDay); the case can be confirmed from \(notice.lastDay.adding(days: 1)).")
        }
        for objection in current.openObjections {
            context.fail("assistance.objection-unresolved", "Objection \(objection.number), raised \(objection.raised), is not resolved: re-investigate or hold a democratic review first.")
        }
        if current.needsFreshNotice {
            context.fail("assistance.fresh-notice-required", "An objection's resolution asked for a fresh notice; post it and let it run before confirming.")
        }
    }

    /// A refusal carries reasons, delivered in writing within the configured working days.
    func checkRefusal(_ payload: JSONValue, _ current: ReliefCase, _ context: inout Context) {
        let refused = context.date("refusedDate")
        let stage = payload["stage"]?.stringValue
        if stage == "preliminary" {
            if current.step != .preliminaryOpinion || current.opinionApproves != false {
                context.fail("assistance.refusal-without-refusing-opinion", pointer: "/stage", "A preliminary refusal follows a preliminary opinion that refuses; the case is at \"\(current.step)\".")
            }
        } else {
            context.requireStep(current, in: [.publicNotice], next: .refused, what: "A county review refusal follows the public notice")
        }
        if (payload["reasons"]?.arrayValue ?? []).isEmpty {
            context.fail("assistance.refusal-without-reasons", pointer: "/reasons", "A refusal must give its reasons in writing.")
        }
        if let refused, let delivered = context.date("noticeDeliveredDate") {
            let latest = settings.restDays.adding(workingDays: settings.refusalReasonWorkingDays, to: refused)
            if delivered < refused || delivered > latest {
                context.fail("assistance.refusal-notice-late", pointer: "/noticeDeliveredDate",
                             "The written reasons are delivered between \(refused) and \(latest) (\(settings.refusalReasonWorkingDays) working days); \(delivered) is outside.")
            }
        }
    }

    /// Payments: confirmed, from the month after confirmation, not suspended, not terminated, once a month.
    func checkPayment(_ payload: JSONValue, _ current: ReliefCase, _ context: inout Context) {
        context.date("paidDate")
        guard let month = payload["month"]?.stringValue.flatMap({ CalendarMonth($0) }) else {
            context.fail("assistance.payment-month", pointer: "/month", "month must be YYYY-MM.")
            return
        }
        if current.step == .terminated, let from = current.terminatedFrom, month >= from {
            context.fail("assistance.payment-after-termination", pointer: "/month", "The case was terminated from \(from); no payment for \(month).")
            return
        }
        // Urgent relief is paid first, once, before its paperwork is decided (先行救助).
        if current.step < .confirmed, current.urgentGranted != nil {
            if current.urgentPaid {
                context.fail("assistance.urgent-already-paid", "The urgent relief of this case was already paid; further payments wait for its confirmation.")
            }
            return
        }
        guard current.step == .confirmed || current.step == .terminated, let confirmed = current.confirmed else {
            context.fail("assistance.payment-before-confirmation", "Payments are only for confirmed cases; this case is at \"\(current.step)\".")
            return
        }
        let first = CalendarMonth(confirmed).next
        if month < first {
            context.fail("assistance.payment-before-first-month", pointer: "/month", "Payments start the month after confirmation (\(confirmed)): from \(first), not \(month).")
        }
        if let suspended = current.suspendedFrom, month >= suspended {
            context.fail("assistance.payment-while-suspended", pointer: "/month", "The case is suspended from \(suspended); resume it before paying \(month).")
        }
        if current.paidMonths.contains(month) {
            context.fail("assistance.month-already-paid", pointer: "/month", "\(month) was already paid for this case.")
        } else if current.paymentSchedule == "one-off", !current.paidMonths.isEmpty {
            context.fail("assistance.one-off-already-paid", "This case's relief is one-off and was already paid.")
        }
    }
}

/// What one check collects: the violations, with the record and the server's date at hand.
struct Context {
    let record: String
    let payload: JSONValue
    let today: CalendarDay
    let settings: CivilAffairsSettings
    var violations: [RuleViolation] = []

    mutating func fail(_ rule: String, pointer: String? = nil, _ message: String) {
        violations.append(RuleViolation(rule: rule, record: record, pointer: pointer, message: message))
    }

    /// The business date at `field`, judged against the server's date; nil (with a violation) when unusable.
    @discardableResult
    mutating func date(_ field: String) -> CalendarDay? {
        switch BusinessDate.read(field, of: payload, rule: "business-date", record: record) {
        case .failure(let violation):
            violations.append(violation)
            return nil
        case .success(let day):
            if let future = BusinessDate.notInFuture(day, field: field, today: today, settings: settings, record: record) { violations.append(future) }
            return day
        }
    }

    /// The case must be at one of `steps`; otherwise a violation naming what must come first.
    mutating func requireStep(_ current: ReliefCase, in steps: [ReliefStep], next: ReliefStep, what: String? = nil) {
        guard !steps.contains(current.step) else { return }
        let rule = current.step > (steps.max() ?? .notReceived) ? "assistance.step-already-passed" : "assistance.step-out-of-order"
        let needed = steps.first.map { $0 == .notReceived ? "nothing" : $0.eventType } ?? ""
        let lead = what.map { "\($0); " } ?? "\(next.eventType) comes after \(needed); "
        fail(rule, lead + "this case is at \"\(current.step)\".")
    }
}
