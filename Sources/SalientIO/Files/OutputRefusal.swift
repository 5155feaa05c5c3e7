/// An output folder Salient will not write into, and what the user can do about it. Bad input
/// (exit 2). The remedy is a value, not prose, so that the command line can name its own
/// flags in the hint while the library names none.
public struct OutputRefusal: Error, CustomStringConvertible, Equatable, Sendable {
    public enum Remedy: Sendable, Equatable {
        /// Another folder, or forcing Salient to write beside the user's files.
        case chooseAnotherFolderOrForce
        /// The user's files stand where Salient writes: move them, or write elsewhere.
        case moveYourFiles
        /// The path goes through a symbolic link.
        case useTheRealFolder
        /// Another run holds the folder's lock.
        case waitForTheOtherRun
        case chooseAnotherFolder
    }

    public var message: String
    /// The folder or file refused.
    public var path: String
    public var remedy: Remedy

    public init(_ message: String, path: String, remedy: Remedy) {
        self.message = message
        self.path = path
        self.remedy = remedy
    }

    /// The hint without any command-line flag; `salient` words its own.
    public var hint: String {
        switch remedy {
        case .chooseAnotherFolderOrForce:
            return "choose another output folder, or force writing beside them (they are never deleted)"
        case .moveYourFiles: return "move or rename them, or choose another output folder (Salient never replaces them)"
        case .useTheRealFolder: return "give the real folder, or remove the link"
        case .waitForTheOtherRun: return "wait for it to finish, or choose another output folder"
        case .chooseAnotherFolder: return "choose another output folder"
        }
    }

    /// The message with the path, unless the message already ends with it.
    public var located: String { message.hasSuffix(path) ? message : "\(message) (\(path))" }

    public var description: String { "\(located) — \(hint)" }
}
