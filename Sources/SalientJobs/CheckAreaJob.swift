import Foundation
import SalientCore
import SalientIO

/// `salient check-area`: the geodesic area of each polygon of a file from elsewhere against
/// the area a property of the feature claims.
public enum CheckAreaJob {
    public struct Options: Sendable {
        public var claimedField: String
        /// The property naming each feature in the report; nil: `id`, else `name`, else "feature N".
        public var idField: String?
        /// The unit of claimed figures that print none.
        public var unit: ClaimUnit
        public var toleranceFraction: Double
        /// Repair invalid polygons with GEOSMakeValid (and say so) instead of refusing the file.
        public var repair: Bool
        /// How to ask for that repair, in the caller's words (the command line names its flag).
        public var repairHint: String

        public init(
            claimedField: String, idField: String? = nil, unit: ClaimUnit = .squareKilometers,
            toleranceFraction: Double = ClaimChecker.relativeTolerance, repair: Bool = false,
            repairHint: String = "ask for a repair with GEOSMakeValid"
        ) {
            self.claimedField = claimedField
            self.idField = idField
            self.unit = unit
            self.toleranceFraction = toleranceFraction
            self.repair = repair
            self.repairHint = repairHint
        }
    }

    public static func run(path: String, options: Options) throws -> [AreaCheck] {
        let features = try PolygonFileReader.read(
            path: path, repair: options.repair,
            repairHint: options.repairHint)
        guard features.contains(where: { $0.property(options.claimedField) != nil }) else {
            let keys = Set(features.flatMap { $0.properties.map(\.key) }).sorted()
            // The reader drops null properties, as GDAL does, so this is said of missing and null alike.
            throw InputError(
                "'\(options.claimedField)' is missing or null in every feature",
                file: path, field: options.claimedField,
                hint: keys.isEmpty
                    ? "the features carry no properties"
                    : didYouMean(closest(options.claimedField, among: keys))
                        ?? "the properties are \(keys.joined(separator: ", "))")
        }
        if let idField = options.idField, !features.contains(where: { $0.property(idField) != nil }) {
            throw InputError("no feature has a property '\(idField)'", file: path, field: idField)
        }
        let checker = try AreaChecker(geodesic: try Geodesic.wgs84(), toleranceFraction: options.toleranceFraction)
        return try features.map { feature in
            let field = "features[\(feature.index)].properties.\(options.claimedField)"
            var written = ""
            var figure: ClaimedFigure?
            var unit = options.unit
            switch feature.property(options.claimedField) {
            case .number(let value)?:
                written = JSONValue.format(value, decimals: 6)
                figure = ClaimedFigure(value: .single(value), unit: nil, hedge: .exact)
            case .text(let text)?:
                written = text
                do {
                    figure = try FigureParser.parse(text)
                } catch {
                    throw InputError(
                        "the claimed area '\(text)' holds no number", file: path, line: feature.line, field: field,
                        hint: "write a figure such as 812.5, \"about 800 km²\" or \"310 sq mi\"")
                }
                if let parsed = figure {
                    if let own = parsed.unit {
                        guard own.canonical == .squareKilometers else {
                            throw InputError(
                                "the claimed area '\(text)' is in \(own.rawValue), not an area unit", file: path,
                                line: feature.line, field: field,
                                hint: "use km², sq km, square kilometres or square miles")
                        }
                        unit = own
                    } else if !parsed.followingWord.isEmpty {
                        throw InputError(
                            "unknown unit '\(parsed.followingWord)' in the claimed area '\(text)'", file: path,
                            line: feature.line, field: field,
                            hint: "use km², sq km, square kilometres or square miles")
                    }
                }
            case .other(let text)?:
                throw InputError(
                    "the claimed area is \(text), not a number", file: path, line: feature.line, field: field)
            case nil:
                break
            }
            let label: String
            if let idField = options.idField {
                label = feature.property(idField).map(text) ?? "feature \(feature.index)"
            } else {
                label = (feature.property("id") ?? feature.property("name")).map(text) ?? "feature \(feature.index)"
            }
            return try checker.check(
                index: feature.index, label: label, geometryType: feature.geometryType,
                geometry: feature.geometry, claimedAsWritten: written, figure: figure, unit: unit,
                repair: feature.repair)
        }
    }

    private static func text(_ value: PropertyValue) -> String {
        switch value {
        case .number(let n): return JSONValue.format(n, decimals: 6)
        case .text(let t), .other(let t): return t
        }
    }

