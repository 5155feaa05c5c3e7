import Foundation
import Testing

@Suite struct CommandLineTests {
    @Test func helpListsTheSubcommandsAndExitCodes() throws {
        let result = try SalientProcess.run(["--help"])
        #expect(result.status == 0)
        for text in ["export", "places", "Exit codes: 0 success; 1 a failure that is not the input's"] {
            #expect(result.stdout.contains(text), "help lacks \(text)")
        }
    }

    @Test(arguments: ["export", "places"])
    func subcommandHelpHasAnExample(_ subcommand: String) throws {
        let result = try SalientProcess.run([subcommand, "--help"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("salient \(subcommand)"))
        #expect(result.stdout.contains("Example"))
    }

    @Test func exportReportsWhatItWrote() throws {
        let out = try SalientProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: out) }
        let result = try SalientProcess.run(["export", ExportTests.fixtureTimeline, "--out", out.path])
        #expect(result.status == 0)
        #expect(
            result.stdout == """
                wrote \(out.path)/events.geojson and \(out.path)/control.geojson
                as of 2024-08-12: controlled 74.2 km², contested 3202.0 km²

                """)
        let quiet = try SalientProcess.run(["export", ExportTests.fixtureTimeline, "--out", out.path, "--quiet"])
        #expect(quiet.status == 0 && quiet.stdout.isEmpty && quiet.stderr.isEmpty)
    }
}

@Suite struct PlacesCommandTests {
    static let gazetteer = SalientProcess.fixtures.appendingPathComponent("gazetteer").path

    @Test func looksUpAnySpelling() throws {
        let result = try SalientProcess.run([
            "places", "--gazetteer", Self.gazetteer, "Альфавиль", "brávo", "North region",
        ])
        #expect(result.status == 0)
        let ids = result.stdout.split(separator: "\n").map { $0.split(separator: ":")[0] }
        #expect(ids == ["Альфавиль → alphaville", "brávo → bravo", "North region → north-land"])
    }

    @Test func missSuggestsAndExitsWithTwo() throws {
        let result = try SalientProcess.run(["places", "--gazetteer", Self.gazetteer, "Bravvo", "Delta"])
        #expect(result.status == 2)
        #expect(
            result.stderr == """
                error: unknown place 'Bravvo' — did you mean Bravo?
                error: 'Delta' is ambiguous: delta-north, delta-east — use an id

                """)
    }

    @Test func listsPlacesOfAKind() throws {
        let result = try SalientProcess.run(["places", "--gazetteer", Self.gazetteer, "--kind", "village"])
        #expect(result.status == 0)
        #expect(result.stdout.hasSuffix("3 places\n"))
        #expect(result.stdout.contains("bravo"))
        #expect(!result.stdout.contains("alphaville"))
    }

    @Test func theRealGazetteerAnswersToTheSeedArticlesSpellings() throws {
        let names = [
            "Sudzha", "Suja", "Sudža", "Суджа", "Russkoye Porechnoye", "Russkoe Porechnoe", "Porechnoe",
            "Belgorod", "Kursk NPP", "Kursk nuclear power plant", "Kursk", "Kurchatov", "Belaya",
            "Belovsky district", "Krasnaya Yaruga", "Krasnoyaruzhsky district", "Voronezh", "Nizhny Novgorod",
            "Sumy", "Kursk region", "Belgorod region", "Sumy region", "Russia-Ukraine border",
        ]
        let result = try SalientProcess.run(["places"] + names)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.split(separator: "\n").count == names.count)
    }
}
