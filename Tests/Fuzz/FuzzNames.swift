// libFuzzer target: name folding and lookup, with "did you mean" suggestions, on arbitrary text.
import Foundation
import SalientIO

@testable import SalientCore

private let gazetteer: Gazetteer = {
    let folder =
        ProcessInfo.processInfo.environment["SALIENT_FUZZ_GAZETTEER"] ?? "Tests/SalientCLITests/Fixtures/gazetteer"
    do { return try GazetteerReader.read(folder: folder) } catch { fatalError("fuzz gazetteer: \(error)") }
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzNames(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: min(size, 256)), as: UTF8.self)
    let key = NameFolding.key(text)
    precondition(NameFolding.key(key) == NameFolding.key(key), "folding is not deterministic")
    if text.utf8.allSatisfy({ $0 < 0x80 }) {
        precondition(
            NameFolding.asciiWords(text) == NameFolding.unicodeWords(text), "the ASCII path splits differently")
    }
    // The bounded distance that suggestions use agrees with the full one wherever it answers.
    let characters = Array(text)
    let half = characters.count / 2
    let (a, b) = (Array(characters[..<half]), Array(characters[half...]))
    let full = NameFolding.editDistance(String(a), String(b))
    for limit in [0, 1, 3, 8] {
        precondition(
            NameFolding.editDistance(a, b, limit: limit) == (full <= limit ? full : nil), "bounded distance differs")
    }
    _ = gazetteer.match(text)
    return 0
}
