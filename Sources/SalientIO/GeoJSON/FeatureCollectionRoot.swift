/// The root of a GeoJSON file from elsewhere: a FeatureCollection in WGS 84 longitude/latitude.
enum FeatureCollectionRoot {
    /// The file's reader and root mapping; refuses another type, or a `crs` other than WGS 84
    /// lon/lat (RFC 7946 has no crs member; older GeoJSON and ogr2ogr name lon/lat CRS84).
    static func read(_ path: String) throws -> (reader: NodeReader, root: Fields) {
        let reader = NodeReader(file: path)
        let root = try reader.mapping(try reader.root(of: TextFile.read(path)), field: nil)
        let type = try root.string("type")
        guard type == "FeatureCollection" else {
            throw InputError(
                "expected a FeatureCollection, found '\(type)'", file: path, line: root.line(of: "type"), field: "type")
        }
        if let crs = root.node("crs") {
            let named = (try? reader.mapping(crs, field: "crs").mapping("properties").string("name")) ?? ""
            guard named.hasSuffix("CRS84") || named.hasSuffix("EPSG::4326") || named == "EPSG:4326" else {
                throw InputError(
                    "coordinates in '\(named.isEmpty ? "an unnamed CRS" : named)' are not WGS 84 longitude/latitude",
                    file: path, line: root.line(of: "crs"), field: "crs",
                    hint: "reproject the file to EPSG:4326, e.g. with ogr2ogr -t_srs EPSG:4326")
            }
        }
        return (reader, root)
    }
}
