import Foundation

enum Paths {
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let gazetteer = repository.appendingPathComponent("gazetteer").path
    static let kursk = repository.appendingPathComponent("timelines/kursk-2024.yaml").path
}
