import CCairo
import Foundation
import SalientCore

/// The map's furniture: legend, north arrow, scale bar, header and footer, and the text they are set in.
extension MapPainter {
    // MARK: Legend, north arrow, scale bar

    func drawLegend(_ cr: OpaquePointer, texts: inout [DrawnText]) -> Rect {
        enum Symbol {
            case fill(RGB, Double)
            case border, outline
            case marker(EventKind)
        }
        var rows: [(Symbol, String)] = [
            (
                .fill(MapPalette.controlled, MapPalette.controlledOpacity),
                "Controlled by \(content.actor): \(squareKilometres(content.controlledSquareKilometers))"
            ),
            (
                .fill(MapPalette.contested, MapPalette.contestedOpacity),
                "Contested: \(squareKilometres(content.contestedSquareKilometers))"
            ),
            (.border, "Border: \(content.borderName)"),
            (.outline, "Outline: \(content.territoryNames.joined(separator: ", "))"),
        ]
        let present = Set(content.markers.map(\.kind))
        rows += EventKind.allCases.filter(present.contains).map { (.marker($0), Self.kindNames[$0] ?? $0.rawValue) }
        let size = 13 * unit
        let rowHeight = 21 * unit
        let pad = 10 * unit
        let swatch = 26 * unit
        selectFont(cr, size: size, bold: false)
        let textWidth = rows.map { advance(cr, $0.1) }.max() ?? 0
        let box = Rect(
            x: frame.x + 10 * unit, y: frame.y + 10 * unit, width: pad * 2 + swatch + 8 * unit + textWidth,
            height: pad * 2 + rowHeight * Double(rows.count + 1))
        cairo_rectangle(cr, box.x, box.y, box.width, box.height)
        setColour(cr, MapPalette.paper, alpha: 0.92)
        cairo_fill_preserve(cr)
        setColour(cr, MapPalette.territoryOutline)
        cairo_set_line_width(cr, 1 * unit)
        cairo_stroke(cr)
        text(cr, "Legend", x: box.x + pad, y: box.y + pad + size, size: size, bold: true, role: "legend", texts: &texts)
        for (i, row) in rows.enumerated() {
            let top = box.y + pad + rowHeight * Double(i + 1)
            let mid = top + rowHeight / 2
            let left = box.x + pad
            switch row.0 {
            case .fill(let colour, let opacity):
                cairo_rectangle(cr, left, mid - 7 * unit, swatch, 14 * unit)
                setColour(cr, MapPalette.territory)
                cairo_fill_preserve(cr)
                setColour(cr, colour, alpha: opacity)
                cairo_fill_preserve(cr)
                setColour(cr, colour)
                cairo_set_line_width(cr, 1.5 * unit)
                cairo_stroke(cr)
            case .border:
                cairo_move_to(cr, left, mid)
                cairo_line_to(cr, left + swatch, mid)
                setColour(cr, MapPalette.border)
                cairo_set_line_width(cr, 2.4 * unit)
                cairo_stroke(cr)
            case .outline:
                cairo_rectangle(cr, left, mid - 7 * unit, swatch, 14 * unit)
                paintTerritory(cr)
            case .marker(let kind):
                drawMarker(cr, kind, x: left + swatch / 2, y: mid)
            }
            selectFont(cr, size: size, bold: false)
            text(
                cr, row.1, x: left + swatch + 8 * unit, y: mid + 0.35 * size, size: size, bold: false, role: "legend",
                texts: &texts)
        }
        return box
    }

