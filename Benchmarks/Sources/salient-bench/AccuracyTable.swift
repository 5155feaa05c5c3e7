import Foundation
import SalientCore

/// One day's estimate against the truth.
struct DayAccuracy {
    var day: Int
    var trueSquareKilometers: Double
    var lowerSquareKilometers: Double
    var upperSquareKilometers: Double
    /// Controlled against the true held ground; both tiers against held + grey zone.
    var controlledIoU: Double
    var bothIoU: Double
    /// The true held area (km²) lies in [lower, upper]; the true held shape contains the lower
    /// bound and lies in the upper one (each within `Accuracy.shapeTolerance` of its area).
    var areaInRange: Bool
    var shapeInRange: Bool
    /// The true held area is smaller than the day before.
    var retreating: Bool

    /// upper / lower; nil when the lower bound is empty.
    var width: Double? {
        lowerSquareKilometers > 0 ? upperSquareKilometers / lowerSquareKilometers : nil
    }
}

/// Every day of one sector, density and method.
struct MethodAccuracy {
    var sector: String
    var density: Int
    var method: JoinMethod
    var events: Int
    var days: [DayAccuracy]

    static func mean(_ values: [Double]) -> Double? {
        values.isEmpty ? nil : values.reduce(0, +) / Double(values.count)
    }

    var controlledIoU: Double? { Self.mean(days.map(\.controlledIoU)) }
    var bothIoU: Double? { Self.mean(days.map(\.bothIoU)) }
    var areaInRange: Double? { Self.mean(days.map { $0.areaInRange ? 1 : 0 }) }
    var shapeInRange: Double? { Self.mean(days.map { $0.shapeInRange ? 1 : 0 }) }
    var width: Double? { Self.mean(days.compactMap(\.width)) }
    var emptyLowerDays: Int { days.filter { $0.width == nil }.count }
    var retreatingIoU: Double? { Self.mean(days.filter(\.retreating).map(\.controlledIoU)) }
    var retreatingDays: Int { days.filter(\.retreating).count }
}

/// The accuracy report as Markdown tables (one per sector) and as a per-day CSV.
enum AccuracyTable {
    static func format(_ value: Double?, _ decimals: Int = 2) -> String {
        value.map { String(format: "%.\(decimals)f", $0) } ?? "—"
    }

    static func percent(_ value: Double?) -> String {
        value.map { String(format: "%.0f %%", $0 * 100) } ?? "—"
    }

    static func markdown(_ results: [MethodAccuracy], perfect: Bool) -> String {
        var out = ""
        var sectors: [String] = []
        for r in results where !sectors.contains(r.sector) { sectors.append(r.sector) }
        for sector in sectors {
            let rows = results.filter { $0.sector == sector }.sorted {
                ($0.density, JoinMethod.allCases.firstIndex(of: $0.method)!)
                    < ($1.density, JoinMethod.allCases.firstIndex(of: $1.method)!)
            }
            let days = rows.first?.days.count ?? 0
            let retreating = rows.first?.retreatingDays ?? 0
            out +=
                "\n\(sector): \(days) days, \(retreating) of them retreating\(perfect ? ", perfect reports" : "")\n\n"
            out += "| density | method | reports | IoU controlled | IoU controlled + contested "
            out += "| true area in range | true shape in range | width upper/lower (days lower empty) "
            out += "| IoU controlled, retreating days |\n"
            out += "|--:|---|--:|--:|--:|--:|--:|--:|--:|\n"
            for r in rows {
                out += "| \(r.density) % | \(r.method.rawValue) | \(r.events) | \(format(r.controlledIoU)) "
                out += "| \(format(r.bothIoU)) | \(percent(r.areaInRange)) | \(percent(r.shapeInRange)) "
                out += "| \(format(r.width)) (\(r.emptyLowerDays)) | \(format(r.retreatingIoU)) |\n"
            }
        }
        return out
    }

    static func csv(_ results: [MethodAccuracy]) -> String {
        var out =
            "sector,density,method,day,true_km2,lower_km2,upper_km2,iou_controlled,iou_controlled_plus_contested,"
            + "area_in_range,shape_in_range,retreating\n"
        for r in results {
            for d in r.days {
                out += "\(r.sector),\(r.density),\(r.method.rawValue),\(d.day),\(format(d.trueSquareKilometers, 3)),"
                out += "\(format(d.lowerSquareKilometers, 3)),\(format(d.upperSquareKilometers, 3)),"
                out += "\(format(d.controlledIoU, 4)),\(format(d.bothIoU, 4)),\(d.areaInRange),\(d.shapeInRange),"
                out += "\(d.retreating)\n"
            }
        }
        return out
    }
}
