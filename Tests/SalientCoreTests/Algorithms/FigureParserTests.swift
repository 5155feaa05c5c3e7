import Testing

@testable import SalientCore

@Suite struct FigureParserTests {
    /// Every unit spelling the news uses, with the factor it converts by.
    @Test(arguments: [
        ("18 km", ClaimUnit.kilometers), ("18km", .kilometers), ("18 kilometres", .kilometers),
        ("18 kilometers", .kilometers),
        ("18 kms", .kilometers), ("500 m", .meters), ("500 metres", .meters), ("500 meters", .meters),
        ("6 miles", .miles), ("6 mi", .miles), ("1 mile", .miles),
        ("800 square kilometres", .squareKilometers), ("800 square kilometers", .squareKilometers),
        ("800 km²", .squareKilometers),
        ("800 km2", .squareKilometers), ("800 sq km", .squareKilometers), ("800 sq. km", .squareKilometers),
        ("310 square miles", .squareMiles), ("310 sq mi", .squareMiles),
        ("74 settlements", .settlements), ("100 people", .people),
    ])
    func readsEveryUnitSpelling(_ text: String, _ unit: ClaimUnit) throws {
        let figure = try FigureParser.parse(text)
        #expect(figure.unit == unit, "\(text)")
        #expect(figure.hedge == .exact)
    }

    /// The factors are the definitions: a mile is exactly 1.609344 km.
    @Test func unitsConvertByTheirDefinitions() {
        #expect(ClaimedInterval(value: .single(6), unit: .miles, hedge: .exact).low == 6 * 1.609344)
        // 1.609344² = 2.589988110336 exactly in decimal; in binary the two roundings differ in the last bit.
        #expect(
            abs(ClaimedInterval(value: .single(310), unit: .squareMiles, hedge: .exact).low - 310 * 1.609344 * 1.609344)
                < 1e-9)
        #expect(ClaimedInterval(value: .single(500), unit: .meters, hedge: .exact).low == 0.5)
        #expect(ClaimedInterval(value: .single(800), unit: .squareKilometers, hedge: .exact).low == 800)
    }

    @Test(arguments: [
        ("about 6 miles", Hedge.about), ("around 121,000", .about), ("approximately 800 km²", .about),
        ("roughly 30 km", .about),
        ("some 11,000", .about), ("~800 km²", .about), ("circa 800 km²", .about),
        ("at least 800 square kilometres", .atLeast), ("no fewer than 70 settlements", .atLeast),
        ("≥ 800 km²", .atLeast),
        ("more than 100", .moreThan), ("over 100,000", .moreThan), ("upwards of 1,000 km²", .moreThan),
        ("> 100", .moreThan),
        ("up to 18 miles", .upTo), ("as many as 10,000", .upTo), ("almost 200,000", .upTo), ("nearly 200,000", .upTo),
        ("at most 30 km", .upTo), ("no more than 30 km", .upTo),
        ("just 35km", .exact), ("another 59,000", .exact), ("exactly 74 settlements", .exact),
        ("1,000 square kilometres", .exact),
    ])
    func readsEveryHedgeWord(_ text: String, _ hedge: Hedge) throws {
        #expect(try FigureParser.parse(text).hedge == hedge, "\(text)")
    }

    @Test(arguments: [
        ("1–2 km", 1.0, 2.0, ClaimUnit.kilometers), ("1-2 km", 1, 2, .kilometers), ("1km-2km", 1, 2, .kilometers),
        ("one to two kilometres", 1, 2, .kilometers), ("from one to two kilometres (0.6-1.2 miles)", 1, 2, .kilometers),
        ("between 1 and 2 km", 1, 2, .kilometers), ("0.6-1.2 miles", 0.6, 1.2, .miles),
    ])
    func readsRanges(_ text: String, _ low: Double, _ high: Double, _ unit: ClaimUnit) throws {
        let figure = try FigureParser.parse(text)
        #expect(figure.value == .range(low: low, high: high), "\(text)")
        #expect(figure.hedge == .range)
        #expect(figure.unit == unit)
    }

    @Test func readsNumbersAsPrinted() throws {
        #expect(try FigureParser.parse("about six miles").value == .single(6))
        #expect(try FigureParser.parse("two miles").value == .single(2))
        #expect(try FigureParser.parse("1,000 square kilometres").value == .single(1000))
        #expect(try FigureParser.parse("1.2 million people").value == .single(1_200_000))
        #expect(try FigureParser.parse("812.5").value == .single(812.5))
        #expect(try FigureParser.parse("812.5").unit == nil)
    }

    /// The figure printed first is the source's own; a converted one in brackets is left out.
    @Test func parenthesisedConversionIsLeftOut() throws {
        let figure = try FigureParser.parse("up to 18 miles (30km)")
        #expect(figure == ClaimedFigure(value: .single(18), unit: .miles, hedge: .upTo))
    }

    @Test func aWordThatIsNoUnitIsHandedBack() throws {
        let figure = try FigureParser.parse("about 5,000 children")
        #expect(figure.unit == nil)
        #expect(figure.followingWord == "children")
        #expect(try FigureParser.parse("800 furlongs").followingWord == "furlongs")
    }

    @Test func textWithoutANumberIsRefused() {
        #expect(throws: FigureParseError.noNumber("dozens of villages")) {
            try FigureParser.parse("dozens of villages")
        }
        #expect(throws: FigureParseError.noNumber("")) { try FigureParser.parse("") }
    }

    /// Found by the fuzzer: "20.e822" reads as a Double (infinity) but is no figure anyone
    /// prints, and neither is one too long for a Double, alone or scaled.
    @Test(arguments: [
        "20.e822 km", "1.2.3 km", "inf km", "1" + String(repeating: "0", count: 400) + " km",
        String(repeating: "9", count: 305) + " million km",
    ])
    func exponentsHexAndOverflowAreNotFigures(text: String) {
        #expect(throws: FigureParseError.noNumber(text)) { try FigureParser.parse(text) }
    }
}
