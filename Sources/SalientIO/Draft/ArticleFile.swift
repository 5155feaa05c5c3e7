import Foundation
import SalientCore

/// An article read for drafting: UTF-8 text, not empty, with its own date line readable.
public enum ArticleFile {
    public static func draft(
        path: String, drafter: ArticleDrafter, published: CalendarDay?, territory: Territory? = nil
    )
        throws
        -> ArticleDraft
    {
        let text = try TextFile.read(path)
        guard text.unicodeScalars.contains(where: { !$0.properties.isWhitespace && $0 != "\u{FEFF}" }) else {
            throw InputError("the article is empty", file: path, line: 1, hint: "give a text file with the article")
        }
        // TextFile drops a byte-order mark; offsets still count from the file's first code point.
        let hasMark = FileManager.default.contents(atPath: path)?.starts(with: [0xEF, 0xBB, 0xBF]) ?? false
        do {
            return try drafter.draft(
                text: text, file: (path as NSString).lastPathComponent, published: published,
                offsetBase: hasMark ? 1 : 0, territory: territory)
        } catch .unparsableDateLine(let written) {
            throw InputError(
                "the publication date '\(written)' is not a day", file: path, line: 1, field: "date",
                hint: "write the first line as 'date YYYY-MM-DD', or pass --published")
        }
    }

    /// The source id an article is cited by: its file name without the extension, as a slug.
    public static func sourceID(for file: String) -> String {
        var slug = ""
        for scalar in ((file as NSString).deletingPathExtension).lowercased().unicodeScalars {
            if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) {
                slug.unicodeScalars.append(scalar)
            } else if !slug.hasSuffix("-") {
                slug += "-"
            }
        }
        return "draft-" + slug.trimmingCharacters(in: CharacterSet(charactersIn: "-"))
    }
}
