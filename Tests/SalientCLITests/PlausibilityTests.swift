import Foundation
import Testing

/// Namesakes resolved by context or refused with their candidates, the plausibility warnings with
/// their exact lines, and --strict refusing each with exit 2 and nothing written
/// (Fixtures/plausibility/).
@Suite struct PlausibilityTests {
    static let folder = "Tests/SalientCLITests/Fixtures/plausibility"

    @Test func namesakesResolveByParentAndTerritory() throws {
        let out = try SalientProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: out) }
        let result = try SalientProcess.run(["export", "\(Self.folder)/namesakes.yaml", "--strict", "--out", out.path])
        #expect(result.status == 0)
        #expect(result.stderr == "")
        let events = try String(contentsOf: out.appendingPathComponent("events.geojson"), encoding: .utf8)
        for (event, place) in [
            ("held", "petrovka-home"), ("by-parent-syntax", "ivanovka-sudzha"),
            ("by-parent-field", "ivanovka-glushkovo"), ("nearest", "nikolskoye-near"),
            ("cyrillic", "oleshnya-ua"),
        ] {
            let feature = try #require(events.split(separator: "\n").first { $0.contains("\"id\": \"\(event)\"") })
            #expect(feature.contains("\"place_id\": \"\(place)\""))
        }
    }

    @Test(arguments: [
        (
            "ambiguous",
            "error: ambiguous place 'Ivanovka': ivanovka-glushkovo (village in glushkovsky-district, inside the "
                + "territory), ivanovka-sudzha (village in sudzhansky-district, inside the territory), ivanovka-far (village, "
                + "671.2 km from the territory) (\(folder)/ambiguous.yaml:39, field events[1].place) — write the id of the place "
                + "you mean, or name its parent as in 'Ivanovka (glushkovsky-district)' or with parent: on the event"
        ),
        (
            "not-in-parent",
            "error: no place 'Ivanovka' lies in 'Neighbour Oblast' (\(folder)/not-in-parent.yaml:40, field "
                + "events[1].parent) — places of that name: ivanovka-sudzha (in sudzhansky-district), ivanovka-glushkovo (in "
                + "glushkovsky-district), ivanovka-far (no parent)"
        ),
    ])
    func namesakesStillAmbiguousAreRefused(name: String, message: String) throws {
        let out = try SalientProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: out) }
        let result = try SalientProcess.run(["export", "\(Self.folder)/\(name).yaml", "--out", out.path])
        #expect(result.status == 2)
        #expect(result.stderr == message + "\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.path).isEmpty)
    }

    static let warnings: [(String, String)] = [
        (
            "far",
            "'Dalnee' (dalnee) lies 661.4 km outside the estimate's territory, more than plausible_distance_km (50) "
                + "(\(folder)/far.yaml:39, field events[1].place) — check that this is the place meant, or raise "
                + "estimate.plausible_distance_km"
        ),
        (
            "alias-abroad",
            "'Oleshnia' matched oleshnya-ua (UA) only through an alias or a levelled spelling, outside the "
                + "territory's country (RU) (\(folder)/alias-abroad.yaml:39, field events[1].place) — write the id if this is "
                + "the place meant, else add the right place to the gazetteer"
        ),
        (
            "levelled-abroad",
            "'Oleschnja' matched oleshnya-ua (UA) only through an alias or a levelled spelling, outside "
                + "the territory's country (RU) (\(folder)/levelled-abroad.yaml:39, field events[1].place) — write the id if "
                + "this is the place meant, else add the right place to the gazetteer"
        ),
        (
            "swapped",
            "the coordinates [51, 36] fall in no gazetteer area, but swapped they fall in home-oblast "
                + "(\(folder)/swapped.yaml:39, field events[1].coordinates) — coordinates are written [lon, lat], longitude first"
        ),
        (
            "published-before",
            "source 'early' was published on 2024-08-10, before the event's start on 2024-08-14 "
                + "(\(folder)/published-before.yaml:40, field events[1].sources) — check the event's date and the source's "
                + "published date"
        ),
    ]

    @Test(arguments: warnings)
    func eachWarningIsOneLineAndTheRunGoesOn(name: String, message: String) throws {
        let out = try SalientProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: out) }
        let result = try SalientProcess.run(["export", "\(Self.folder)/\(name).yaml", "--quiet", "--out", out.path])
        #expect(result.status == 0)
        #expect(result.stderr == "warning: \(message)\n")
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("control.geojson").path))
    }

    @Test(arguments: warnings)
    func strictRefusesEachWarningAndWritesNothing(name: String, message: String) throws {
        for command in [["export"], ["snapshots"], ["check"]] {
            let out = try SalientProcess.temporaryFolder()
            defer { try? FileManager.default.removeItem(at: out) }
            let outArguments =
                command == ["check"]
                ? ["--geojson", out.appendingPathComponent("m.geojson").path]
                : ["--out", out.path]
            let result = try SalientProcess.run(command + ["\(Self.folder)/\(name).yaml", "--strict"] + outArguments)
            #expect(result.status == 2, "\(command)")
            #expect(result.stderr == "error: \(message)\n", "\(command)")
            #expect(result.stdout == "")
            #expect(try FileManager.default.contentsOfDirectory(atPath: out.path).isEmpty, "\(command)")
        }
    }

    @Test func theDistanceIsATimelineParameter() throws {
        let out = try SalientProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: out) }
        let result = try SalientProcess.run([
            "export", "\(Self.folder)/far-allowed.yaml", "--strict", "--quiet", "--out", out.path,
        ])
        #expect(result.status == 0)
        #expect(result.stderr == "")
    }

    @Test func bundledKurskTimelineRaisesNoWarning() throws {
        let result = try SalientProcess.run(["check", "timelines/kursk-2024.yaml", "--strict", "--format", "csv"])
        #expect(result.status == 0)
        #expect(result.stderr == "")
    }
}
