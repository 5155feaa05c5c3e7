import ArgumentParser
import Foundation
import SalientIO
import SalientJobs

extension SalientCommand {
    struct Draft: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Draft a timeline from article text, for review.",
            discussion: """
                Finds in each article its publication date (a 'date YYYY-MM-DD' first line, a \
                dateline with the year, or --published), the places it names resolved to the \
                gazetteer, its dates resolved against publication, and its figures with their \
                units and hedges; proposes events where a sentence pairs a place with an action. \
                Events and claims are marked 'review: draft': no estimate or check uses them \
                until a person deletes the mark. Every place, date and claim is recorded under \
                'draft:' with offsets in Unicode code points from the start of the file.

                Examples:
                  salient draft article.txt --gazetteer gazetteer --out drafts/new.yaml
                  salient draft more/*.txt --into timelines/kursk-2024.yaml
                  salient draft --score Tests/SalientCLITests/Fixtures/draft/*.labels.yaml
                """)

        @Argument(help: "Article text files (UTF-8); with --score, label files.")
        var files: [String]

        @Option(help: "The timeline YAML file to append the draft to.")
        var into: String?

        @Option(help: "Write a new draft timeline here (default: print it).")
        var out: String?

        @Option(help: "The gazetteer folder, without --into (default: gazetteer).")
        var gazetteer: String?

        @Option(help: "The publication date, YYYY-MM-DD, for articles that do not state one.")
        var published: String?

        @Flag(help: "Score the drafter against label files and print precision, recall and F1.")
        var score = false

        @Flag(name: .shortAndLong, help: "Print nothing but the draft itself.")
        var quiet = false

        func validate() throws {
            if into != nil, out != nil { throw ValidationError("give --into or --out, not both") }
            if into != nil, gazetteer != nil {
                throw ValidationError("--gazetteer comes from the timeline with --into")
            }
            if score, into != nil || out != nil || published != nil {
                throw ValidationError("--score takes label files and --gazetteer only")
            }
        }

        func run() throws {
            if score {
                let scores = try DraftLabels.score(labelFiles: files, gazetteer: gazetteer ?? "gazetteer")
                try Output.print(DraftLabels.table(scores))
                return
            }
            let result = try DraftJob.run(
                articles: files, into: into, out: out, gazetteer: gazetteer, published: published)
            if result.path == nil { try Output.print(result.text) }
            guard !quiet else { return }
            for file in result.undated {
                Output.error(
                    "warning: \(file) states no publication date; its relative dates are left unresolved "
                        + "and nothing is proposed from it — pass --published\n")
            }
            for file in result.alreadyDrafted {
                Output.error("note: \(file) is drafted in the timeline already; left as it is\n")
            }
            if let path = result.path {
                Output.error("\(path): \(result.events) events and \(result.claims) claims drafted for review\n")
            }
        }
    }
}
