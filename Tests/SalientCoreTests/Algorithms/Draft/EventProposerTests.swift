import Testing

@testable import SalientCore

@Suite struct EventProposerTests {
    static func events(_ text: String) throws -> [String] {
        try DraftFixtures.draft(text).events.map {
            "\($0.kind.rawValue) \($0.placeID) \($0.actor) \($0.date?.description ?? "?")"
        }
    }

    @Test(arguments: [
        ("Ukrainian troops captured Sudzha on Monday.", "control sudzha Ukraine 2024-08-12"),
        ("Ukrainian forces entered Korenevo on August 6.", "advance korenevo Ukraine 2024-08-06"),
        (
            "Russia said it had repelled Ukrainian attacks at Russkoye Porechnoye.",
            "repelled russkoye-porechnoye Russia 2024-08-14"
        ),
        ("Russian artillery shelled Glushkovo overnight.", "strike glushkovo Russia 2024-08-13/2024-08-14"),
        ("Residents were evacuated from Sudzha on Tuesday.", "evacuation sudzha unknown 2024-08-13"),
        ("An emergency was declared in Kursk last Saturday.", "emergency kursk-oblast unknown 2024-08-10"),
    ])
    func pairsAnActionWithAPlaceAndASide(_ text: String, _ expected: String) throws {
        #expect(try Self.events(text) == [expected])
    }

    @Test func noPlaceOrNoActionProposesNothing() throws {
        #expect(try Self.events("Russia has captured territory in eastern Ukraine.") == [])
        #expect(try Self.events("The mayor of Sudzha spoke to reporters.") == [])
    }
}
