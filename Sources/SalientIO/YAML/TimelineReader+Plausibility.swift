import Foundation
import SalientCore

/// The plausibility warnings: places far outside the territory, swapped coordinates, a source
/// published before its event.
extension TimelineReader.Context {
    func warnIfImplausible(
        _ place: Place, written: String, route: MatchRoute, at position: LonLat,
        fields: Fields
    ) throws {
        guard let territory else { return }
        let line = fields.line(of: "place")
        let field = fields.name("place")
        if route == .aliasOrLevelling, !place.country.isEmpty, !territory.countries.isEmpty,
            !territory.countries.contains(place.country)
        {
            log.warnings.append(
                InputWarning(
                    "'\(written)' matched \(place.id) (\(place.country)) only through an alias or a levelled spelling, "
                        + "outside the territory's country (\(territory.countries.sorted().joined(separator: ", ")))",
                    file: file, line: line, field: field,
                    hint: "write the id if this is the place meant, else add the right place to the gazetteer"))
        }
        // A region is named whole (drone strikes "over Nizhny Novgorod region"): no namesake of a
        // village, and never drawn, so its distance says nothing about a mistaken lookup.
        guard place.kind != .region, place.kind != .border else { return }
        let meters = try distanceOutside(territory, of: place, at: position)
        guard meters > reachMeters else { return }
        log.warnings.append(
            InputWarning(
                "'\(written)' (\(place.id)) lies \(String(format: "%.1f", meters / 1000)) km outside the estimate's "
                    + "territory, more than plausible_distance_km (\(formatNumber(reachMeters / 1000)))",
                file: file, line: line, field: field,
                hint: "check that this is the place meant, or raise estimate.plausible_distance_km"))
    }

    /// How far `place` (drawn at `position`) lies outside `territory`; 0 for an area that touches it.
    private func distanceOutside(_ territory: Territory, of place: Place, at position: LonLat) throws -> Double {
        let measured = ObjectIdentifier(territory)
        if log.distancesOutside?.territory != measured { log.distancesOutside = (measured, [:]) }
        if let known = log.distancesOutside?.meters[place.id] { return known }
        var touches = false
        if case .multiPolygon(let area) = place.geometry { touches = try territory.touches(area) }
        let meters = touches ? 0 : try territory.distanceMeters(from: position)
        log.distancesOutside?.meters[place.id] = meters
        return meters
    }

    /// Coordinates in no gazetteer area that would fall inside one as [lat, lon]: pasted in the
    /// order maps show, not the [lon, lat] of GeoJSON.
    func warnIfSwapped(_ position: LonLat, fields: Fields) throws {
        guard abs(position.lon) <= 90 else { return }
        if log.allAreas == nil {
            let areas = gazetteer.places.filter {
                if case .multiPolygon = $0.geometry { return true } else { return false }
            }
            log.allAreas = (try Territory(places: areas), areas.map(\.id))
        }
        guard let (areas, ids) = log.allAreas, !ids.isEmpty, try areas.area(containing: position) == nil,
            let swapped = try areas.area(containing: LonLat(lon: position.lat, lat: position.lon))
        else { return }
        log.warnings.append(
            InputWarning(
                "the coordinates [\(formatNumber(position.lon)), \(formatNumber(position.lat))] fall in no gazetteer "
                    + "area, but swapped they fall in \(ids[swapped])", file: file,
                line: fields.line(of: "coordinates"),
                field: fields.name("coordinates"), hint: "coordinates are written [lon, lat], longitude first"))
    }

    /// A source that appeared, at the latest, before the event's first possible day.
    func warnIfPublishedBefore(_ date: EventDate, sourceIDs: [String], fields: Fields) {
        for id in sourceIDs {
            guard let source = sourcesByID[id], source.published.end < date.start else { continue }
            log.warnings.append(
                InputWarning(
                    "source '\(id)' was published \(describe(source.published)), "
                        + "before the event's start on \(date.start)",
                    file: file, line: fields.line(of: "sources"), field: fields.name("sources"),
                    hint: "check the event's date and the source's published date"))
        }
    }

    func describe(_ date: EventDate) -> String {
        switch date {
        case .day(let day): return "on \(day)"
        case .interval(let start, let end): return "between \(start) and \(end)"
        }
    }
}