    // MARK: - Output

    public static func render(_ checks: [AreaCheck], file: String, as format: CheckFormat) -> String {
        let header = [
            "feature", "label", "geometry", "claimed (as written)", "claimed (SI)", "measured", "ratio", "verdict",
            "reason",
            "tolerance", "repair",
        ]
        let rows: [[String]] = checks.map { check in
            [
                String(check.index), check.label, check.geometryType,
                check.claimedAsWritten.isEmpty ? "—" : check.claimedAsWritten,
                check.claimedText,
                check.areaSquareKilometers.map { QuantityFormat.measured($0, .squareKilometers) } ?? "—",
                QuantityFormat.ratio(check.ratio), check.verdict.rawValue, check.reason,
                check.tolerance.isEmpty ? "—" : check.tolerance,
                check.repair ?? "",
            ]
        }
        let counts = Verdict.allCases.map { v in "\(checks.filter { $0.verdict == v }.count) \(v.rawValue)" }.joined(
            separator: ", ")
        let summary = "\(checks.count) feature\(checks.count == 1 ? "" : "s"): \(counts)"
        switch format {
        case .table:
            var details: [[(String, String)]] = [[]]
            for check in checks {
                var lines = [("claimed", check.claimedText), ("why", check.reason)]
                if !check.tolerance.isEmpty { lines.append(("tolerance", check.tolerance)) }
                if let repair = check.repair { lines.append(("repaired", repair)) }
                details.append(lines)
            }
            let short =
                [["feature", "label", "claimed", "measured", "ratio", "verdict"]]
                + rows.map { [$0[0], $0[1], $0[3], $0[5], $0[6], $0[7]] }
            return "Areas in \(file) against their own claims\n\n"
                + CheckReportFormat.aligned(short, details: details, rightAligned: [0, 3, 4]) + summary + "\n"
        case .markdown:
            var out =
                "## Areas in \(file)\n\n| " + header.joined(separator: " | ") + " |\n|"
                + header.map { _ in "---|" }.joined() + "\n"
            for row in rows {
                out +=
                    "| " + row.map { $0.replacingOccurrences(of: "|", with: "\\|") }.joined(separator: " | ") + " |\n"
            }
            return out + "\n" + summary + "\n"
        case .csv:
            func field(_ text: String) -> String {
                text.contains(where: { ",\"\r\n".contains($0) })
                    ? "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : text
            }
            let csvHeader = [
                "feature", "label", "geometry", "claimed_as_written", "claimed_si", "claimed_low", "claimed_high",
                "area_km2", "ratio", "verdict", "reason", "tolerance", "repair",
            ]
            func number(_ v: Double?) -> String {
                v.flatMap { $0.isFinite ? JSONValue.format($0, decimals: 3) : nil } ?? ""
            }
            let body = checks.map { c in
                [
                    String(c.index), c.label, c.geometryType, c.claimedAsWritten, c.claimedText, number(c.claimed?.low),
                    number(c.claimed?.high), number(c.areaSquareKilometers), number(c.ratio), c.verdict.rawValue,
                    c.reason, c.tolerance,
                    c.repair ?? "",
                ]
            }
            return ([csvHeader] + body).map { $0.map(field).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
        case .json:
            func number(_ v: Double?) -> JSONValue {
                v.flatMap { $0.isFinite ? .number($0, decimals: 3) : nil } ?? .null
            }
            let items = checks.map { c -> String in
                JSONValue.object([
                    ("feature", .integer(c.index)), ("label", .string(c.label)), ("geometry", .string(c.geometryType)),
                    ("claimed_as_written", .string(c.claimedAsWritten)), ("claimed_si", .string(c.claimedText)),
                    ("claimed_low", number(c.claimed?.low)), ("claimed_high", number(c.claimed?.high)),
                    ("area_km2", number(c.areaSquareKilometers)), ("ratio", number(c.ratio)),
                    ("verdict", .string(c.verdict.rawValue)),
                    ("reason", .string(c.reason)), ("tolerance", .string(c.tolerance)),
                    ("repair", c.repair.map(JSONValue.string) ?? .null),
                ]).serialized
            }
            return "{\n\"file\": \(JSONValue.string(file).serialized),\n\"features\": "
                + (items.isEmpty ? "[]" : "[\n" + items.map { "  " + $0 }.joined(separator: ",\n") + "\n]")
                + ",\n\"summary\": \(JSONValue.string(summary).serialized)\n}\n"
        }
    }
}
