import CPostgres
import Foundation

/// A PostgreSQL server that failed during a run (after it accepted the connection): not the
/// user's input, so the command line exits 1. The run's transaction is rolled back.
public struct DatabaseFailure: Error, CustomStringConvertible, Equatable, Sendable {
    public var message: String
    public var description: String { message }
}

/// One libpq connection. Messages name the server by host and port, never by the URL, which
/// may hold a password.
final class PostGISConnection {
    private let connection: OpaquePointer
    let server: String

    /// Connects to a `postgresql://` URL (or any libpq connection string); a URL that does not
    /// parse or a server that refuses is the user's to fix (exit 2).
    init(url: String) throws {
        var parseError: UnsafeMutablePointer<CChar>?
        guard url.hasPrefix("postgresql://") || url.hasPrefix("postgres://"),
            let options = PQconninfoParse(url, &parseError)
        else {
            let reason = parseError.map { String(cString: $0).trimmingCharacters(in: .whitespacesAndNewlines) }
            parseError.map { PQfreemem($0) }
            throw InputError(
                "the database URL does not parse" + (reason.map { ": \($0)" } ?? ""), file: "--postgis",
                hint: "write it as postgresql://USER@HOST:PORT/DATABASE (the password from PGPASSWORD or ~/.pgpass)")
        }
        PQconninfoFree(options)
        guard let connection = PQconnectdb(url) else {
            throw DatabaseFailure(message: "libpq could not allocate a connection")
        }
        self.connection = connection
        server = "\(String(cString: PQhost(connection))):\(String(cString: PQport(connection)))"
        guard PQstatus(connection) == CONNECTION_OK else {
            // deinit finishes the connection: every stored property is set.
            let reason = Self.firstLine(String(cString: PQerrorMessage(connection)))
            throw InputError(
                "the PostgreSQL server at \(server) refused the connection: \(reason)", file: "--postgis",
                hint: "check the host, port, database and user, and that the server is running")
        }
    }

    deinit { PQfinish(connection) }

    /// Quiet notices ("relation already exists, skipping"): libpq would print them on stderr.
    func silenceNotices() throws {
        try execute("SET client_min_messages TO warning")
    }

    /// The first line of a libpq message, without a password even if the server echoed one.
    private static func firstLine(_ message: String) -> String {
        message.split(separator: "\n").first.map(String.init) ?? message
    }

    /// Runs one statement with text parameters (nil for NULL) and returns the rows' text values.
    @discardableResult
    func execute(_ sql: String, _ parameters: [String?] = []) throws -> [[String?]] {
        let cStrings = parameters.map { $0.map { strdup($0) } ?? nil }
        defer { for cString in cStrings { free(cString) } }
        let values = cStrings.map { UnsafePointer<CChar>($0) }
        guard let result = PQexecParams(connection, sql, Int32(values.count), nil, values, nil, nil, 0) else {
            throw DatabaseFailure(
                message:
                    "the server at \(server) failed: \(Self.firstLine(String(cString: PQerrorMessage(connection))))")
        }
        defer { PQclear(result) }
        let status = PQresultStatus(result)
        guard status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK else {
            throw DatabaseFailure(
                message:
                    "the server at \(server) failed: \(Self.firstLine(String(cString: PQresultErrorMessage(result))))")
        }
        return (0..<PQntuples(result)).map { row in
            (0..<PQnfields(result)).map { column in
                PQgetisnull(result, row, column) == 1 ? nil : String(cString: PQgetvalue(result, row, column))
            }
        }
    }
}
