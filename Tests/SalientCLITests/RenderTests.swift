import CCairo
import Foundation
import Testing

/// A PNG's pixels as cairo reads them back (RGB, one UInt32 a pixel).
struct Pixels {
    var width: Int, height: Int
    var values: [UInt32]

    init?(png path: String) {
        guard let surface = cairo_image_surface_create_from_png(path) else { return nil }
        defer { cairo_surface_destroy(surface) }
        guard cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS else { return nil }
        cairo_surface_flush(surface)
        width = Int(cairo_image_surface_get_width(surface))
        height = Int(cairo_image_surface_get_height(surface))
        let stride = Int(cairo_image_surface_get_stride(surface))
        guard let data = cairo_image_surface_get_data(surface) else { return nil }
        var values: [UInt32] = []
        values.reserveCapacity(width * height)
        for y in 0..<height {
            let row = UnsafeRawPointer(data + y * stride).assumingMemoryBound(to: UInt32.self)
            for x in 0..<width { values.append(row[x] & 0xFF_FFFF) }
        }
        self.values = values
    }

    /// The share of pixels whose largest channel difference exceeds `threshold` (0...255).
    func shareDiffering(from other: Pixels, threshold: Int) -> Double {
        guard width == other.width, height == other.height else { return 1 }
        var differing = 0
        for (a, b) in zip(values, other.values) where a != b {
            let channels = [16, 8, 0].map { abs(Int((a >> $0) & 0xFF) - Int((b >> $0) & 0xFF)) }
            if channels.max()! > threshold { differing += 1 }
        }
        return Double(differing) / Double(values.count)
    }
}

@Suite struct RenderTests {
    static let kursk = "timelines/kursk-2024.yaml"
    /// A pixel differs when a channel moves by more than this; anti-aliasing and hinting move edges by less.
    static let channelThreshold = 64
    /// The share of pixels allowed to differ: a font's rasteriser may move a few glyph edges.
    static let allowedShare = 0.002

    static func render(_ arguments: [String], into folder: URL) throws -> SalientProcess.Outcome {
        try SalientProcess.run(["render", kursk, "--out", folder.path] + arguments)
    }

