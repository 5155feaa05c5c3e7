import Foundation
import SalientCore

/// Resolving a written name to a gazetteer place, in the timeline's context.
extension TimelineReader.Context {
    func resolve(_ name: String, fields: Fields, key: String, kinds: Set<PlaceKind>?) throws -> String {
        gazetteer.places[try resolveRouted(name, parent: "", fields: fields, key: key, kinds: kinds).place].id
    }

    /// `resolve`, in the timeline's context (its territory, the parent named), saying how the
    /// name reached the place.
    func resolveRouted(
        _ name: String, parent: String, fields: Fields, key: String,
        kinds: Set<PlaceKind>?
    ) throws -> (place: Int, route: MatchRoute) {
        let line = fields.line(of: key)
        let length = name.unicodeScalars.count
        guard length <= Limits.nameCharacters else {
            throw InputError(
                "a place name of \(length) characters is longer than Salient accepts "
                    + "(\(Limits.nameCharacters))", file: file, line: line, field: fields.name(key),
                hint: "name the place by its id or a shorter name")
        }
        let parentLine = parent.isEmpty ? line : fields.line(of: "parent")
        switch try resolved.resolution(
            of: name, parent: parent, territory: territory, reachMeters: reachMeters, in: gazetteer)
        {
        case .found(let index, let route):
            let kind = gazetteer.places[index].kind
            if let kinds, !kinds.contains(kind) {
                throw InputError(
                    "'\(name)' is a \(kind.rawValue), not a \(kinds.map(\.rawValue).sorted().joined(separator: " or "))",
                    file: file, line: line, field: fields.name(key))
            }
            return (index, route)
        case .failed(.found(let place, _)):
            preconditionFailure("\(place.id) was found in the gazetteer but has no index there")
        case .failed(.ambiguous(let candidates)):
            let listed = candidates.prefix(5).map { candidate in
                let place = candidate.place
                let whereabouts =
                    candidate.distanceMeters.map {
                        $0 == 0
                            ? ", inside the territory" : String(format: ", %.1f km from the territory", $0 / 1000)
                    } ?? ""
                let parent = place.parent.isEmpty ? "" : " in \(place.parent)"
                return "\(place.id) (\(place.kind.rawValue)\(parent)\(whereabouts))"
            }
            let more = candidates.count > 5 ? " and \(candidates.count - 5) more" : ""
            // A parent helps only where the namesakes' parents differ.
            let parents = Set(candidates.map(\.place.parent))
            let first = candidates.first?.place.parent ?? ""
            let onEvent = key == "place" && parent.isEmpty ? " or with parent: on the event" : ""
            let byParent =
                parents.count > 1 && !first.isEmpty
                ? ", or name its parent as in '\(name) (\(first))'\(onEvent)" : ""
            throw InputError(
                "ambiguous place '\(name)': \(listed.joined(separator: ", "))\(more)",
                file: file, line: line,
                field: fields.name(key), hint: "write the id of the place you mean" + byParent)
        case .failed(.notInParent(let parentName, let candidates)):
            let listed = candidates.prefix(5).map {
                "\($0.id) (\($0.parent.isEmpty ? "no parent" : "in \($0.parent)"))"
            }
            let more = candidates.count > 5 ? " and \(candidates.count - 5) more" : ""
            throw InputError(
                "no place '\(name)' lies in '\(parentName)'", file: file, line: parentLine,
                field: fields.name(parent.isEmpty ? key : "parent"),
                hint: "places of that name: \(listed.joined(separator: ", "))\(more)")
        case .failed(.notFound(let suggestions)):
            throw InputError(
                "unknown place '\(name)'", file: file, line: line, field: fields.name(key),
                hint: didYouMean(suggestions) ?? "add it to the gazetteer or give coordinates")
        }
    }
}

/// The names a timeline has resolved, with their places: a long timeline names the same
/// places in thousands of events, and each name is resolved once. Only found places are
/// kept, for the territory and reach they were found with; a name that fails stops the read.
final class ResolvedNames {
    private struct Key: Hashable {
        var name: String
        var parent: String
    }

    /// What a name resolved to: a place, by its index in the gazetteer (an index, so that no
    /// place is copied out of the cache for every event that names it), or why not.
    enum Outcome {
        case found(place: Int, route: MatchRoute)
        case failed(Resolution)
    }

    private var found: [Key: (place: Int, route: MatchRoute)] = [:]
    private var context: (territory: ObjectIdentifier?, reachMeters: Double)?

    func resolution(
        of name: String, parent: String, territory: Territory?, reachMeters: Double, in gazetteer: Gazetteer
    ) throws -> Outcome {
        let current = (territory.map(ObjectIdentifier.init), reachMeters)
        if context.map({ $0.territory != current.0 || $0.reachMeters != current.1 }) ?? true {
            found = [:]
            context = current
        }
        let key = Key(name: name, parent: parent)
        if let known = found[key] { return .found(place: known.place, route: known.route) }
        let resolution = try gazetteer.resolve(name, parent: parent, territory: territory, reachMeters: reachMeters)
        guard case .found(let place, let route) = resolution, let index = gazetteer.index(ofPlace: place.id) else {
            return .failed(resolution)
        }
        found[key] = (index, route)
        return .found(place: index, route: route)
    }
}
