import Foundation

/// A folder Salient writes into. Its manifest (`.salient-manifest`, Manifest.swift) records
/// each file Salient wrote there with the size and hash of what it wrote, so that a later run
/// tells its own files from a user's: a file counts as Salient's only while its content is
/// what Salient recorded. A user's file is never deleted or replaced; one among the outputs'
/// names is refused, one elsewhere in the outputs' folders is refused unless forced.
public struct OutputFolder: Sendable {
    public let path: String
    static let manifestName = ".salient-manifest"
    static let lockName = ".salient-lock"
    static let stagingPrefix = ".salient-staging-"
    /// The file inside a staging folder that says Salient made it.
    static let stagingMarker = ".made-by-salient"

    public init(path: String) {
        self.path = path
    }

    public func url(_ relative: String) -> String {
        (path as NSString).appendingPathComponent(relative)
    }

    /// The path's successive prefixes ("a", "a/b", "a/b/c"; "/a", "/a/b" when absolute).
    private var prefixes: [String] {
        var result: [String] = []
        var prefix = path.hasPrefix("/") ? "/" : ""
        for component in path.split(separator: "/") {
            prefix += (prefix.isEmpty || prefix == "/" ? "" : "/") + component
            result.append(prefix)
        }
        return result
    }

    /// Refuses an output path of which any part, as the user wrote it, is a symbolic link
    /// (writing through it would put files somewhere the user did not name), or that is a file.
    public func checkPath() throws {
        for prefix in prefixes {
            var status = stat()
            guard lstat(prefix, &status) == 0 else { break }  // the rest is yet to be made
            if status.st_mode & S_IFMT == S_IFLNK {
                throw OutputRefusal(
                    "refusing to write through a symbolic link", path: prefix, remedy: .useTheRealFolder)
            }
        }
        var status = stat()
        if stat(path, &status) == 0, status.st_mode & S_IFMT != S_IFDIR {
            throw OutputRefusal("the output path is a file, not a folder", path: path, remedy: .chooseAnotherFolder)
        }
    }

    /// Makes the folder and its parents.
    public func create() throws {
        for prefix in prefixes {
            if mkdir(prefix, 0o755) != 0, errno != EEXIST {
                let failure = WriteFailure.writing(path, "cannot create the output folder", errno: errno)
                guard failure is InputError else { throw failure }
                throw InputError(
                    "cannot create the output folder", file: path, hint: "check the path and its permissions")
            }
        }
        var status = stat()
        guard stat(path, &status) == 0, status.st_mode & S_IFMT == S_IFDIR else {
            throw OutputRefusal("the output path is a file, not a folder", path: path, remedy: .chooseAnotherFolder)
        }
    }

    /// Takes the folder's lock; another run that tries while it is held is refused.
    public func lock() throws -> FolderLock {
        try FolderLock(file: url(Self.lockName), folder: path)
    }

    public func readManifest() throws -> Manifest {
        let manifestPath = url(Self.manifestName)
        guard FileManager.default.fileExists(atPath: manifestPath) else { return Manifest() }
        guard let data = FileManager.default.contents(atPath: manifestPath) else {
            throw InputError("cannot read the manifest", file: manifestPath)
        }
        return Manifest(text: String(decoding: data, as: UTF8.self))
    }

    /// Writes the manifest in one atomic replacement.
    public func writeManifest(_ manifest: Manifest) throws {
        let staged = try AtomicFileWriter.stage(manifest.text, at: url(Self.manifestName))
        try staged.moveIntoPlace()
    }

    /// Removes what killed runs left, all of it Salient's own: staging folders that carry
    /// Salient's marker and that the manifest lists, and temporaries (`.NAME.tmp-PID`) of
    /// processes that are gone. Called with the lock held, so no live run is using them.
    public func removeLeftovers(_ manifest: inout Manifest) throws {
        guard let items = try? FileManager.default.contentsOfDirectory(atPath: path) else { return }
        var changed = false
        for name in manifest.stagingFolders where !items.contains(name) {
            manifest.removeStaging(name)
            changed = true
        }
        for item in items {
            if item.hasPrefix(Self.stagingPrefix), manifest.listsStaging(item) {
                let folder = url(item)
                if FileManager.default.fileExists(
                    atPath: (folder as NSString).appendingPathComponent(Self.stagingMarker))
                {
                    try? FileManager.default.removeItem(atPath: folder)
                }
                if !FileManager.default.fileExists(atPath: folder) {
                    manifest.removeStaging(item)
                    changed = true
                }
            } else if let pid = AtomicFileWriter.temporaryOwner(item), pid != getpid(), kill(pid, 0) != 0,
                errno == ESRCH
            {
                unlink(url(item))
            }
        }
        if changed { try writeManifest(manifest) }
    }

    /// The files among `paths`, and under the folders `folders`, sorted into Salient's own
    /// and the user's.
    public struct Ownership {
        /// Relative paths whose content is what the manifest recorded.
        public var ours: Set<String> = []
        /// The user's files under `folders` (beside the outputs, kept with `force`).
        public var theirs: [String] = []
    }

