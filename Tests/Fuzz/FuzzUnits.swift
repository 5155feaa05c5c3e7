// libFuzzer target: the parsers of figures as the news writes them ("at least 800 square
// kilometres", "1–2 km", "about six miles"), units and days.
import SalientCore

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzUnits(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: min(size, 512)), as: UTF8.self)
    if let unit = ClaimUnit(parsing: text) {
        precondition(unit.toCanonical > 0, "a unit must convert to a positive factor")
    }
    if let figure = try? FigureParser.parse(text) {
        switch figure.value {
        case .single(let v): precondition(v.isFinite && v >= 0, "a parsed figure must be a finite, non-negative number")
        case .range(let low, let high):
            precondition(low.isFinite && high.isFinite && low <= high, "a range must be ordered")
        }
    }
    if let day = CalendarDay(text) {
        precondition(CalendarDay(day.description) == day, "a day must print as it parses")
    }
    return 0
}
