import Foundation
import Testing

@testable import SalientIO

@Suite struct ManifestTests {
    /// XXH3-64 of no bytes and of "abc" (the values xxhsum -H3 prints).
    @Test func digestsAreXXH3OfTheBytes() throws {
        let empty = ContentHasher()
        #expect(empty.digest == ContentDigest(size: 0, hash: 0x2D06_8005_38D3_94C2))
        let abc = ContentHasher()
        Array("abc".utf8).withUnsafeBytes { abc.update($0) }
        #expect(abc.digest == ContentDigest(size: 3, hash: 0x78AF_5F94_892F_3950))
    }

    @Test func textRoundTripsInOrder() {
        var manifest = Manifest()
        manifest.record("series.csv", ContentDigest(size: 12, hash: 0xABC))
        manifest.accept("daily/2024-08-06.events.geojson", ContentDigest(size: 7, hash: 2))
        manifest.accept("daily/2024-08-06.events.geojson", ContentDigest(size: 9, hash: 1))
        manifest.addStaging(".salient-staging-42")
        #expect(
            manifest.text == """
                \(Manifest.header)
                file 0000000000000001 9 daily/2024-08-06.events.geojson
                file 0000000000000002 7 daily/2024-08-06.events.geojson
                file 0000000000000abc 12 series.csv
                staging .salient-staging-42

                """)
        #expect(Manifest(text: manifest.text) == manifest)
    }

    /// Lines of an older Salient (bare paths), or of any other form, are not trusted.
    @Test func otherLinesAreNotTrusted() {
        let manifest = Manifest(text: "daily/notes.txt\nfile 12 3 x\nfile zzzzzzzzzzzzzzzz 3 y\nstaging my-folder\n")
        #expect(manifest.files.isEmpty)
        #expect(manifest.stagingFolders.isEmpty)
        #expect(manifest.unverified == ["daily/notes.txt"])
    }

    @Test func aRecordReplacesWhatWasAccepted() {
        var manifest = Manifest()
        manifest.accept("a", ContentDigest(size: 1, hash: 1))
        manifest.accept("a", ContentDigest(size: 2, hash: 2))
        #expect(manifest.accepts(ContentDigest(size: 1, hash: 1), at: "a"))
        manifest.record("a", ContentDigest(size: 2, hash: 2))
        #expect(!manifest.accepts(ContentDigest(size: 1, hash: 1), at: "a"))
        #expect(manifest.accepts(ContentDigest(size: 2, hash: 2), at: "a"))
        #expect(!manifest.accepts(nil, at: "a"))
    }
}

@Suite struct ContentHasherTests {
    /// Pieces small and large, hashed as they come, give the hash of the whole.
    @Test func piecesHashAsTheirConcatenation() {
        var seed: UInt32 = 1
        let pieces = (0..<5_000).map { index -> [UInt8] in
            (0..<(index % 97 == 0 ? 3_000 : index % 40)).map { _ in
                seed = seed &* 1_664_525 &+ 1_013_904_223
                return UInt8(truncatingIfNeeded: seed >> 24)
            }
        }
        let hasher = ContentHasher()
        let whole = ContentHasher()
        for piece in pieces { piece.withUnsafeBytes { hasher.update($0) } }
        pieces.joined().map { $0 }.withUnsafeBytes { whole.update($0) }
        #expect(hasher.digest == whole.digest)
        #expect(hasher.digest.size == pieces.map(\.count).reduce(0, +))
    }
}
