import CSV
import Foundation

/// A CSV file read by CSV.swift (RFC 4180: quoted fields, doubled quotes, CRLF or LF) into a
/// header and rows, every row as long as the header, with messages naming row and column.
struct CSVTable {
    let file: String
    let header: [String]
    let rows: [[String]]
    private let columnIndex: [String: Int]

    init(path: String, required: [String]) throws {
        try self.init(text: try TextFile.read(path), file: path, required: required)
    }

    init(text: String, file: String, required: [String]) throws {
        self.file = file
        let reader: CSVReader
        do {
            reader = try CSVReader(string: text, hasHeaderRow: true)
        } catch {
            throw InputError("the file has no CSV header row", file: file, line: 1)
        }
        let header = (reader.headerRow ?? []).map { $0.trimmingCharacters(in: .whitespaces) }
        var rows: [[String]] = []
        while let row = reader.next() {
            // A trailing blank line reads as one empty field; it is not a record.
            if row == [""] { continue }
            guard row.count == header.count else {
                throw InputError(
                    "row \(rows.count + 1) has \(row.count) fields, the header has \(header.count)",
                    file: file, hint: "quote fields that hold commas")
            }
            rows.append(row)
        }
        if let error = reader.error {
            throw InputError("the CSV cannot be read (\(error))", file: file, line: nil)
        }
        var index: [String: Int] = [:]
        for (i, name) in header.enumerated() where index[name] == nil { index[name] = i }
        for column in required where index[column] == nil {
            throw InputError(
                "missing required column '\(column)'", file: file, line: 1, field: column,
                hint: "the header has " + header.prefix(8).joined(separator: ", ")
                    + (header.count > 8 ? ", …" : ""))
        }
        self.header = header
        self.rows = rows
        self.columnIndex = index
    }

    /// The value in a column ("" when the file has no such optional column), trimmed.
    func value(_ column: String, row: Int) -> String {
        columnIndex[column].map { rows[row][$0].trimmingCharacters(in: .whitespaces) } ?? ""
    }

    /// Rows are numbered from 1, the first after the header, as spreadsheets and pandas users count records.
    func error(_ message: String, row: Int, column: String, hint: String? = nil) -> InputError {
        InputError("row \(row + 1): \(message)", file: file, field: column, hint: hint)
    }

    func integer(_ column: String, row: Int) throws -> Int {
        let text = value(column, row: row)
        guard let number = Int(text) else {
            throw error("'\(text)' is not a whole number", row: row, column: column)
        }
        return number
    }

    func coordinate(_ column: String, row: Int, limit: Double) throws -> Double {
        let text = value(column, row: row)
        guard let number = Double(text), number.isFinite, abs(number) <= limit else {
            throw error(
                "'\(text)' is not a coordinate in degrees", row: row, column: column,
                hint: "write a decimal number from -\(Int(limit)) to \(Int(limit))")
        }
        return number
    }
}
