// libFuzzer target: the parsers of figures as the news writes them: units, days, numbers.
import SalientCore

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzUnits(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: min(size, 512)), as: UTF8.self)
    if let unit = ClaimUnit(parsing: text) {
        precondition(unit.toCanonical > 0, "a unit must convert to a positive factor")
    }
    if let day = CalendarDay(text) {
        precondition(CalendarDay(day.description) == day, "a day must print as it parses")
    }
    return 0
}