    /// Refuses when files Salient did not write stand at any of `paths` (always: they are never
    /// replaced) or under `folders` (unless `force`: then they are kept beside the outputs).
    public func checkOwnership(of paths: [String], folders: [String] = [], force: Bool, manifest: Manifest) throws
        -> Ownership
    {
        for relative in paths + folders {
            var status = stat()
            if lstat(url(relative), &status) == 0, status.st_mode & S_IFMT == S_IFLNK {
                throw OutputRefusal(
                    "refusing to write through a symbolic link", path: url(relative), remedy: .useTheRealFolder)
            }
        }
        let named = Set(paths)
        var candidates = paths.filter { relative in
            var status = stat()
            return lstat(url(relative), &status) == 0 && status.st_mode & S_IFMT != S_IFDIR
        }
        for folder in folders { candidates += files(under: folder) }
        var ownership = Ownership()
        var collisions: [String] = []
        for file in Set(candidates).sorted() {
            if isOurs(file, manifest: manifest) {
                ownership.ours.insert(file)
            } else if named.contains(file) {
                collisions.append(file)
            } else {
                ownership.theirs.append(file)
            }
        }
        if !collisions.isEmpty, collisions.allSatisfy(manifest.unverified.contains) {
            throw OutputRefusal(
                "the output folder holds files an older Salient listed without their content, so they may be yours: "
                    + Self.list(collisions), path: path, remedy: .moveYourFiles)
        }
        if !collisions.isEmpty {
            throw OutputRefusal(
                "the output folder holds files Salient did not write where it writes: \(Self.list(collisions))",
                path: path, remedy: .moveYourFiles)
        }
        if !ownership.theirs.isEmpty, !force {
            throw OutputRefusal(
                "the output folder holds files Salient did not write: \(Self.list(ownership.theirs))",
                path: path, remedy: .chooseAnotherFolderOrForce)
        }
        return ownership
    }

    /// True when the file's content is one the manifest recorded for it (the size is compared
    /// first, so a user's file is seldom read).
    func isOurs(_ relative: String, manifest: Manifest) -> Bool {
        var status = stat()
        guard lstat(url(relative), &status) == 0, status.st_mode & S_IFMT == S_IFREG,
            manifest.files[relative]?.contains(where: { $0.size == Int(status.st_size) }) == true
        else { return false }
        return manifest.accepts(ContentDigest.of(file: url(relative)), at: relative)
    }

    private static func list(_ files: [String]) -> String {
        files.prefix(3).joined(separator: ", ") + (files.count > 3 ? " and \(files.count - 3) more" : "")
    }

    /// Regular files under `folder` (relative to this folder), in name order.
    func files(under folder: String) -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: url(folder)) else { return [] }
        var result: [String] = []
        while let item = enumerator.nextObject() as? String {
            var status = stat()
            if lstat(url(folder + "/" + item), &status) == 0, status.st_mode & S_IFMT != S_IFDIR {
                result.append(folder + "/" + item)
            }
        }
        return result.sorted()
    }

    /// Makes a fresh staging folder, marked inside as Salient's and listed in the manifest
    /// before anything is written to it, so that only folders Salient made are ever removed.
    public func makeStaging(_ manifest: inout Manifest) throws -> (name: String, path: String) {
        var attempt = 0
        while true {
            let name = "\(Self.stagingPrefix)\(getpid())" + (attempt == 0 ? "" : "-\(attempt)")
            var status = stat()
            if lstat(url(name), &status) == 0 {
                attempt += 1  // someone else's, whatever it holds: leave it
                continue
            }
            manifest.addStaging(name)
            try writeManifest(manifest)
            guard mkdir(url(name), 0o755) == 0 else {
                throw WriteFailure.writing(
                    path, "cannot write to the output folder", errno: errno, hint: "check that it is writable")
            }
            try StreamingTextFile.write("", to: (url(name) as NSString).appendingPathComponent(Self.stagingMarker))
            return (name, url(name))
        }
    }
}

/// An exclusive lock (flock) on a file in an output folder, held from before the folder is
/// examined until its outputs are in place, so that two runs never mix their sets.
public final class FolderLock {
    private var descriptor: Int32
    private let file: String

    init(file: String, folder: String) throws {
        self.file = file
        let busy = OutputRefusal(
            "another salient run is writing to \(folder)", path: folder, remedy: .waitForTheOtherRun)
        for _ in 0..<16 {
            let fd = open(file, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
            guard fd >= 0 else {
                throw WriteFailure.writing(file, "cannot create the output folder's lock", errno: errno)
            }
            if flock(fd, LOCK_EX | LOCK_NB) != 0 {
                let code = errno
                close(fd)
                if code == EWOULDBLOCK { throw busy }
                throw WriteFailure.writing(file, "cannot lock the output folder", errno: code)
            }
            // A run that finished removes the file it locked; a lock on a removed file guards
            // nothing, so hold it only if it is still the file at the path.
            var held = stat()
            var current = stat()
            if fstat(fd, &held) == 0, stat(file, &current) == 0, held.st_dev == current.st_dev,
                held.st_ino == current.st_ino
            {
                descriptor = fd
                return
            }
            close(fd)
        }
        throw busy
    }

    /// Removes the lock file while still holding it (a run waiting on it then sees it gone).
    public func release() {
        guard descriptor >= 0 else { return }
        unlink(file)
        close(descriptor)
        descriptor = -1
    }

    deinit { release() }
}
