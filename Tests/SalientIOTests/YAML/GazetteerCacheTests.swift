import Foundation
import SalientCore
import Testing

@testable import SalientIO

/// The gazetteer kept between the command line's reading of a timeline and the job's is read
/// again as soon as one of its files changes.
@Suite struct GazetteerCacheTests {
    @Test func aChangedFileIsReadAgain() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("salient-cache-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        func write(_ name: String) throws {
            let text = """
                {"type": "FeatureCollection", "features": [
                {"type": "Feature", "properties": {"id": "a", "name": "\(name)", "kind": "village", "source": "s", "licence": "CC0"}, \
                "geometry": {"type": "Point", "coordinates": [36, 51]}}
                ]}
                """
            try text.write(to: folder.appendingPathComponent("places.geojson"), atomically: true, encoding: .utf8)
        }
        let cache = GazetteerCache()
        try write("Alpha")
        #expect(try cache.gazetteer(folder: folder.path).place(id: "a")?.name == "Alpha")
        try write("Bravo, renamed")
        #expect(try cache.gazetteer(folder: folder.path).place(id: "a")?.name == "Bravo, renamed")
    }
}
