import SalientCore

/// The words of the report on maps from elsewhere, shared by its formats.
extension CheckReportFormat {
    static func mapLong(_ map: MapComparison?) -> String {
        guard let map else { return "" }
        return
            "\(QuantityFormat.measured(map.areaSquareKilometers, .squareKilometers)) on map \(map.mapID) of \(map.mapAsOf), "
            + "\(map.depicts), ratio \(QuantityFormat.ratio(map.ratio)): \(map.verdict.rawValue) — \(map.reason)"
    }

    /// "controlled: IoU 0.33; the estimate outside the map 78.0 km², the map outside the estimate 78.0 km²".
    static func shapeLong(_ shape: MapShapeComparison) -> String {
        let iou = shape.intersectionOverUnion.map { JSONValue.format($0, decimals: 2) } ?? "—"
        return "\(shape.definition.rawValue): IoU \(iou); the estimate outside the map "
            + "\(QuantityFormat.measured(shape.estimateOutsideMapSquareKilometers, .squareKilometers)), "
            + "the map outside the estimate \(QuantityFormat.measured(shape.mapOutsideEstimateSquareKilometers, .squareKilometers))"
    }

    /// A map layer's area beside the estimate's tier it stands for: controlled against
    /// controlled, the wider layers against both tiers; nil for the rest.
    static func layerRatio(_ layer: MapLayer, _ measured: MapMeasurement) -> Double? {
        let estimate: Double
        switch layer.definition {
        case .controlled: estimate = measured.estimateControlledSquareKilometers
        case .controlledPlusGrey, .advancedOver: estimate = measured.estimateTotalSquareKilometers
        case .greyZone, .claimed, .otherSide: return nil
        }
        return estimate > 0 ? layer.areaSquareKilometers / estimate : nil
    }
}
