import ArgumentParser
import Foundation
import SalientCore
import SalientIO

extension SalientCommand {
    struct Places: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List the gazetteer's places, or look names up in it.",
            discussion: """
                With no names, lists every place. With names, finds the place each refers to, \
                whatever its spelling (Sudža, Суджа, Suja → Sudzha), and suggests the nearest \
                names when nothing matches (exit code 2).

                Examples:
                  salient places
                  salient places Суджа "Russkoe Porechnoe" "Kursk region"
                """)

        @Argument(help: "Names to look up.")
        var names: [String] = []

        @Option(help: "The gazetteer folder.")
        var gazetteer = "gazetteer"

        @Option(help: "Only list places of this kind.")
        var kind: PlaceKind?

        func run() throws {
            let gazetteer = try GazetteerReader.read(folder: gazetteer)
            guard !names.isEmpty else {
                let listed = gazetteer.places.filter { kind == nil || $0.kind == kind }
                try Output.print(PlaceTable.render(listed) + "\n")
                return
            }
            var failures: [String] = []
            for name in names {
                switch gazetteer.match(name) {
                case .found(let place):
                    try Output.print("\(InputError.printable(name)) → \(place.id): \(PlaceTable.describe(place))\n")
                case .ambiguous(let places):
                    failures.append("'\(name)' is ambiguous: \(places.map(\.id).joined(separator: ", ")) — use an id")
                case .notFound(let suggestions):
                    let hint = suggestions.isEmpty ? "" : " — did you mean \(suggestions.joined(separator: " or "))?"
                    failures.append("unknown place '\(name)'\(hint)")
                }
            }
            // A name quoted back can hold a newline or a terminal escape: one line each, escaped.
            for failure in failures { Output.error("error: \(InputError.printable(failure))\n") }
            if !failures.isEmpty { throw ExitCode(2) }
        }
    }
}

enum PlaceTable {
    static func describe(_ place: Place) -> String {
        let position: String
        switch place.geometry {
        case .point(let p): position = String(format: "%.5f, %.5f", p.lon, p.lat)
        case .multiPolygon(let mp): position = "area, \(mp.polygons.count) polygon(s)"
        case .multiLineString(let ml): position = "line, \(ml.lines.count) part(s)"
        }
        let p = place.provenance
        return
            "\(place.name) (\(place.localName)), \(place.kind.rawValue)\(place.parent.isEmpty ? "" : " in \(place.parent)"), "
            + "\(position) ±\(Int(p.uncertaintyMeters)) m; source \(p.source) \(p.sourceID), \(p.licence)"
    }

    static func render(_ places: [Place]) -> String {
        let rows = places.map { [$0.id, $0.name, $0.kind.rawValue, $0.parent, $0.provenance.sourceID] }
        let header = ["id", "name", "kind", "parent", "source"]
        let widths = header.indices.map { column in ([header] + rows).map { $0[column].count }.max() ?? 0 }
        func line(_ cells: [String]) -> String {
            zip(cells, widths).map { $0.padding(toLength: $1, withPad: " ", startingAt: 0) }.joined(separator: "  ")
                .trimmingCharacters(in: .whitespaces)
        }
        return ([line(header)] + rows.map(line)).joined(separator: "\n") + "\n\(places.count) places"
    }
}
