import Foundation

/// Fixed, locale-free number formatting for check reports, so the same inputs always print
/// the same bytes: thousands grouped with commas, never "-0", never an exponent.
public enum QuantityFormat {
    /// `decimals` fixed decimals: 1373.84 → "1,373.8".
    public static func fixed(_ value: Double, decimals: Int) -> String {
        group(String(format: "%.\(decimals)f", value))
    }

    /// At most `decimals` decimals, trailing zeros dropped: 9.6560 → "9.656", 800.0 → "800".
    public static func trimmed(_ value: Double, decimals: Int = 3) -> String {
        var text = String(format: "%.\(decimals)f", value)
        if text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return group(text)
    }

    /// A measured value with its unit, at the unit's precision: "1,373.8 km²", "3 settlements".
    public static func measured(_ value: Double, _ unit: MeasureUnit) -> String {
        let text = fixed(value, decimals: unit.decimals)
        return "\(text) \(symbol(unit, after: text))"
    }

    /// "1 settlement", "1 person": counts of one are singular.
    static func symbol(_ unit: MeasureUnit, after number: String) -> String {
        guard number == "1" else { return unit.symbol }
        switch unit {
        case .settlements: return "settlement"
        case .people: return "person"
        case .squareKilometers, .kilometers: return unit.symbol
        }
    }

    /// A measured range with its unit: "0–1,373.8 km²", or one value when both ends agree.
    public static func measuredRange(_ low: Double, _ high: Double, _ unit: MeasureUnit) -> String {
        let a = fixed(low, decimals: unit.decimals)
        let b = fixed(high, decimals: unit.decimals)
        return a == b ? "\(a) \(symbol(unit, after: a))" : "\(a)–\(b) \(unit.symbol)"
    }

    /// A range's width (`Measured.width`): "3.95×", "1.00×" for a single value, "∞" when
    /// nothing sets its low end, "—" when there is none.
    public static func width(_ value: Double?) -> String {
        guard let value else { return "—" }
        return value.isFinite ? fixed(value, decimals: 2) + "×" : "∞"
    }

    /// A ratio to two decimals, or "—" when there is none.
    public static func ratio(_ value: Double?) -> String {
        guard let value, value.isFinite else { return "—" }
        return fixed(value, decimals: 2)
    }

    /// The claimed values a hedge allows: "≥ 800 km²", "> 100,000 people", "≤ 30 km", "1–2 km",
    /// "≈ 9.656 km (8.69–10.622)".
    public static func claimed(_ interval: ClaimedInterval, hedge: Hedge, unit: MeasureUnit) -> String {
        let u = interval.low == interval.high ? symbol(unit, after: trimmed(interval.low)) : unit.symbol
        switch hedge {
        case .atLeast: return "≥ \(trimmed(interval.low)) \(u)"
        case .moreThan: return "> \(trimmed(interval.low)) \(u)"
        case .upTo: return "≤ \(trimmed(interval.high)) \(u)"
        case .about:
            return "≈ \(trimmed(interval.nominal)) \(u) (\(trimmed(interval.low))–\(trimmed(interval.high)))"
        case .exact, .range:
            return interval.low == interval.high
                ? "\(trimmed(interval.low)) \(u)" : "\(trimmed(interval.low))–\(trimmed(interval.high)) \(u)"
        }
    }

    /// The claimed figure in SI units with the conversion shown: "6 mi × 1.609344 = 9.656 km; ≈ 9.656 km (8.69–10.622)".
    public static func conversion(of claim: Claim) -> String {
        conversion(value: claim.value, unit: claim.unit, hedge: claim.hedge)
    }

    public static func conversion(value: ClaimValue, unit: ClaimUnit, hedge: Hedge) -> String {
        let interval = ClaimedInterval(value: value, unit: unit, hedge: hedge)
        let hedged = claimed(interval, hedge: hedge, unit: unit.canonical)
        guard unit.toCanonical != 1 else { return hedged }
        let written: String
        let converted: String
        switch value {
        case .single(let v):
            written = trimmed(v, decimals: 6)
            converted = trimmed(v * unit.toCanonical)
        case .range(let low, let high):
            written = "\(trimmed(low, decimals: 6))–\(trimmed(high, decimals: 6))"
            converted = "\(trimmed(low * unit.toCanonical))–\(trimmed(high * unit.toCanonical))"
        }
        let factor = trimmed(unit.toCanonical, decimals: 12)
        let conversion = "\(written) \(unit.rawValue) × \(factor) = \(converted) \(unit.canonical.symbol)"
        // An exact figure is its conversion; a hedged one adds the values the hedge allows.
        return hedged == "\(converted) \(unit.canonical.symbol)" ? conversion : "\(conversion); \(hedged)"
    }

    /// Inserts thousands separators into the integer part of a plain decimal string.
    private static func group(_ text: String) -> String {
        var body = text
        var sign = ""
        if body.hasPrefix("-") {
            body.removeFirst()
            // "-0", "-0.0": a rounded-away sign means nothing.
            if body.allSatisfy({ $0 == "0" || $0 == "." }) == false { sign = "-" }
        }
        let parts = body.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        let integer = Array(parts[0])
        var grouped = ""
        for (i, digit) in integer.enumerated() {
            if i > 0, (integer.count - i) % 3 == 0 { grouped.append(",") }
            grouped.append(digit)
        }
        return sign + grouped + (parts.count > 1 ? "." + parts[1] : "")
    }
}
