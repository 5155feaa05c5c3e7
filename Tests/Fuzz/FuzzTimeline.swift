// libFuzzer target: the timeline reader on arbitrary bytes. Any thrown InputError is a correct
// answer; a crash, a leak, a hang or a sanitizer report is a bug.
import Foundation
import SalientCore
import SalientIO

private let gazetteer: Gazetteer = {
    let folder =
        ProcessInfo.processInfo.environment["SALIENT_FUZZ_GAZETTEER"] ?? "Tests/SalientCLITests/Fixtures/gazetteer"
    do { return try GazetteerReader.read(folder: folder) } catch { fatalError("fuzz gazetteer: \(error)") }
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTimeline(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard let text = String(validating: UnsafeBufferPointer(start: data, count: size), as: UTF8.self) else { return 0 }
    _ = try? TimelineReader.parse(text: text, file: "fuzz.yaml", gazetteer: gazetteer)
    return 0
}
