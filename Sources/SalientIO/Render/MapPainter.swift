import CCairo
import Foundation
import SalientCore

/// A piece of text drawn on the map. cairo's SVG surface writes glyphs as outlines, so the
/// words are kept to be added to the SVG as a text layer (searchable, readable, checkable).
struct DrawnText: Hashable {
    var role: String
    var text: String
    var x: Double, y: Double, size: Double
}

/// Draws one day's map on a cairo context: the same routine for the PNG and the SVG surface.
struct MapPainter {
    struct Rect {
        var x: Double, y: Double, width: Double, height: Double
        var maxX: Double { x + width }
        var maxY: Double { y + height }

        func intersects(_ other: Rect) -> Bool {
            x < other.maxX && other.x < maxX && y < other.maxY && other.y < maxY
        }

        func contains(_ other: Rect) -> Bool {
            other.x >= x && other.maxX <= maxX && other.y >= y && other.maxY <= maxY
        }
    }

    let content: MapContent
    let width: Int
    let height: Int

    init(content: MapContent, width: Int) {
        self.content = content
        self.width = width
        self.height = Int((Double(width) * 0.75).rounded())
    }

    /// Everything is laid out for 1200 px and scaled, so a wider picture is the same map.
    var unit: Double { Double(width) / 1200 }
    var frame: Rect {
        Rect(
            x: 16 * unit, y: 70 * unit, width: Double(width) - 32 * unit,
            height: Double(height) - 70 * unit - 88 * unit)
    }

    /// Metres in the plane to pixels: the extent fitted into the frame, north of the plane up.
    var pixelsPerMetre: Double {
        let e = content.extent
        return min(frame.width / (e.maxX - e.minX), frame.height / (e.maxY - e.minY))
    }

    func pixel(_ p: PlanarPoint) -> (x: Double, y: Double) {
        let e = content.extent
        let k = pixelsPerMetre
        return (
            frame.x + frame.width / 2 + (p.x - (e.minX + e.maxX) / 2) * k,
            frame.y + frame.height / 2 - (p.y - (e.minY + e.maxY) / 2) * k
        )
    }

    func draw(_ cr: OpaquePointer) -> [DrawnText] {
        var texts: [DrawnText] = []
        setUpText(cr)
        setColour(cr, MapPalette.paper)
        cairo_paint(cr)

        cairo_save(cr)
        cairo_rectangle(cr, frame.x, frame.y, frame.width, frame.height)
        cairo_clip(cr)
        drawLayers(cr)
        let markerBoxes = drawMarkers(cr)
        cairo_restore(cr)
        setColour(cr, MapPalette.territoryOutline)
        cairo_set_line_width(cr, 1 * unit)
        cairo_rectangle(cr, frame.x, frame.y, frame.width, frame.height)
        cairo_stroke(cr)

        let legend = drawLegend(cr, texts: &texts)
        let north = drawNorthArrow(cr, texts: &texts)
        let scale = drawScaleBar(cr, texts: &texts)
        drawLabels(cr, obstacles: [legend, north, scale] + markerBoxes, texts: &texts)
        drawHeaderAndFooter(cr, texts: &texts)
        return texts
    }

    // MARK: Layers

    /// Fills the current path as territory and strokes its dashed outline: on the map and in
    /// the legend's swatch alike.
    func paintTerritory(_ cr: OpaquePointer) {
        setColour(cr, MapPalette.territory)
        cairo_fill_preserve(cr)
        setColour(cr, MapPalette.territoryOutline)
        cairo_set_line_width(cr, 1.2 * unit)
        cairo_set_dash(cr, [6 * unit, 3 * unit], 2, 0)
        cairo_stroke(cr)
        cairo_set_dash(cr, nil, 0, 0)
    }

