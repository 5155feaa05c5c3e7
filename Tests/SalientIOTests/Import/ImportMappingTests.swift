import Foundation
import SalientCore
import Testing

@testable import SalientIO

@Suite struct ImportMappingTests {
    static let fixtures = Paths.repository.appendingPathComponent("Tests/SalientCLITests/Fixtures")
    static func day(_ text: String) -> CalendarDay { CalendarDay(text)! }

    @Test(arguments: [(1, LocationPrecision.exact), (2, .near), (3, .region)])
    func acledGeoPrecision(code: Int, precision: LocationPrecision) {
        #expect(ACLEDMapping.locationPrecision(geoPrecision: code) == precision)
    }

    @Test func acledTimePrecisionCoversTheWeekOrMonth() {
        // 2024-08-15 was a Thursday: its Monday-to-Sunday week is 12 to 18 August.
        let written = Self.day("2024-08-15")
        #expect(ACLEDMapping.date(written: written, timePrecision: 1) == .day(written))
        #expect(
            ACLEDMapping.date(written: written, timePrecision: 2)
                == .interval(
                    start: Self.day("2024-08-12"),
                    end: Self.day("2024-08-18")))
        #expect(
            ACLEDMapping.date(written: Self.day("2024-02-15"), timePrecision: 3)
                == .interval(start: Self.day("2024-02-01"), end: Self.day("2024-02-29")))
        #expect(ACLEDMapping.date(written: written, timePrecision: 4) == nil)
        #expect(ACLEDMapping.locationPrecision(geoPrecision: 0) == nil)
    }

    @Test func acledDatesInBothForms() {
        #expect(CalendarDay.parsingACLED("2024-08-14") == Self.day("2024-08-14"))
        #expect(CalendarDay.parsingACLED("14 August 2024") == Self.day("2024-08-14"))
        #expect(CalendarDay.parsingACLED("4 Aug 2024") == Self.day("2024-08-04"))
        #expect(CalendarDay.parsingACLED("31 February 2024") == nil)
        #expect(CalendarDay.parsingACLED("14/08/2024") == nil)
    }

    @Test func everySubEventTypeHasAKind() {
        let expected: [String: EventKind] = [
            "Armed clash": .contested, "Government regains territory": .control,
            "Non-state actor overtakes territory": .control, "Air/drone strike": .strike,
            "Shelling/artillery/missile attack": .strike, "Peaceful protest": .statement,
        ]
        for (type, kind) in expected { #expect(ACLEDMapping.kind(subEventType: type) == kind) }
        #expect(ACLEDMapping.subEventKinds.count == 25)
        #expect(ACLEDMapping.kind(subEventType: "Made up") == nil)
    }

    @Test(arguments: [
        (1, LocationPrecision.exact), (2, .near), (3, .district), (4, .region), (5, .region),
        (6, .region), (7, .region),
    ])
    func ucdpWherePrecision(code: Int, precision: LocationPrecision) {
        #expect(UCDPMapping.locationPrecision(wherePrecision: code) == precision)
    }

    @Test func ucdpDatePrecision() {
        let start = Self.day("2024-08-05")
        let end = Self.day("2024-08-09")
        #expect(UCDPMapping.date(start: start, end: start, datePrecision: 1) == .day(start))
        #expect(UCDPMapping.date(start: start, end: end, datePrecision: 2) == .interval(start: start, end: end))
        #expect(UCDPMapping.date(start: start, end: end, datePrecision: 3) == .interval(start: start, end: end))
        #expect(
            UCDPMapping.date(start: start, end: end, datePrecision: 4)
                == .interval(start: Self.day("2024-08-01"), end: Self.day("2024-08-31")))
        #expect(
            UCDPMapping.date(start: start, end: end, datePrecision: 5)
                == .interval(start: Self.day("2024-01-01"), end: Self.day("2024-12-31")))
        #expect(UCDPMapping.date(start: start, end: end, datePrecision: 6) == nil)
        #expect(UCDPMapping.locationPrecision(wherePrecision: 8) == nil)
    }

    @Test func fixtureRowsMapEveryTypeAndCode() throws {
        let gazetteer = try GazetteerReader.read(folder: Self.fixtures.appendingPathComponent("gazetteer").path)
        let records = try ACLEDImport.read(
            path: Self.fixtures.appendingPathComponent("import/acled.csv").path,
            gazetteer: gazetteer)
        #expect(records.count == 25)
        #expect(Set(records.map(\.event.kind)) == Set(ACLEDMapping.subEventKinds.map(\.kind)))
        #expect(Set(records.map(\.event.locationPrecision)) == [.exact, .near, .region])
        // Alphaville is in North Land: matched; the row that puts it in South Land keeps its coordinates.
        #expect(records[0].event.placeID == "alphaville")
        #expect(records[3].event.placeID == nil)
        #expect(records[3].event.locationNote.contains("South Land"))
        #expect(records[2].event.placeID == nil)
        #expect(records[0].sources.map(\.outlet) == ["Wire One", "Paper Two"])
        #expect(records[0].event.note.hasPrefix("Synthetic note 0, with a comma;\n"))
        #expect(!records[0].event.summary.contains("Synthetic"))
        let ucdp = try UCDPImport.read(path: Self.fixtures.appendingPathComponent("import/ucdp.csv").path)
        #expect(Set(ucdp.map(\.event.locationPrecision)) == Set(LocationPrecision.allCases))
    }

    @Test func emittedStringsReadBackThroughYAML() throws {
        let hostile =
            "a \"quote\", a \\ backslash: # not a comment\n\t\u{1B}[31m\u{2028}é "
            + "'single' - [x] {y} &z *w !t |"
        let text = "value: \(YAMLEmitter.quoted(hostile))\n"
        let node = try #require(try YAMLComposer.root(of: text))
        #expect(node.mapping?.first(where: { $0.scalarKey == "value" })?.value.string == hostile)
    }
}