    /// The golden picture is the README's; re-record with SALIENT_RECORD_GOLDENS=1.
    @Test func kurskMapMatchesTheGoldenPictureWithinTolerance() throws {
        let out = try SalientProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: out) }
        let result = try Self.render(["--as-of", "2024-08-30"], into: out)
        #expect(result.status == 0, "\(result.stderr)")
        let made = out.appendingPathComponent("render/2024-08-30.png")
        let golden = SalientProcess.golden.appendingPathComponent("render/kursk-2024-08-30.png")
        if ProcessInfo.processInfo.environment["SALIENT_RECORD_GOLDENS"] == "1" {
            try FileManager.default.createDirectory(
                at: golden.deletingLastPathComponent(),
                withIntermediateDirectories: true)
            _ = try? FileManager.default.removeItem(at: golden)
            try FileManager.default.copyItem(at: made, to: golden)
            Issue.record("recorded Golden/render/kursk-2024-08-30.png; run again without SALIENT_RECORD_GOLDENS")
            return
        }
        let actual = try #require(Pixels(png: made.path))
        let expected = try #require(Pixels(png: golden.path))
        #expect((actual.width, actual.height) == (1200, 900))
        let share = actual.shareDiffering(from: expected, threshold: Self.channelThreshold)
        #expect(share <= Self.allowedShare, "\(share * 100)% of the pixels differ from the golden picture")
    }

    /// The tolerance is not so loose that another day's map passes for the golden one. (A change
    /// in the words alone, such as the date, is within it: the SVG tests check the words.)
    @Test func anotherDaysMapDoesNotPassForTheGoldenPicture() throws {
        let out = try SalientProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: out) }
        #expect(try Self.render(["--as-of", "2024-08-10"], into: out).status == 0)
        let actual = try #require(Pixels(png: out.appendingPathComponent("render/2024-08-10.png").path))
        let golden = SalientProcess.golden.appendingPathComponent("render/kursk-2024-08-30.png")
        let expected = try #require(Pixels(png: golden.path))
        let share = actual.shareDiffering(from: expected, threshold: Self.channelThreshold)
        #expect(share > Self.allowedShare * 5, "only \(share * 100)% of the pixels differ")
    }

    @Test func rerunsWriteIdenticalBytesAndTheLastDayByDefault() throws {
        let a = try SalientProcess.temporaryFolder()
        let b = try SalientProcess.temporaryFolder()
        defer {
            try? FileManager.default.removeItem(at: a)
            try? FileManager.default.removeItem(at: b)
        }
        #expect(try Self.render(["--quiet"], into: a).status == 0)
        #expect(try Self.render(["--from", "2024-08-29", "--to", "2024-08-30", "--quiet"], into: b).status == 0)
        for name in ["render/2024-08-30.png", "render/2024-08-30.svg"] {
            let first = try Data(contentsOf: a.appendingPathComponent(name))
            #expect(try first == Data(contentsOf: b.appendingPathComponent(name)))
        }
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: a.appendingPathComponent("render").path).sorted()
                == ["2024-08-30.png", "2024-08-30.svg"])
        let manifest = try String(contentsOf: b.appendingPathComponent(".salient-manifest"), encoding: .utf8)
        let days = ["2024-08-29", "2024-08-30"]
        let listed = manifest.split(separator: "\n").filter { $0.hasPrefix("file ") }
            .map { String($0.split(separator: " ").last!) }
        #expect(listed == days.flatMap { ["render/\($0).png", "render/\($0).svg"] })
    }

    /// On the first day nothing is held yet: the map still draws, with an empty controlled tier.
    @Test func aDayWithAnEmptyControlledTierRenders() throws {
        let out = try SalientProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: out) }
        let result = try Self.render(["--as-of", "2024-08-06", "--width", "800"], into: out)
        #expect(result.status == 0, "\(result.stderr)")
        let svg = try String(contentsOf: out.appendingPathComponent("render/2024-08-06.svg"), encoding: .utf8)
        #expect(svg.contains(">Controlled by Ukraine: 0 km²</text>"))
        #expect(svg.contains(">Estimated control as of 6 August 2024</text>"))
        let png = try #require(Pixels(png: out.appendingPathComponent("render/2024-08-06.png").path))
        #expect((png.width, png.height) == (800, 600))
    }

    @Test(arguments: [
        (["--as-of", "2024-09-01"], "--as-of 2024-09-01 is outside the timeline"),
        (["--from", "2024-08-01"], "--from 2024-08-01 is outside the timeline"),
        (["--from", "2024-08-12", "--to", "2024-08-10"], "--from 2024-08-12 is after --to 2024-08-10"),
        (["--as-of", "2024-08-12", "--to", "2024-08-14"], "--as-of cannot be combined with --from or --to"),
        (["--as-of", "2024-02-30"], "The value '2024-02-30' is invalid for '--as-of <YYYY-MM-DD>'"),
        (["--width", "100"], "--width 100 is outside 600...6000 pixels"),
    ])
    func badDaysAndWidthsExitTwoWritingNothing(_ arguments: [String], _ message: String) throws {
        let out = try SalientProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: out) }
        let result = try Self.render(arguments, into: out)
        #expect(result.status == 2)
        #expect(result.stderr.contains(message), "\(result.stderr)")
        #expect(result.stderr.split(separator: "\n").count <= 4)
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.path) == [])
    }

    @Test func anOutputFolderThatCannotBeMadeExitsTwo() throws {
        let out = try SalientProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: out) }
        let file = out.appendingPathComponent("a-file")
        try Data("kept\n".utf8).write(to: file)
        let result = try SalientProcess.run(["render", Self.kursk, "--out", file.appendingPathComponent("maps").path])
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("error: cannot create the output folder"), "\(result.stderr)")
        #expect(try String(contentsOf: file, encoding: .utf8) == "kept\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.path) == ["a-file"])
    }

    @Test func aPictureSalientDidNotWriteIsKept() throws {
        let out = try SalientProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: out) }
        let mine = out.appendingPathComponent("render/2024-08-30.png")
        try FileManager.default.createDirectory(at: mine.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data("my own picture".utf8).write(to: mine)
        let result = try Self.render([], into: out)
        #expect(result.status == 2)
        #expect(
            result.stderr.contains(
                "the output folder holds files Salient did not write where it writes: "
                    + "render/2024-08-30.png"), "\(result.stderr)")
        #expect(try Data(contentsOf: mine) == Data("my own picture".utf8))
    }
}
