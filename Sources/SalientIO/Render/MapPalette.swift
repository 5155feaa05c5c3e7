import Foundation

/// An sRGB colour, components 0...1.
struct RGB: Hashable, Sendable {
    var red: Double, green: Double, blue: Double

    init(_ hex: UInt32) {
        red = Double((hex >> 16) & 0xFF) / 255
        green = Double((hex >> 8) & 0xFF) / 255
        blue = Double(hex & 0xFF) / 255
    }

    /// `#rrggbb`, for style sheets.
    var hex: String {
        "#" + [red, green, blue].map { String(format: "%02x", Int(($0 * 255).rounded())) }.joined()
    }

    init(red: Double, green: Double, blue: Double) {
        self.red = red
        self.green = green
        self.blue = blue
    }

    /// The colour seen where this one is painted at `opacity` over `background`.
    func over(_ background: RGB, opacity: Double) -> RGB {
        RGB(
            red: red * opacity + background.red * (1 - opacity),
            green: green * opacity + background.green * (1 - opacity),
            blue: blue * opacity + background.blue * (1 - opacity))
    }
}

/// The map's colours. The tiers use the Okabe–Ito palette (Okabe & Ito 2008, "Color Universal
/// Design"), whose blue and orange stay apart for protan, deutan and tritan viewers; events
/// are told apart by shape, not colour. MapPaletteTests checks the tiers as drawn (over the
/// territory's fill) through the Machado et al. (2009) simulation.
enum MapPalette {
    static let paper = RGB(0xFFFFFF)
    /// The territory the estimate is clipped to, so the border's two sides differ.
    static let territory = RGB(0xEFEDE8)
    static let territoryOutline = RGB(0x8C8C8C)
    static let border = RGB(0x333333)
    /// Okabe–Ito blue.
    static let controlled = RGB(0x0072B2)
    /// Okabe–Ito orange.
    static let contested = RGB(0xE69F00)
    static let controlledOpacity = 0.6
    static let contestedOpacity = 0.55
    static let ink = RGB(0x1A1A1A)
    static let secondaryInk = RGB(0x555555)
    static let halo = RGB(0xFFFFFF)

    /// The tiers' fills as a reader sees them, painted over the territory.
    static var controlledAsDrawn: RGB { controlled.over(territory, opacity: controlledOpacity) }
    static var contestedAsDrawn: RGB { contested.over(territory, opacity: contestedOpacity) }
}
