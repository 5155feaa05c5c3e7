import Foundation
import Testing

@testable import SalientIO

/// The tiers must stay apart for readers with colour-vision deficiency. Each colour, as drawn
/// over the territory, goes through the simulation of Machado, Oliveira & Fernandes (2009),
/// "A Physiologically-based Model for Simulation of Color Vision Deficiency", IEEE TVCG 15(6),
/// at severity 1.0 (the matrices of their table, applied to linear RGB), and the tiers' CIELAB
/// distance (ΔE*ab, CIE 1976) must stay above 20, well past "clearly different" (about 10).
@Suite struct MapPaletteTests {
    typealias Matrix = [[Double]]

    static let protanopia: Matrix = [
        [0.152286, 1.052583, -0.204868],
        [0.114503, 0.786281, 0.099216],
        [-0.003882, -0.048116, 1.051998],
    ]
    static let deuteranopia: Matrix = [
        [0.367322, 0.860646, -0.227968],
        [0.280085, 0.672501, 0.047413],
        [-0.011820, 0.042940, 0.968881],
    ]
    static let tritanopia: Matrix = [
        [1.255528, -0.076749, -0.178779],
        [-0.078411, 0.930809, 0.147602],
        [0.004733, 0.691367, 0.303900],
    ]
    static let identity: Matrix = [[1, 0, 0], [0, 1, 0], [0, 0, 1]]

    static func linear(_ c: Double) -> Double { c <= 0.04045 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4) }

    /// CIELAB (D65) of an sRGB colour seen through a simulation matrix.
    static func lab(_ colour: RGB, through matrix: Matrix) -> [Double] {
        let rgb = [colour.red, colour.green, colour.blue].map(linear)
        let seen = matrix.map { row in min(max(zip(row, rgb).map(*).reduce(0, +), 0), 1) }
        let xyz = [[0.4124, 0.3576, 0.1805], [0.2126, 0.7152, 0.0722], [0.0193, 0.1192, 0.9505]]
            .map { row in zip(row, seen).map(*).reduce(0, +) }
        let white = [0.95047, 1.0, 1.08883]
        let f = zip(xyz, white).map { v, w -> Double in
            let t = v / w
            return t > 216.0 / 24389 ? cbrt(t) : (24389.0 / 27 * t + 16) / 116
        }
        return [116 * f[1] - 16, 500 * (f[0] - f[1]), 200 * (f[1] - f[2])]
    }

    static func deltaE(_ a: RGB, _ b: RGB, through matrix: Matrix) -> Double {
        zip(lab(a, through: matrix), lab(b, through: matrix)).map { ($0 - $1) * ($0 - $1) }.reduce(0, +).squareRoot()
    }

    static let visions: [(String, Matrix)] = [
        ("normal", identity), ("protanopia", protanopia),
        ("deuteranopia", deuteranopia), ("tritanopia", tritanopia),
    ]

    @Test(arguments: visions.map(\.0))
    func tiersStayApart(_ vision: String) {
        let matrix = Self.visions.first { $0.0 == vision }!.1
        let between = Self.deltaE(MapPalette.controlledAsDrawn, MapPalette.contestedAsDrawn, through: matrix)
        #expect(between > 20, "controlled and contested are \(between) apart for \(vision)")
        for tier in [MapPalette.controlledAsDrawn, MapPalette.contestedAsDrawn] {
            let fromGround = Self.deltaE(tier, MapPalette.territory, through: matrix)
            #expect(fromGround > 20, "a tier is only \(fromGround) from the territory for \(vision)")
        }
    }

    /// The check can fail: red and green, the pair deutan readers confuse, do not pass it.
    @Test func redAndGreenFailForDeuteranopia() {
        let red = RGB(0xD62728)
        let green = RGB(0x2CA02C)
        #expect(Self.deltaE(red, green, through: Self.identity) > 20)
        #expect(Self.deltaE(red, green, through: Self.deuteranopia) < 20)
    }
}
