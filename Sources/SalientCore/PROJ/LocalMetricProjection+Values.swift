import Foundation

extension LocalMetricProjection {
    /// The projection a definition written by `definition` names, or nil for any other PROJ string.
    public init?(definition: String) {
        var values: [String: Double] = [:]
        for part in definition.split(separator: " ") where part.hasPrefix("+lat_0=") || part.hasPrefix("+lon_0=") {
            let pair = part.dropFirst().split(separator: "=", maxSplits: 1)
            guard pair.count == 2, let value = Double(pair[1]) else { return nil }
            values[String(pair[0])] = value
        }
        guard definition.hasPrefix("+proj=aeqd "), let lat = values["lat_0"], let lon = values["lon_0"] else {
            return nil
        }
        self.init(center: LonLat(lon: lon, lat: lat))
    }

    /// Projects positions into this plane (metres), with a PROJ context of its own, so callers
    /// outside SalientCore draw in the estimate's plane without holding PROJ handles.
    public func planar(_ positions: [LonLat]) throws -> [PlanarPoint] {
        guard !positions.isEmpty else { return [] }
        return try makeProjector(context: PROJContext()).project(positions)
    }
}

extension LocalMetricProjection {
    /// Back from this plane to lon/lat, with a PROJ context of its own.
    public func lonLat(_ points: [PlanarPoint]) throws -> [LonLat] {
        guard !points.isEmpty else { return [] }
        return try makeProjector(context: PROJContext()).unproject(points)
    }
}