    func drawNorthArrow(_ cr: OpaquePointer, texts: inout [DrawnText]) -> Rect {
        let length = 42 * unit
        let cx = frame.maxX - 34 * unit
        let cy = frame.y + 34 * unit + length / 2
        // The plane's y grows north, the picture's grows down.
        let dx = content.north.x
        let dy = -content.north.y
        let tip = (cx + dx * length / 2, cy + dy * length / 2)
        let tail = (cx - dx * length / 2, cy - dy * length / 2)
        let side = (-dy * 8 * unit, dx * 8 * unit)
        cairo_new_path(cr)
        polygon(
            cr,
            [
                tip, (tail.0 + side.0, tail.1 + side.1), (cx - dx * length * 0.2, cy - dy * length * 0.2),
                (tail.0 - side.0, tail.1 - side.1),
            ])
        setColour(cr, MapPalette.halo)
        cairo_set_line_width(cr, 4 * unit)
        cairo_stroke_preserve(cr)
        setColour(cr, MapPalette.ink)
        cairo_fill(cr)
        let size = 15 * unit
        selectFont(cr, size: size, bold: true)
        let w = advance(cr, "N")
        text(
            cr, "N", x: tip.0 + dx * 6 * unit - w / 2, y: tip.1 + dy * 6 * unit - 0.1 * size, size: size, bold: true,
            role: "north", texts: &texts, halo: true)
        return Rect(x: cx - 24 * unit, y: cy - length / 2 - 26 * unit, width: 48 * unit, height: length + 34 * unit)
    }

    /// A round length near a fifth of the frame, measured in the equidistant plane, whose
    /// scale is true at its centre and off by about 0.01 % 150 km away.
    func drawScaleBar(_ cr: OpaquePointer, texts: inout [DrawnText]) -> Rect {
        let wanted = frame.width / 5 / pixelsPerMetre
        let magnitude = pow(10, floor(log10(wanted)))
        let metres = [5.0, 2, 1].map { $0 * magnitude }.first { $0 <= wanted } ?? magnitude
        let length = metres * pixelsPerMetre
        let left = frame.x + 16 * unit
        let baseline = frame.maxY - 18 * unit
        let barHeight = 7 * unit
        let box = Rect(x: left - 8 * unit, y: baseline - 34 * unit, width: length + 70 * unit, height: 46 * unit)
        cairo_rectangle(cr, box.x, box.y, box.width, box.height)
        setColour(cr, MapPalette.paper, alpha: 0.85)
        cairo_fill(cr)
        for half in 0..<2 {
            cairo_rectangle(cr, left + length / 2 * Double(half), baseline - barHeight, length / 2, barHeight)
            setColour(cr, half == 0 ? MapPalette.ink : MapPalette.paper)
            cairo_fill_preserve(cr)
            setColour(cr, MapPalette.ink)
            cairo_set_line_width(cr, 1 * unit)
            cairo_stroke(cr)
        }
        let size = 12 * unit
        selectFont(cr, size: size, bold: false)
        let label = metres >= 1000 ? "\(formatNumber(metres / 1000)) km" : "\(formatNumber(metres)) m"
        text(
            cr, "0", x: left - advance(cr, "0") / 2, y: baseline - barHeight - 5 * unit, size: size, bold: false,
            role: "scale", texts: &texts)
        text(
            cr, label, x: left + length - advance(cr, label) / 2, y: baseline - barHeight - 5 * unit, size: size,
            bold: false, role: "scale", texts: &texts)
        return box
    }

    // MARK: Header and footer

    func drawHeaderAndFooter(_ cr: OpaquePointer, texts: inout [DrawnText]) {
        let left = 16 * unit
        let right = Double(width) - 16 * unit
        text(
            cr, content.title, x: left, y: 24 * unit, size: 15 * unit, bold: false, role: "title", texts: &texts,
            colour: MapPalette.secondaryInk, fitting: right - left)
        text(
            cr, "Estimated control as of \(Self.longDate(content.day))", x: left, y: 56 * unit, size: 24 * unit,
            bold: true, role: "date", texts: &texts, fitting: right - left)
        let center = content.projection.center
        var notes =
            "Projection: azimuthal equidistant centred on \(String(format: "%.4f", center.lat))° N, "
            + "\(String(format: "%.4f", center.lon))° E; scale bar measured in that plane."
        if content.undrawnEventCount > 0 {
            notes =
                "\(content.undrawnEventCount) event\(content.undrawnEventCount == 1 ? "" : "s") located only to a "
                + "region not drawn. " + notes
        }
        let lines: [(String, String)] = [
            ("Method: \(content.method)", "method"),
            ("Map data: \(content.credits.joined(separator: "; "))", "attribution"),
            ("Reports: \(content.outlets.isEmpty ? "none" : content.outlets.joined(separator: "; "))", "attribution"),
            (notes, "note"),
        ]
        for (i, line) in lines.enumerated() {
            text(
                cr, line.0, x: left, y: frame.maxY + 22 * unit + 19 * unit * Double(i), size: 12.5 * unit, bold: false,
                role: line.1, texts: &texts, colour: i == 1 ? MapPalette.ink : MapPalette.secondaryInk,
                fitting: right - left)
        }
    }

