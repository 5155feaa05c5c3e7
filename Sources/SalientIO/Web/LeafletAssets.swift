import Foundation

/// A program or data file Salient needs from the system and cannot find. Not the user's input:
/// the command line reports it with the package to install and exits 1.
public struct MissingDependency: Error, CustomStringConvertible, Equatable, Sendable {
    public var what: String
    public var path: String
    public var install: String

    public var description: String { "\(what) not found at \(path) — \(install)" }
}

/// Leaflet's script and style sheet, read from Debian's `libjs-leaflet`, to be inlined into a
/// page that must work offline from `file://` (no CDN, no fetch of local files).
public struct LeafletAssets: Equatable, Sendable {
    public var script: String
    public var styleSheet: String

    /// Debian's location; `SALIENT_LEAFLET_DIR` names another folder with the same two files.
    public static var defaultFolder: String {
        ProcessInfo.processInfo.environment["SALIENT_LEAFLET_DIR"] ?? "/usr/share/javascript/leaflet"
    }

    public static func load(from folder: String = defaultFolder) throws -> LeafletAssets {
        func read(_ name: String) throws -> String {
            let path = (folder as NSString).appendingPathComponent(name)
            guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8)
            else {
                throw MissingDependency(
                    what: "Leaflet", path: path,
                    install:
                        "install Debian's libjs-leaflet (apt-get install libjs-leaflet), or set SALIENT_LEAFLET_DIR")
            }
            return text
        }
        return LeafletAssets(script: try read("leaflet.js"), styleSheet: try read("leaflet.css"))
    }
}
