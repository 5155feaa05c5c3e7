import Foundation
import SalientCore

/// How `salient check` prints its report.
public enum CheckFormat: String, CaseIterable, Sendable {
    /// Aligned columns for a terminal, each row followed by its details.
    case table
    case json
    case csv
    case markdown
}

/// Renders a check report. Every format lists the same rows in the same order; numbers are
/// printed with fixed decimals, so the same report always gives the same bytes.
public enum CheckReportFormat {
    public static func render(_ report: CheckReport, as format: CheckFormat) -> String {
        switch format {
        case .table: return table(report)
        case .json: return json(report)
        case .csv: return csv(report)
        case .markdown: return markdown(report)
        }
    }

    // MARK: - Cells shared by every format

    static func who(_ check: ClaimCheck) -> String {
        check.claim.stated == check.claim.asOf
            ? check.claim.claimant : "\(check.claim.claimant) (stated \(check.claim.stated))"
    }

    static func claimedShort(_ check: ClaimCheck) -> String {
        QuantityFormat.claimed(check.claimed, hedge: check.claim.hedge, unit: check.claim.unit.canonical)
    }

    static func measuredShort(_ check: ClaimCheck) -> String {
        guard let m = check.measured else { return "—" }
        return QuantityFormat.measuredRange(m.low, m.high, m.unit)
    }

    /// What was measured, with the evidence's own bounds.
    static func measuredLong(_ check: ClaimCheck) -> String {
        guard let m = check.measured else { return "—" }
        var parts = ["\(QuantityFormat.measuredRange(m.low, m.high, m.unit)): \(m.text)"]
        if let lower = check.lowerBound {
            parts.append("at least \(QuantityFormat.measured(lower.value, m.unit)): \(lower.text)")
        }
        if let upper = check.upperBound {
            parts.append("at most \(QuantityFormat.measured(upper.value, m.unit)): \(upper.text)")
        }
        return parts.joined(separator: "; ")
    }

    static func crossCheckName(_ check: CrossCheck) -> String {
        "\(check.kind.rawValue): \(check.claimIDs.joined(separator: " + "))"
    }

    static func summary(_ report: CheckReport) -> String {
        func counts(_ verdicts: [Verdict]) -> String {
            Verdict.allCases.map { verdict in "\(verdicts.filter { $0 == verdict }.count) \(verdict.rawValue)" }.joined(
                separator: ", ")
        }
        var text =
            "\(report.checks.count) claim\(report.checks.count == 1 ? "" : "s"): \(counts(report.checks.map(\.verdict)))"
        if !report.crossChecks.isEmpty {
            text +=
                "; \(report.crossChecks.count) cross-check\(report.crossChecks.count == 1 ? "" : "s"): "
                + counts(report.crossChecks.map(\.verdict))
        }
        if !report.maps.isEmpty {
            let verdicts = report.checks.flatMap(\.mapVerdicts)
            text += "; \(verdicts.count) map verdict\(verdicts.count == 1 ? "" : "s"): " + counts(verdicts)
        }
        return text
    }

    // MARK: - Table

    static let detailWidth = 110

