/// Text made safe inside XML or HTML, in content and in double-quoted attributes: the SVG
/// pictures and the time-slider page escape with this one rule.
enum MarkupEscaping {
    static func escaped(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
