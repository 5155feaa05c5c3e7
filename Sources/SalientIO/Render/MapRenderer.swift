import CCairo
import Foundation
import SalientCore

/// Renders one day's map as PNG bytes and SVG text with one drawing routine on two cairo surfaces.
public enum MapRenderer {
    public struct Picture {
        public var png: Data
        public var svg: String
    }

    enum Failure: Error, CustomStringConvertible {
        case cairo(String)
        case projection(String)
        var description: String {
            switch self {
            case .cairo(let what): return "cairo failed: \(what)"
            case .projection(let definition): return "cannot draw in the estimate's projection \(definition)"
            }
        }
    }

    public static func render(_ content: MapContent, width: Int) throws -> Picture {
        let painter = MapPainter(content: content, width: width)
        return Picture(png: try png(painter), svg: try svg(painter))
    }

    private final class ByteSink {
        var bytes: [UInt8] = []
    }

    private static let collect: cairo_write_func_t = { closure, data, length in
        guard let closure, let data else { return CAIRO_STATUS_WRITE_ERROR }
        Unmanaged<ByteSink>.fromOpaque(closure).takeUnretainedValue().bytes
            .append(contentsOf: UnsafeBufferPointer(start: data, count: Int(length)))
        return CAIRO_STATUS_SUCCESS
    }

    private static func png(_ painter: MapPainter) throws -> Data {
        guard let surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, Int32(painter.width), Int32(painter.height))
        else { throw Failure.cairo("no image surface") }
        defer { cairo_surface_destroy(surface) }
        try paint(painter, on: surface)
        let sink = ByteSink()
        let status = cairo_surface_write_to_png_stream(surface, collect, Unmanaged.passUnretained(sink).toOpaque())
        try check(status)
        return Data(sink.bytes)
    }

    private static func svg(_ painter: MapPainter) throws -> String {
        let sink = ByteSink()
        let texts: [DrawnText] = try withExtendedLifetime(sink) {
            guard
                let surface = cairo_svg_surface_create_for_stream(
                    collect, Unmanaged.passUnretained(sink).toOpaque(),
                    Double(painter.width), Double(painter.height))
            else { throw Failure.cairo("no SVG surface") }
            defer { cairo_surface_destroy(surface) }
            cairo_svg_surface_restrict_to_version(surface, CAIRO_SVG_VERSION_1_1)
            cairo_svg_surface_set_document_unit(surface, CAIRO_SVG_UNIT_PX)
            let texts = try paint(painter, on: surface)
            cairo_surface_finish(surface)
            let status = cairo_surface_status(surface)
            try check(status)
            return texts
        }
        let drawn = String(decoding: sink.bytes, as: UTF8.self)
        return withTextLayer(renumberingSurfaces(drawn), texts: texts, title: painter.content)
    }

    private static func check(_ status: cairo_status_t) throws {
        guard status == CAIRO_STATUS_SUCCESS else {
            throw Failure.cairo(String(cString: cairo_status_to_string(status)))
        }
    }

    @discardableResult
    private static func paint(_ painter: MapPainter, on surface: OpaquePointer) throws -> [DrawnText] {
        guard let cr = cairo_create(surface) else { throw Failure.cairo("no context") }
        defer { cairo_destroy(cr) }
        let texts = painter.draw(cr)
        let status = cairo_status(cr)
        try check(status)
        return texts
    }

    /// cairo numbers SVG surfaces from a counter shared by the whole process, so the same day
    /// rendered alone or after others would differ; numbering them by first use makes the
    /// file depend on the map only.
    static func renumberingSurfaces(_ svg: String) -> String {
        guard let pattern = try? NSRegularExpression(pattern: "surface[0-9]+") else { return svg }
        let ns = svg as NSString
        var numbers: [String: Int] = [:]
        var out = ""
        var last = 0
        for match in pattern.matches(in: svg, range: NSRange(location: 0, length: ns.length)) {
            let token = ns.substring(with: match.range)
            let number = numbers[token] ?? (numbers.count + 1)
            numbers[token] = number
            out += ns.substring(with: NSRange(location: last, length: match.range.location - last)) + "surface\(number)"
            last = match.range.location + match.range.length
        }
        return out + ns.substring(from: last)
    }

    /// Adds the map's words as invisible SVG text over the glyph outlines cairo drew, the way a
    /// scanned PDF carries its text: a reader can search, select and hear them.
    static func withTextLayer(_ svg: String, texts: [DrawnText], title content: MapContent) -> String {
        var layer = "<g id=\"salient-text\" fill-opacity=\"0\" stroke=\"none\" font-family=\"DejaVu Sans\">\n"
        layer +=
            "<title>\(MarkupEscaping.escaped("\(content.title): estimated control as of \(content.day)"))</title>\n"
        for t in texts {
            layer +=
                "<text class=\"\(t.role)\" x=\"\(number(t.x))\" y=\"\(number(t.y))\" "
                + "font-size=\"\(number(t.size))\">\(MarkupEscaping.escaped(t.text))</text>\n"
        }
        layer += "</g>\n"
        guard let end = svg.range(of: "</svg>", options: .backwards) else { return svg + layer }
        return svg.replacingCharacters(in: end.lowerBound..<end.lowerBound, with: layer)
    }

    private static func number(_ value: Double) -> String {
        String(format: "%.2f", value)
    }
}