    static func table(_ report: CheckReport) -> String {
        var out = "Claims in \(report.timelineID), each measured on the day it holds for (as of)\n\n"
        // The map column appears only when the timeline names maps from elsewhere.
        let hasMaps = !report.maps.isEmpty
        var rows = [
            ["claim", "as of", "claimed (SI)", "measured", "width", "ratio", "verdict"]
                + (hasMaps ? ["map", "map verdict"] : [])
        ]
        var details: [[(String, String)]] = [[]]
        for check in report.checks {
            let map = check.map.map {
                [QuantityFormat.measured($0.areaSquareKilometers, .squareKilometers), $0.verdict.rawValue]
            }
            rows.append(
                [
                    check.claim.id, check.claim.asOf.description, claimedShort(check), measuredShort(check),
                    QuantityFormat.width(check.measured?.width), QuantityFormat.ratio(check.ratio),
                    check.verdict.rawValue,
                ] + (hasMaps ? map ?? ["—", "—"] : []))
            var lines: [(String, String)] = [("who", who(check)), ("as written", check.claim.asWritten)]
            if check.claim.unit.toCanonical != 1 { lines.append(("conversion", check.claimedText)) }
            if check.measured != nil { lines.append(("measured", measuredLong(check))) }
            if check.map != nil { lines.append(("map", mapLong(check.map))) }
            if check.laterMap != nil { lines.append(("later map", mapLong(check.laterMap))) }
            lines.append(("why", check.reason))
            if !check.toleranceText.isEmpty { lines.append(("tolerance", check.toleranceText)) }
            details.append(lines)
        }
        out += aligned(rows, details: details, rightAligned: hasMaps ? [4, 5, 7] : [4, 5])
        if !report.crossChecks.isEmpty {
            out += "\nClaims against each other\n\n"
            var rows = [["check", "as of", "ratio", "verdict"]]
            var details: [[(String, String)]] = [[]]
            for check in report.crossChecks {
                rows.append([
                    crossCheckName(check), check.asOf.description, QuantityFormat.ratio(check.ratio),
                    check.verdict.rawValue,
                ])
                details.append([
                    ("implied", check.implied), ("against", check.measured), ("why", check.reason),
                    ("tolerance", check.tolerance),
                ])
            }
            out += aligned(rows, details: details, rightAligned: [2])
        }
        if !report.maps.isEmpty {
            out += "\nMaps from elsewhere\n\n"
            var rows = [["map", "as of", "layer", "definition", "area", "estimate", "ratio"]]
            var details: [[(String, String)]] = [[]]
            for measured in report.maps {
                let map = measured.map
                for (index, layer) in map.layers.enumerated() {
                    rows.append([
                        index == 0 ? map.id : "", index == 0 ? map.asOf.description : "", layer.category,
                        layer.definition.rawValue,
                        QuantityFormat.measured(layer.areaSquareKilometers, .squareKilometers),
                        QuantityFormat.measuredRange(
                            measured.estimateControlledSquareKilometers,
                            measured.estimateTotalSquareKilometers, .squareKilometers),
                        QuantityFormat.ratio(layerRatio(layer, measured)),
                    ])
                    var lines = [("source", map.source), ("file", map.file)]
                    if !map.title.isEmpty { lines.insert(("title", map.title), at: 0) }
                    for repair in map.repairs { lines.append(("repaired", repair)) }
                    for shape in measured.shapes { lines.append(("shape", shapeLong(shape))) }
                    details.append(index == map.layers.count - 1 ? lines : [])
                }
            }
            out += aligned(rows, details: details, rightAligned: [4, 6])
        }
        return out + "\n" + summary(report) + "\n"
    }

