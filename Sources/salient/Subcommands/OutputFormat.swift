import ArgumentParser

/// `--format` of export and snapshots: GeoJSON always, and with `gpkg` its GeoPackage twin
/// beside it (the daily snapshots exist only as GeoJSON, so nothing a user had is dropped).
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case geojson
    case gpkg
    /// export only: the events as ACLED's CSV columns, events-acled.csv, instead of GeoJSON.
    case acledCSV = "acled-csv"

    static let help: ArgumentHelp = """
        gpkg also writes the GeoPackage twin of the GeoJSON: <timeline id>.gpkg (export) or \
        <timeline id>-snapshots.gpkg (snapshots); acled-csv (export only) writes the events as \
        events-acled.csv in ACLED's columns.
        """
}