    static func longDate(_ day: CalendarDay) -> String {
        let months = [
            "January", "February", "March", "April", "May", "June", "July", "August", "September",
            "October", "November", "December",
        ]
        let c = day.components
        return "\(c.day) \(months[c.month - 1]) \(c.year)"
    }

    func squareKilometres(_ value: Double) -> String {
        let formatter = NumberFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.numberStyle = .decimal
        formatter.usesGroupingSeparator = true
        formatter.groupingSeparator = ","
        formatter.maximumFractionDigits = 0
        return "\(formatter.string(from: NSNumber(value: value.rounded())) ?? "\(Int(value.rounded()))") km²"
    }

    func formatNumber(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }

    // MARK: Text

    func setUpText(_ cr: OpaquePointer) {
        // Unhinted metrics: the PNG and the SVG then measure, and so place, text identically.
        let options = cairo_font_options_create()
        cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF)
        cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE)
        cairo_font_options_set_antialias(options, CAIRO_ANTIALIAS_GRAY)
        cairo_set_font_options(cr, options)
        cairo_font_options_destroy(options)
    }

    func selectFont(_ cr: OpaquePointer, size: Double, bold: Bool) {
        cairo_select_font_face(
            cr, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL,
            bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL)
        cairo_set_font_size(cr, size)
    }

    func advance(_ cr: OpaquePointer, _ string: String) -> Double {
        var extents = cairo_text_extents_t()
        cairo_text_extents(cr, string, &extents)
        return extents.x_advance
    }

    /// Draws a line of text; with `fitting`, shrinks it (to 70 %) and then shortens it with an
    /// ellipsis so that it stays one line within that width.
    func text(
        _ cr: OpaquePointer, _ string: String, x: Double, y: Double, size: Double, bold: Bool,
        role: String, texts: inout [DrawnText], colour: RGB = MapPalette.ink, halo: Bool = false,
        fitting maxWidth: Double? = nil
    ) {
        var shown = string
        var fontSize = size
        selectFont(cr, size: fontSize, bold: bold)
        if let maxWidth {
            let natural = advance(cr, shown)
            if natural > maxWidth {
                fontSize = max(size * 0.7, size * maxWidth / natural)
                selectFont(cr, size: fontSize, bold: bold)
            }
            while advance(cr, shown) > maxWidth, shown.count > 1 {
                shown = String(shown.dropLast(2)) + "…"
            }
        }
        cairo_move_to(cr, x, y)
        if halo {
            cairo_text_path(cr, shown)
            setColour(cr, MapPalette.halo)
            cairo_set_line_width(cr, 3.5 * unit)
            cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND)
            cairo_stroke_preserve(cr)
            setColour(cr, colour)
            cairo_fill(cr)
        } else {
            setColour(cr, colour)
            cairo_show_text(cr, shown)
        }
        cairo_new_path(cr)
        texts.append(DrawnText(role: role, text: shown, x: x, y: y, size: fontSize))
    }

    func setColour(_ cr: OpaquePointer, _ colour: RGB, alpha: Double = 1) {
        cairo_set_source_rgba(cr, colour.red, colour.green, colour.blue, alpha)
    }
}