    /// Columns padded to their widest cell, a rule under the header, and each row's details
    /// wrapped beneath it with a hanging indent.
    public static func aligned(_ rows: [[String]], details: [[(String, String)]], rightAligned: Set<Int>) -> String {
        let widths = rows[0].indices.map { column in rows.map { $0[column].count }.max() ?? 0 }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { column, cell in
                let pad = String(repeating: " ", count: widths[column] - cell.count)
                return rightAligned.contains(column) ? pad + cell : cell + pad
            }.joined(separator: "  ").replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression)
        }
        var out = line(rows[0]) + "\n" + widths.map { String(repeating: "─", count: $0) }.joined(separator: "  ") + "\n"
        for (row, lines) in zip(rows.dropFirst(), details.dropFirst()) {
            out += line(row) + "\n"
            for (label, text) in lines where !text.isEmpty {
                out += wrap("\(label): \(text)", width: detailWidth, indent: "    ", hanging: "      ") + "\n"
            }
            // A row without details continues the one before it (a map's next layer).
            if !lines.isEmpty { out += "\n" }
        }
        return out
    }

    /// Word wrap at `width` columns; the first line gets `indent`, the others `hanging`.
    static func wrap(_ text: String, width: Int, indent: String, hanging: String) -> String {
        var lines: [String] = []
        var current = indent
        for word in text.split(separator: " ", omittingEmptySubsequences: true) {
            let prefix = lines.isEmpty ? indent : hanging
            if current.count > prefix.count, current.count + 1 + word.count > width {
                lines.append(current)
                current = hanging + word
            } else {
                current += (current.count > prefix.count ? " " : "") + word
            }
        }
        lines.append(current)
        return lines.joined(separator: "\n")
    }

    // MARK: - Markdown

    static func markdown(_ report: CheckReport) -> String {
        func cell(_ text: String) -> String {
            text.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
        }
        func table(_ header: [String], _ rows: [[String]]) -> String {
            var out = "| " + header.joined(separator: " | ") + " |\n|" + header.map { _ in "---|" }.joined() + "\n"
            for row in rows { out += "| " + row.map(cell).joined(separator: " | ") + " |\n" }
            return out
        }
        let hasMaps = report.checks.contains { $0.map != nil || $0.laterMap != nil }
        var header = ["claim", "who", "as of", "as written", "claimed (SI)", "measured", "width"]
        if hasMaps { header.append("map") }
        header += ["ratio", "verdict", "tolerance"]
        let rows = report.checks.map { check -> [String] in
            var row = [
                check.claim.id, who(check), check.claim.asOf.description, check.claim.asWritten, check.claimedText,
                measuredLong(check), QuantityFormat.width(check.measured?.width),
            ]
            if hasMaps {
                let maps = [check.map, check.laterMap].compactMap { $0 }.map { mapLong($0) }
                row.append(maps.isEmpty ? "—" : maps.joined(separator: "; later: "))
            }
            row += [
                QuantityFormat.ratio(check.ratio), "**\(check.verdict.rawValue)**: \(check.reason)",
                check.toleranceText.isEmpty ? "—" : check.toleranceText,
            ]
            return row
        }
        var out = "## Claims in \(report.timelineID)\n\nEach claim is measured on the day it holds for (as of).\n\n"
        out += table(header, rows)
        if !report.crossChecks.isEmpty {
            out += "\n## Claims against each other\n\n"
            out += table(
                ["check", "as of", "implied", "against", "ratio", "verdict", "tolerance"],
                report.crossChecks.map {
                    [
                        crossCheckName($0), $0.asOf.description, $0.implied, $0.measured,
                        QuantityFormat.ratio($0.ratio),
                        "**\($0.verdict.rawValue)**: \($0.reason)", $0.tolerance,
                    ]
                })
        }
        if !report.maps.isEmpty {
            out += "\n## Maps from elsewhere\n\n"
            out += table(
                ["map", "as of", "layer", "definition", "area", "estimate", "source", "repairs", "shape"],
                report.maps.flatMap { measured in
                    measured.map.layers.map { layer in
                        [
                            measured.map.id, measured.map.asOf.description, layer.category, layer.definition.rawValue,
                            QuantityFormat.measured(layer.areaSquareKilometers, .squareKilometers),
                            QuantityFormat.measuredRange(
                                measured.estimateControlledSquareKilometers, measured.estimateTotalSquareKilometers,
                                .squareKilometers),
                            measured.map.source,
                            measured.map.repairs.isEmpty ? "—" : measured.map.repairs.joined(separator: "; "),
                            measured.shapes.isEmpty ? "—" : measured.shapes.map(shapeLong).joined(separator: "; "),
                        ]
                    }
                })
        }
        return out + "\n" + summary(report) + "\n"
    }

    // MARK: - CSV

    static let csvHeader = [
        "section", "id", "claimant", "stated", "as_of", "quantity", "definition", "as_written", "claimed_si",
        "claimed_low", "claimed_high", "unit", "measured", "measured_low", "measured_high", "range_width",
        "lower_bound",
        "upper_bound", "map_id", "map_area_km2", "map_verdict", "later_map_id", "later_map_area_km2",
        "later_map_verdict", "ratio", "verdict", "reason", "tolerance",
    ]

    /// RFC 4180: comma-separated, CRLF line ends, fields quoted when they hold a comma, a quote or a line break.
    static func csv(_ report: CheckReport) -> String {
        func field(_ text: String) -> String {
            text.contains(where: { ",\"\r\n".contains($0) })
                ? "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : text
        }
        func number(_ value: Double?, _ decimals: Int = 3) -> String {
            guard let value, value.isFinite else { return "" }
            return JSONValue.format(value, decimals: decimals)
        }
        // "unbounded" when nothing sets the range's low end; empty when nothing was measured.
        func width(_ value: Double?) -> String {
            guard let value else { return "" }
            return value.isFinite ? number(value) : "unbounded"
        }
        var rows = [csvHeader]
        for check in report.checks {
            let m = check.measured
            rows.append([
                "claim", check.claim.id, check.claim.claimant, check.claim.stated.description,
                check.claim.asOf.description,
                check.claim.quantity.rawValue, check.claim.definition.rawValue, check.claim.asWritten,
                check.claimedText,
                number(check.claimed.low), number(check.claimed.high), check.claim.unit.canonical.symbol,
                m.map { "\(QuantityFormat.measuredRange($0.low, $0.high, $0.unit)): \($0.text)" } ?? "",
                number(m?.low), number(m?.high), width(m?.width), number(check.lowerBound?.value),
                number(check.upperBound?.value),
                check.map?.mapID ?? "", number(check.map?.areaSquareKilometers), check.map?.verdict.rawValue ?? "",
                check.laterMap?.mapID ?? "", number(check.laterMap?.areaSquareKilometers),
                check.laterMap?.verdict.rawValue ?? "",
                number(check.ratio), check.verdict.rawValue, check.reason, check.toleranceText,
            ])
        }
        for check in report.crossChecks {
            rows.append([
                "cross_check", check.claimIDs.joined(separator: "+"), "", "", check.asOf.description, "",
                check.kind.rawValue,
                check.implied, "", "", "", "", check.measured, "", "", "", "", "", "", "", "", "", "", "",
                number(check.ratio),
                check.verdict.rawValue, check.reason, check.tolerance,
            ])
        }
        return rows.map { $0.map(field).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
    }

    // MARK: - JSON

    static func json(_ report: CheckReport) -> String {
        func number(_ value: Double?, _ decimals: Int = 3) -> JSONValue {
            guard let value, value.isFinite else { return .null }
            return .number(value, decimals: decimals)
        }
        func bound(_ b: EvidenceBound?) -> JSONValue {
            guard let b else { return .null }
            return .object([("value", number(b.value)), ("text", .string(b.text))])
        }
        let claims: [JSONValue] = report.checks.map { check in
            let claim = check.claim
            let value: JSONValue
            switch claim.value {
            case .single(let v): value = number(v, 6)
            case .range(let low, let high): value = .array([number(low, 6), number(high, 6)])
            }
            let measured: JSONValue =
                check.measured.map { m in
                    .object([
                        ("low", number(m.low)), ("high", number(m.high)), ("reference", number(m.reference)),
                        ("width", m.width.map { $0.isFinite ? number($0) : .string("unbounded") } ?? .null),
                        ("unit", .string(m.unit.symbol)), ("text", .string(m.text)),
                        ("tolerance", .string(m.tolerance.text)),
                    ])
                } ?? .null
            func map(_ comparison: MapComparison?) -> JSONValue {
                comparison.map { map in
                    .object([
                        ("id", .string(map.mapID)), ("as_of", .string(map.mapAsOf.description)),
                        ("depicts", .string(map.depicts)), ("area_km2", number(map.areaSquareKilometers)),
                        ("ratio", number(map.ratio)), ("verdict", .string(map.verdict.rawValue)),
                        ("reason", .string(map.reason)),
                    ])
                } ?? .null
            }
            return .object([
                ("id", .string(claim.id)), ("claimant", .string(claim.claimant)),
                ("stated", .string(claim.stated.description)),
                ("as_of", .string(claim.asOf.description)), ("quantity", .string(claim.quantity.rawValue)),
                ("definition", .string(claim.definition.rawValue)), ("as_written", .string(claim.asWritten)),
                ("value", value), ("unit", .string(claim.unit.rawValue)), ("hedge", .string(claim.hedge.rawValue)),
                (
                    "claimed",
                    .object([
                        ("low", number(check.claimed.low)), ("high", number(check.claimed.high)),
                        ("excludes_low", .bool(check.claimed.excludesLow)), ("nominal", number(check.claimed.nominal)),
                        ("unit", .string(claim.unit.canonical.symbol)), ("text", .string(check.claimedText)),
                    ])
                ),
                ("measured", measured), ("lower_bound", bound(check.lowerBound)),
                ("upper_bound", bound(check.upperBound)),
                ("map", map(check.map)), ("later_map", map(check.laterMap)), ("ratio", number(check.ratio)),
                ("verdict", .string(check.verdict.rawValue)),
                ("reason", .string(check.reason)),
            ])
        }
        let crossChecks: [JSONValue] = report.crossChecks.map { check in
            .object([
                ("kind", .string(check.kind.rawValue)), ("claims", .array(check.claimIDs.map(JSONValue.string))),
                ("as_of", .string(check.asOf.description)), ("implied", .string(check.implied)),
                ("against", .string(check.measured)), ("ratio", number(check.ratio)),
                ("verdict", .string(check.verdict.rawValue)), ("reason", .string(check.reason)),
                ("tolerance", .string(check.tolerance)),
            ])
        }
        let maps: [JSONValue] = report.maps.map { measured in
            let map = measured.map
            return .object([
                ("id", .string(map.id)), ("title", .string(map.title)), ("source", .string(map.source)),
                ("as_of", .string(map.asOf.description)), ("depicts", .string(map.depicts)),
                ("file", .string(map.file)),
                (
                    "layers",
                    .array(
                        map.layers.map { layer in
                            .object([
                                ("category", .string(layer.category)),
                                ("definition", .string(layer.definition.rawValue)),
                                ("area_km2", number(layer.areaSquareKilometers)),
                            ])
                        })
                ),
                ("estimate_controlled_km2", number(measured.estimateControlledSquareKilometers)),
                ("estimate_total_km2", number(measured.estimateTotalSquareKilometers)),
                ("repairs", .array(map.repairs.map(JSONValue.string))),
                (
                    "shapes",
                    .array(
                        measured.shapes.map { shape in
                            .object([
                                ("definition", .string(shape.definition.rawValue)),
                                ("iou", number(shape.intersectionOverUnion, 4)),
                                ("intersection_km2", number(shape.intersectionSquareKilometers)),
                                ("union_km2", number(shape.unionSquareKilometers)),
                                ("estimate_outside_map_km2", number(shape.estimateOutsideMapSquareKilometers)),
                                ("map_outside_estimate_km2", number(shape.mapOutsideEstimateSquareKilometers)),
                            ])
                        })
                ),
            ])
        }
        func list(_ items: [JSONValue]) -> String {
            items.isEmpty ? "[]" : "[\n" + items.map { "  " + $0.serialized }.joined(separator: ",\n") + "\n]"
        }
        return "{\n\"timeline\": \(JSONValue.string(report.timelineID).serialized),\n"
            + "\"claims\": \(list(claims)),\n\"cross_checks\": \(list(crossChecks)),\n\"maps\": \(list(maps)),\n"
            + "\"summary\": \(JSONValue.string(summary(report)).serialized)\n}\n"
    }
}
