// libFuzzer target: name folding and lookup, with "did you mean" suggestions, on arbitrary text.
import Foundation
@testable import SalientCore
import SalientIO

private let gazetteer: Gazetteer = {
    let folder = ProcessInfo.processInfo.environment["SALIENT_FUZZ_GAZETTEER"] ?? "Tests/SalientCLITests/Fixtures/gazetteer"
    do { return try GazetteerReader.read(folder: folder) } catch { fatalError("fuzz gazetteer: \(error)") }
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzNames(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: min(size, 256)), as: UTF8.self)
    let key = NameFolding.key(text)
    precondition(NameFolding.key(key) == NameFolding.key(key), "folding is not deterministic")
    if text.utf8.allSatisfy({ $0 < 0x80 }) {
        precondition(NameFolding.asciiWords(text) == NameFolding.unicodeWords(text), "the ASCII path splits differently")
    }
    _ = gazetteer.match(text)
    return 0
}
