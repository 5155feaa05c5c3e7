import Foundation
import SalientCore

/// The day a map file gives for itself, for a timeline that names none (`as_of`):
///   a `date`, `as_of` or `as_of_date` property its areal features share (`YYYY-MM-DD`, or the
///     start of an ISO date-time);
///   else a date in the file's name (`deepstatemap_data_20240815.geojson`, `isw-2024-08-15.geojson`);
///   else a name that is a Unix time (DeepState's raw snapshots, `1723680000.geojson`), read as
///     the day it falls on in the timeline's time zone.
enum MapDate {
    static let properties = ["date", "as_of", "as_of_date"]

    static func of(path: String, features: [PolygonFeature], timeZone: String) throws -> CalendarDay? {
        var stated: [(day: CalendarDay, feature: PolygonFeature)] = []
        for feature in features {
            guard case .text(let text)? = properties.lazy.compactMap(feature.property).first else { continue }
            guard let day = CalendarDay(String(text.prefix(10))) else {
                throw InputError(
                    "the map's date '\(text)' is not a day", file: path, line: feature.line,
                    field: "features[\(feature.index)].properties", hint: "write it as YYYY-MM-DD")
            }
            stated.append((day, feature))
        }
        if let first = stated.first {
            if let other = stated.first(where: { $0.day != first.day }) {
                throw InputError(
                    "the map's features are of different days, \(first.day) and \(other.day)", file: path,
                    line: other.feature.line, field: "features[\(other.feature.index)].properties",
                    hint: "split the file into one map a day, or give the map's as_of in the timeline")
            }
            return first.day
        }
        let stem = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
        if stem.count == 10, stem.allSatisfy(\.isNumber), let seconds = Double(stem),
            let zone = TimeZone(identifier: timeZone)
        {
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = zone
            let parts = calendar.dateComponents([.year, .month, .day], from: Date(timeIntervalSince1970: seconds))
            if let year = parts.year, let month = parts.month, let day = parts.day {
                return CalendarDay(String(format: "%04d-%02d-%02d", year, month, day))
            }
        }
        if let match = stem.range(of: #"(19|20)\d\d-?[01]\d-?[0-3]\d"#, options: .regularExpression) {
            let digits = stem[match].filter(\.isNumber)
            let text = "\(digits.prefix(4))-\(digits.dropFirst(4).prefix(2))-\(digits.suffix(2))"
            if let day = CalendarDay(text) { return day }
        }
        return nil
    }
}
