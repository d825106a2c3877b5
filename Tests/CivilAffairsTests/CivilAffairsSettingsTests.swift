import Testing
@testable import CivilAffairs

@Suite struct CivilAffairsSettingsTests {
    @Test func defaultsAreDomainValues() {
        let settings = CivilAffairsSettings()
        #expect(settings.publicNoticeDays == 7)
        #expect(settings.minimumMarriageAgeMen == 22)
        #expect(settings.minimumMarriageAgeWomen == 20)
        #expect(settings.divorceCoolingOffDays == 30)
        #expect(settings.visitIntervalRedDays == 7)
        #expect(settings.urgentReliefTownshipCapFen == 50_000)
    }

    @Test func aFileOverridesWhatItNames() throws {
        let settings = try CivilAffairsSettings(json: Array("""
            {"publicNoticeDays": 5, "publicNoticeWorkingDays": 3,
             "restDays": {"holidays": ["2026-10-01"], "workingWeekends": ["2026-10-10"]}}
            """.utf8))
        #expect(settings.publicNoticeDays == 5)
        #expect(settings.publicNoticeWorkingDays == 3)
        #expect(settings.restDays.isRestDay(CalendarDay("2026-10-01")!))
        #expect(!settings.restDays.isRestDay(CalendarDay("2026-10-10")!))
        #expect(settings.divorceCoolingOffDays == 30)
    }

    @Test(arguments: [
        (#"{"publicNoticeDay": 5}"#, "publicNoticeDay"),
        (#"{"publicNoticeDays": -1}"#, "publicNoticeDays"),
        (#"{"publicNoticeDays": 2.5}"#, "publicNoticeDays"),
        (#"{"publicNoticeWorkingDays": true}"#, "publicNoticeWorkingDays"),
        (#"{"restDays": {"holidays": ["2026-02-30"]}}"#, "restDays.holidays"),
        (#"{"restDays": {"weekends": []}}"#, "restDays.weekends"),
    ])
    func aBadSettingIsNamed(_ text: String, _ key: String) {
        #expect { try CivilAffairsSettings(json: Array(text.utf8)) } throws: { ($0 as? SettingsError)?.key == key }
    }

    @Test func notJSONIsRefused() {
        #expect { try CivilAffairsSettings(json: Array("publicNoticeDays=5".utf8)) } throws: { ($0 as? SettingsError)?.key == nil }
    }
}
