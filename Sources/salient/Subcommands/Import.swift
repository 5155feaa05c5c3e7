import ArgumentParser
import Foundation
import SalientIO
import SalientJobs

extension SalientCommand {
    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Import ACLED or UCDP GED events from CSV into a timeline.",
            discussion: """
                Each record becomes an event that keeps the record's id (external_id), so \
                importing the same file again adds nothing, and an ACLED row with a newer \
                timestamp replaces its event. New events and sources are appended to their \
                lists; the rest of the file is kept as it was. The file is replaced atomically, \
                and only when the whole CSV reads without error. docs/formats.md lists how each \
                data set's codes and types are mapped.

                Examples:
                  salient import acled export.csv --into timelines/kursk-2024.yaml
                  salient import ucdp ged.csv --new my-ged --gazetteer ../gazetteer \\
                    --actor Ukraine
                """,
            subcommands: [ACLED.self, UCDP.self])

        struct Target: ParsableArguments {
            @Argument(help: "The CSV file, as the data set publishes it.")
            var csv: String

            @Option(help: "The timeline YAML file to merge into (with --new: the file to create, default <id>.yaml).")
            var into: String?

            @Option(name: .customLong("new"), help: "Create a new timeline with this id instead of merging.")
            var newID: String?

            @Option(help: "With --new: the gazetteer folder, as written in the new file (relative to its folder).")
            var gazetteer: String?

            @Option(help: "With --new: whose control the estimate shows.")
            var actor: String?

            @Flag(name: .shortAndLong, help: "Print nothing on success.")
            var quiet = false

            func validate() throws {
                if newID == nil, into == nil { throw ValidationError("give --into TIMELINE.yaml or --new ID") }
                if newID != nil, gazetteer == nil || actor == nil {
                    throw ValidationError("--new needs --gazetteer FOLDER and --actor NAME")
                }
                if newID == nil, gazetteer != nil || actor != nil {
                    throw ValidationError("--gazetteer and --actor go with --new only")
                }
            }

            func run(_ dataset: ImportJob.Dataset) throws {
                let result: ImportJob.Result
                if let newID, let gazetteer, let actor {
                    result = try ImportJob.create(
                        dataset, csvPath: csv, timelinePath: into ?? "\(newID).yaml",
                        id: newID,
                        gazetteer: gazetteer, actor: actor)
                } else {
                    result = try ImportJob.run(dataset, csvPath: csv, timelinePath: into!)
                }
                guard !quiet else { return }
                print("\(result.path): \(result.added) added, \(result.updated) updated, \(result.unchanged) unchanged")
            }
        }

        struct ACLED: ParsableCommand {
            static let configuration = CommandConfiguration(
                commandName: "acled", abstract: "Import an ACLED CSV export (event_id_cnty, event_date, … timestamp).")

            @OptionGroup var target: Target

            func run() throws { try target.run(.acled) }
        }

        struct UCDP: ParsableCommand {
            static let configuration = CommandConfiguration(
                commandName: "ucdp",
                abstract: "Import a UCDP GED CSV (id, date_start, date_end, date_prec, where_prec, …).")

            @OptionGroup var target: Target

            func run() throws { try target.run(.ucdp) }
        }
    }
}
