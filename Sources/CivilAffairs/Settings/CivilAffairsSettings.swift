/// Every number that differs by locality, with DOMAIN.md's value as the default.
///
/// A locality overrides any of them in a JSON file (`--domain-config`); keys left out keep their
/// defaults, unknown keys are refused so that a misspelt setting is not silently ignored.
public struct CivilAffairsSettings: Sendable, Equatable {
    // Social assistance (社会救助)
    /// Calendar days a public notice (公示) runs before confirmation, when it counts calendar days.
    public var publicNoticeDays = 7
    /// Working days it runs when it counts working days (some places: 5 working days).
    public var publicNoticeWorkingDays = 5
    /// Working days within which a refusal's written reasons must be given.
    public var refusalReasonWorkingDays = 3
    /// Working days from application to decision (local values 15–40).
    public var decisionWorkingDays = 30
    /// Most a township may approve for one urgent temporary relief case, in fen (500 yuan).
    public var urgentReliefTownshipCapFen = 50_000
    /// Months between re-checks of stable households and of irregular-income households.
    public var recheckMonthsStable = 12
    public var recheckMonthsIrregularIncome = 6

    // Home visits (探访关爱): the longest allowed gap between visits, per warning colour.
    public var visitIntervalRedDays = 7
    public var visitIntervalOrangeMonths = 1
    public var visitIntervalYellowMonths = 3
    /// Hours within which a red household is visited after a major change.
    public var redMajorChangeVisitHours = 24

    // Social-work projects (政府购买社会工作服务)
    /// Months before the contract's end by which the final evaluation is due.
    public var finalEvaluationMonthsBeforeEnd = 1

    // Marriage and divorce (婚姻登记)
    public var minimumMarriageAgeMen = 22
    public var minimumMarriageAgeWomen = 20
    public var divorceCoolingOffDays = 30
    public var divorceRegistrationDays = 30

    // Rescue (流浪乞讨人员救助)
    /// Months after which a still unidentified person is settled with household registration.
    public var unidentifiedSettlementMonths = 3

    // Elderly care
    /// Working days within which an institution files (备案) after taking residents.
    public var institutionFilingWorkingDays = 10
    /// Most one household's age-friendly renovation is subsidised, in fen (3,000 yuan).
    public var renovationSubsidyCapFen = 300_000

    // The work plan's targets for the year (DOMAIN.md's table)
    public var targetRenovations = 400
    public var targetDementiaBeds = 100
    public var targetBrands = 10
    public var targetFineServiceProjects = 100
    public var targetGridOrganizations = 1000

    // Rules in general
    /// How far ahead of the server's clock a business date may be (a day, for time zones and late clerks).
    public var businessDateLeewayDays = 1
    /// Rest days, for deadlines that move to the next working day.
    public var restDays = RestDayCalendar.weekendsOnly

    public init() {}
}
