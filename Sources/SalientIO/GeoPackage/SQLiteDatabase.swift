import CSQLite
import Foundation

/// A failure of SQLite itself (disk full, I/O error), not of the user's input: exit code 1.
public struct SQLiteError: Error, CustomStringConvertible, Sendable {
    public var operation: String
    public var message: String
    public var file: String

    public var description: String { "SQLite \(operation) failed: \(message) (\(file))" }
}

/// A value bound to a statement's parameter.
enum SQLiteValue: Equatable {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)
    case blob([UInt8])
}

/// Owns one SQLite connection, opened read-write on a file it may create; closed exactly once.
final class SQLiteDatabase {
    private var handle: OpaquePointer?
    let path: String

    init(creating path: String) throws {
        self.path = path
        var handle: OpaquePointer?
        // returns SQLITE_OK, or an error code with a handle that still needs closing
        let flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOFOLLOW
        let code = sqlite3_open_v2(path, &handle, flags, nil)
        guard code == SQLITE_OK, let handle else {
            let message = handle.map { String(cString: sqlite3_errmsg($0)) } ?? String(cString: sqlite3_errstr(code))
            sqlite3_close_v2(handle)
            throw SQLiteError(operation: "open", message: message, file: path)
        }
        self.handle = handle
    }

    deinit {
        if let handle { sqlite3_close_v2(handle) }
    }

    /// Runs statements that take no parameters, in order.
    func execute(_ sql: String) throws {
        // returns SQLITE_OK or an error code; the message is read from the connection
        guard sqlite3_exec(try connection(), sql, nil, nil, nil) == SQLITE_OK else { throw failure("exec") }
    }

    /// Runs one statement once for each row of `rows`, binding the row's values in order.
    func run(_ sql: String, rows: [[SQLiteValue]]) throws {
        let db = try connection()
        var statement: OpaquePointer?
        // returns SQLITE_OK or an error code, with statement NULL
        guard sqlite3_prepare_v2(db, sql, -1, &statement, nil) == SQLITE_OK, let statement else {
            throw failure("prepare")
        }
        defer { sqlite3_finalize(statement) }
        for row in rows {
            for (index, value) in row.enumerated() { try bind(value, at: Int32(index + 1), in: statement) }
            // SQLITE_DONE when the statement completed
            guard sqlite3_step(statement) == SQLITE_DONE else { throw failure("step") }
            sqlite3_reset(statement)
            sqlite3_clear_bindings(statement)
        }
    }

    /// Closes the connection, reporting a failure to flush what it held.
    func close() throws {
        guard let handle else { return }
        self.handle = nil
        // returns SQLITE_BUSY while statements are unfinalized: none outlive `run`
        let code = sqlite3_close(handle)
        guard code == SQLITE_OK else {
            sqlite3_close_v2(handle)
            throw SQLiteError(operation: "close", message: String(cString: sqlite3_errstr(code)), file: path)
        }
    }

    private func connection() throws -> OpaquePointer {
        guard let handle else { throw SQLiteError(operation: "use", message: "the database is closed", file: path) }
        return handle
    }

    private func failure(_ operation: String) -> SQLiteError {
        let message = handle.map { String(cString: sqlite3_errmsg($0)) } ?? "the database is closed"
        return SQLiteError(operation: operation, message: message, file: path)
    }

    /// SQLite copies the bytes it is given (SQLITE_TRANSIENT), so Swift's buffers need not outlive the call.
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    private func bind(_ value: SQLiteValue, at index: Int32, in statement: OpaquePointer) throws {
        let code: Int32
        switch value {
        case .null: code = sqlite3_bind_null(statement, index)
        case .integer(let v): code = sqlite3_bind_int64(statement, index, v)
        case .real(let v): code = sqlite3_bind_double(statement, index, v)
        case .text(let s): code = sqlite3_bind_text(statement, index, s, -1, Self.transient)
        case .blob(let bytes):
            code = bytes.withUnsafeBytes { buffer in
                // a zero-length blob still needs a non-NULL pointer, or SQLite binds NULL
                let start = buffer.baseAddress ?? UnsafeRawPointer(bitPattern: 1)
                return sqlite3_bind_blob(statement, index, start, Int32(buffer.count), Self.transient)
            }
        }
        guard code == SQLITE_OK else { throw failure("bind") }
    }
}
