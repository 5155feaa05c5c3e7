import Testing

@testable import SalientCore

@Suite struct QuantityFormatTests {
    @Test(arguments: [
        (1373.84, 1, "1,373.8"), (0.04, 1, "0.0"), (-0.04, 1, "0.0"), (1_234_567, 0, "1,234,567"),
        (999.96, 1, "1,000.0"),
        (-1234.5, 1, "-1,234.5"),
    ])
    func fixedGroupsThousands(_ value: Double, _ decimals: Int, _ text: String) {
        #expect(QuantityFormat.fixed(value, decimals: decimals) == text)
    }

    @Test func trimmedDropsTrailingZeros() {
        #expect(QuantityFormat.trimmed(9.656064) == "9.656")
        #expect(QuantityFormat.trimmed(800) == "800")
        #expect(QuantityFormat.trimmed(120_000) == "120,000")
    }

    @Test func countsOfOneAreSingular() {
        #expect(QuantityFormat.measured(1, .settlements) == "1 settlement")
        #expect(QuantityFormat.measured(3, .settlements) == "3 settlements")
        #expect(QuantityFormat.measuredRange(1, 1, .people) == "1 person")
        #expect(QuantityFormat.measuredRange(0, 1373.84, .squareKilometers) == "0.0–1,373.8 km²")
    }

    @Test(arguments: [
        (Hedge.exact, "2 mi × 1.609344 = 3.219 km"), (.about, "2 mi × 1.609344 = 3.219 km; ≈ 3.219 km (2.897–3.541)"),
        (.atLeast, "2 mi × 1.609344 = 3.219 km; ≥ 3.219 km"), (.moreThan, "2 mi × 1.609344 = 3.219 km; > 3.219 km"),
        (.upTo, "2 mi × 1.609344 = 3.219 km; ≤ 3.219 km"),
    ])
    func conversionsShowTheFactorAndTheHedge(_ hedge: Hedge, _ text: String) {
        #expect(QuantityFormat.conversion(value: .single(2), unit: .miles, hedge: hedge) == text)
    }

    @Test func siFiguresNeedNoConversion() {
        #expect(QuantityFormat.conversion(value: .range(low: 1, high: 2), unit: .kilometers, hedge: .range) == "1–2 km")
        #expect(QuantityFormat.conversion(value: .single(800), unit: .squareKilometers, hedge: .atLeast) == "≥ 800 km²")
        #expect(
            QuantityFormat.conversion(value: .single(310), unit: .squareMiles, hedge: .exact)
                == "310 sq mi × 2.589988110336 = 802.896 km²")
    }
}
