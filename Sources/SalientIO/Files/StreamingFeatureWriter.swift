import Foundation

/// Writes a FeatureCollection to a file one feature at a time, so long series never sit in
/// memory whole. The bytes equal `GeoJSONWriter.featureCollection` for the same features.
final class StreamingFeatureWriter {
    private let file: StreamingTextFile
    private var keys: [String]?
    private(set) var count = 0

    init(path: String, name: String) throws {
        file = try StreamingTextFile(path: path)
        try file.write(GeoJSONWriter.header(name: name))
    }

    func write(_ feature: GeoJSONFeature) throws {
        let featureKeys = feature.properties.map(\.0)
        precondition(keys == nil || keys == featureKeys, "every feature must carry the same keys")
        keys = featureKeys
        try file.write((count == 0 ? "" : ",\n") + GeoJSONWriter.line(feature))
        count += 1
    }

    func finish() throws {
        try file.write(GeoJSONWriter.footer(empty: count == 0))
        try file.close()
    }
}

/// A text file written in pieces and flushed to disk when closed.
final class StreamingTextFile {
    let path: String
    private var handle: FileHandle?

    init(path: String) throws {
        self.path = path
        guard FileManager.default.createFile(atPath: path, contents: nil), let handle = FileHandle(forWritingAtPath: path) else {
            throw InputError("cannot write the output: \(String(cString: strerror(errno)))", file: path,
                             hint: "check that the folder exists and is writable")
        }
        self.handle = handle
    }

    func write(_ text: String) throws {
        var text = text
        try text.withUTF8 { try write(UnsafeRawBufferPointer($0)) }
    }

    func write(bytes: [UInt8]) throws {
        try bytes.withUnsafeBytes { try write($0) }
    }

    private func write(_ bytes: UnsafeRawBufferPointer) throws {
        do {
            try handle?.write(contentsOf: bytes)
        } catch {
            throw InputError("cannot write the output: \(error.localizedDescription)", file: path)
        }
    }

    func close() throws {
        guard let handle else { return }
        self.handle = nil
        do {
            try handle.synchronize()
            try handle.close()
        } catch {
            throw InputError("cannot write the output: \(error.localizedDescription)", file: path)
        }
    }

    deinit {
        try? handle?.close()
    }
}
