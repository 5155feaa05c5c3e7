// libFuzzer target: the gazetteer reader (GeoJSON through the YAML parser, geometry checks
// through GEOS) on arbitrary bytes.
import SalientCore
import SalientIO

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzGazetteer(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard let text = String(validating: UnsafeBufferPointer(start: data, count: size), as: UTF8.self) else { return 0 }
    if let places = try? GazetteerReader.parse(text: text, file: "fuzz.geojson").map(\.0) {
        _ = try? Gazetteer(places: places)
    }
    return 0
}