    private func drawLayers(_ cr: OpaquePointer) {
        for area in content.territory {
            path(cr, area)
            paintTerritory(cr)
        }
        for (area, colour, opacity) in [
            (content.contested, MapPalette.contested, MapPalette.contestedOpacity),
            (content.controlled, MapPalette.controlled, MapPalette.controlledOpacity),
        ] {
            path(cr, area)
            setColour(cr, colour, alpha: opacity)
            cairo_fill_preserve(cr)
            setColour(cr, colour)
            cairo_set_line_width(cr, 1.5 * unit)
            cairo_stroke(cr)
        }
        // A white casing keeps the border readable where it crosses a tier.
        for (colour, widthInUnits) in [(MapPalette.halo, 5.0), (MapPalette.border, 2.4)] {
            for line in content.border.lines where line.count > 1 {
                moveAndLine(cr, line)
            }
            setColour(cr, colour)
            cairo_set_line_width(cr, widthInUnits * unit)
            cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND)
            cairo_stroke(cr)
        }
    }

    private func path(_ cr: OpaquePointer, _ multi: MultiPolygon<PlanarPoint>) {
        cairo_new_path(cr)
        cairo_set_fill_rule(cr, CAIRO_FILL_RULE_EVEN_ODD)
        for ring in multi.polygons.flatMap(\.rings) where ring.count > 2 {
            moveAndLine(cr, ring)
            cairo_close_path(cr)
        }
    }

    private func moveAndLine(_ cr: OpaquePointer, _ points: [PlanarPoint]) {
        for (i, p) in points.enumerated() {
            let q = pixel(p)
            if i == 0 { cairo_move_to(cr, q.x, q.y) } else { cairo_line_to(cr, q.x, q.y) }
        }
    }

    // MARK: Events

    private var markerRadius: Double { 5.5 * unit }

    /// Markers at one position stand side by side, one per kind, so none hides another.
    private func drawMarkers(_ cr: OpaquePointer) -> [Rect] {
        var kindsAt: [PlanarPoint: [EventKind]] = [:]
        var order: [PlanarPoint] = []
        for marker in content.markers {
            if kindsAt[marker.position] == nil { order.append(marker.position) }
            if !kindsAt[marker.position, default: []].contains(marker.kind) {
                kindsAt[marker.position, default: []].append(marker.kind)
            }
        }
        var boxes: [Rect] = []
        let step = markerRadius * 2.4
        for position in order {
            let kinds = EventKind.allCases.filter { kindsAt[position]!.contains($0) }
            let centre = pixel(position)
            let left = centre.x - step * Double(kinds.count - 1) / 2
            for (i, kind) in kinds.enumerated() {
                drawMarker(cr, kind, x: left + step * Double(i), y: centre.y)
            }
            boxes.append(
                Rect(
                    x: left - markerRadius - 1, y: centre.y - markerRadius - 1,
                    width: step * Double(kinds.count - 1) + 2 * markerRadius + 2,
                    height: 2 * markerRadius + 2))
        }
        return boxes
    }

    /// Kinds differ by shape (filled for ground reports, hollow for the rest), never by colour alone.
    func drawMarker(_ cr: OpaquePointer, _ kind: EventKind, x: Double, y: Double) {
        let r = markerRadius
        cairo_new_path(cr)
        switch kind {
        case .control, .statement:
            cairo_arc(cr, x, y, r, 0, 2 * .pi)
        case .advance:
            polygon(cr, [(x, y - r * 1.15), (x + r, y + r * 0.8), (x - r, y + r * 0.8)])
        case .evacuation:
            polygon(cr, [(x, y + r * 1.15), (x + r, y - r * 0.8), (x - r, y - r * 0.8)])
        case .contested:
            polygon(cr, [(x, y - r * 1.2), (x + r, y), (x, y + r * 1.2), (x - r, y)])
        case .strike, .emergency:
            cairo_rectangle(cr, x - r * 0.85, y - r * 0.85, r * 1.7, r * 1.7)
        case .repelled:
            let d = r * 0.9
            cairo_move_to(cr, x - d, y - d)
            cairo_line_to(cr, x + d, y + d)
            cairo_move_to(cr, x + d, y - d)
            cairo_line_to(cr, x - d, y + d)
            cairo_set_line_cap(cr, CAIRO_LINE_CAP_ROUND)
            setColour(cr, MapPalette.halo)
            cairo_set_line_width(cr, 5 * unit)
            cairo_stroke_preserve(cr)
            setColour(cr, MapPalette.ink)
            cairo_set_line_width(cr, 2.2 * unit)
            cairo_stroke(cr)
            return
        }
        let filled: Set<EventKind> = [.control, .advance, .contested, .strike]
        setColour(cr, MapPalette.halo)
        cairo_set_line_width(cr, 3.5 * unit)
        cairo_stroke_preserve(cr)
        setColour(cr, filled.contains(kind) ? MapPalette.ink : MapPalette.halo)
        cairo_fill_preserve(cr)
        setColour(cr, MapPalette.ink)
        cairo_set_line_width(cr, 1.6 * unit)
        cairo_stroke(cr)
    }

    func polygon(_ cr: OpaquePointer, _ corners: [(Double, Double)]) {
        for (i, c) in corners.enumerated() {
            if i == 0 { cairo_move_to(cr, c.0, c.1) } else { cairo_line_to(cr, c.0, c.1) }
        }
        cairo_close_path(cr)
    }

    static let kindNames: [EventKind: String] = [
        .control: "Control reported", .advance: "Advance reported", .contested: "Fighting reported",
        .repelled: "Attack reported repelled", .strike: "Strike", .evacuation: "Evacuation",
        .emergency: "Emergency declared", .statement: "Statement",
    ]

    // MARK: Labels

    /// Greedy placement: each label, most important first, takes the first of eight spots
    /// around its marker that stays in the frame and overlaps nothing placed so far; a label
    /// with no free spot is left out rather than drawn over another.
    private func drawLabels(_ cr: OpaquePointer, obstacles: [Rect], texts: inout [DrawnText]) {
        var taken = obstacles
        let size = 13 * unit
        let gap = 4 * unit
        selectFont(cr, size: size, bold: false)
        for label in content.labels {
            let anchor = pixel(label.anchor)
            let box =
                taken.first { $0.x <= anchor.x && anchor.x <= $0.maxX && $0.y <= anchor.y && anchor.y <= $0.maxY }
                ?? Rect(
                    x: anchor.x - markerRadius, y: anchor.y - markerRadius,
                    width: 2 * markerRadius, height: 2 * markerRadius)
            let w = advance(cr, label.text)
            let h = size
            let candidates = [
                (box.maxX + gap, anchor.y - h / 2), (box.x - gap - w, anchor.y - h / 2),
                (anchor.x - w / 2, box.y - gap - h), (anchor.x - w / 2, box.maxY + gap),
                (box.maxX + gap, box.y - h), (box.maxX + gap, box.maxY),
                (box.x - gap - w, box.y - h), (box.x - gap - w, box.maxY),
            ]
            let inner = Rect(x: frame.x + 2, y: frame.y + 2, width: frame.width - 4, height: frame.height - 4)
            let spots = candidates.map { Rect(x: $0.0, y: $0.1, width: w, height: h) }
            guard
                let spot = spots.first(where: { spot in
                    inner.contains(spot) && !taken.contains { $0.intersects(spot) }
                })
            else { continue }
            taken.append(spot)
            // The baseline sits about a fifth of the size above the box's bottom (DejaVu's descent).
            text(
                cr, label.text, x: spot.x, y: spot.maxY - 0.2 * size, size: size, bold: false, role: "label",
                texts: &texts, halo: true)
        }
    }
}
