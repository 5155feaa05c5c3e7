import Foundation

/// Moves a run's staged outputs into the output folder, with the manifest, so that a failure
/// or a kill at any moment leaves every file with its old content or its new one, and a
/// manifest in place that accepts whatever is there:
///
/// 1. the manifest of the transition (old and new content accepted) and the final one are
///    written and flushed beside the manifest, before anything moves (a full disk stops the
///    run here, with the old state entirely as it was);
/// 2. the transition manifest replaces the old one;
/// 3. the outputs move into place: a folder in one atomic exchange where the system allows
///    it, files each by an atomic rename;
/// 4. the old set, now in the staging folder, is removed (only Salient's files), then the
///    staging folder;
/// 5. the final manifest replaces the transition one.
public struct StagedCommit {
    let folder: OutputFolder
    /// The manifest as read under the folder's lock, before the run.
    var manifest: Manifest
    /// Files renamed into place one by one: paths relative to the folder.
    var files: [(relative: String, staged: String, digest: ContentDigest)] = []
    /// A folder moved in whole (`daily/`): the staged folder, and the digest of each file
    /// in it by its path relative to the output folder.
    var swap: (relative: String, staged: String, digests: [String: ContentDigest])?
    /// The user's files under the swapped folder, carried into the new one (hard links).
    var keep: [String] = []
    /// What the run found to be Salient's own before it began (content as recorded).
    var ours: Set<String> = []
    /// The staging folder, removed once the outputs are in place.
    var staging: (name: String, path: String)?

    public init(
        folder: OutputFolder, manifest: Manifest,
        files: [(relative: String, staged: String, digest: ContentDigest)] = [],
        swap: (relative: String, staged: String, digests: [String: ContentDigest])? = nil, keep: [String] = [],
        ours: Set<String> = [], staging: (name: String, path: String)? = nil
    ) {
        self.folder = folder
        self.manifest = manifest
        self.files = files
        self.swap = swap
        self.keep = keep
        self.ours = ours
        self.staging = staging
    }

    public func run() throws {
        let fm = FileManager.default
        var transition = manifest
        var final = manifest
        let swapped = swap?.digests.sorted { $0.key < $1.key } ?? []
        for (relative, digest) in files.map({ ($0.relative, $0.digest) }) + swapped {
            transition.accept(relative, digest)
            final.record(relative, digest)
        }
        if let swap {
            // The swapped folder's old files of ours that the new set does not have are retired.
            for file in ours where file.hasPrefix(swap.relative + "/") && swap.digests[file] == nil {
                final.forget(file)
            }
        }
        if let staging { final.removeStaging(staging.name) }
        let manifestPath = folder.url(OutputFolder.manifestName)
        let stagedTransition = try AtomicFileWriter.stage(transition.text, at: manifestPath, tag: "next")
        let stagedFinal: AtomicFileWriter.Staged
        do {
            stagedFinal = try AtomicFileWriter.stage(final.text, at: manifestPath, tag: "final")
        } catch {
            stagedTransition.discard()
            throw error
        }
        if let swap { try carryTheUsersFiles(into: swap.staged, relative: swap.relative) }
        if let staging { try FileSystemFlush.flush(folder: staging.path) }
        do {
            try stagedTransition.moveIntoPlace()
        } catch {
            stagedFinal.discard()
            throw error
        }
        try FileSystemFlush.syncFolder(folder.path)
        if let swap { try moveFolder(swap.staged, to: swap.relative, newFiles: Set(swap.digests.keys)) }
        for file in files where rename(file.staged, folder.url(file.relative)) != 0 {
            throw WriteFailure.writing(folder.url(file.relative), "cannot replace the file", errno: errno)
        }
        if let staging {
            let survivors = removeOldSet(in: staging.path)
            if survivors {
                // A file arrived in the old folder while the run wrote: it stays, and the
                // staging folder becomes a plain folder no run removes.
                unlink((staging.path as NSString).appendingPathComponent(OutputFolder.stagingMarker))
            } else {
                try? fm.removeItem(atPath: staging.path)
            }
        }
        try stagedFinal.moveIntoPlace()
        try FileSystemFlush.syncFolder(folder.path)
    }

    /// The user's files under the swapped folder travel with the new set, so the exchange
    /// never takes them away.
    private func carryTheUsersFiles(into staged: String, relative: String) throws {
        let fm = FileManager.default
        for file in keep {
            let name = String(file.dropFirst(relative.count + 1))
            let target = (staged as NSString).appendingPathComponent(name)
            guard !fm.fileExists(atPath: target) else {
                throw OutputRefusal(
                    "a file of yours has the name of a file Salient writes: \(file)", path: folder.path,
                    remedy: .moveYourFiles)
            }
            try fm.createDirectory(
                atPath: (target as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            guard link(folder.url(file), target) == 0 else {
                throw WriteFailure.writing(folder.url(file), "cannot keep your file beside the outputs", errno: errno)
            }
        }
    }

    /// Puts the staged folder at `relative`: one atomic exchange where the system has
    /// renameat2, else file by file (each move atomic), retiring the old files of ours.
    private func moveFolder(_ staged: String, to relative: String, newFiles: Set<String>) throws {
        let fm = FileManager.default
        let live = folder.url(relative)
        var isDirectory: ObjCBool = false
        guard fm.fileExists(atPath: live, isDirectory: &isDirectory), isDirectory.boolValue else {
            guard rename(staged, live) == 0 else {
                throw WriteFailure.writing(live, "cannot move the outputs into place", errno: errno)
            }
            return
        }
        if AtomicExchange.exchange(staged, live) { return }
        for name in try fm.contentsOfDirectory(atPath: staged) {
            let target = (live as NSString).appendingPathComponent(name)
            if rename((staged as NSString).appendingPathComponent(name), target) != 0 {
                throw WriteFailure.writing(target, "cannot replace the file", errno: errno)
            }
        }
        for file in ours where file.hasPrefix(relative + "/") && !newFiles.contains(file) { unlink(folder.url(file)) }
    }

    /// Removes what the staging folder holds after the exchange (the old set, and the
    /// marker last): only files Salient wrote, or links to files kept elsewhere. True when
    /// something else is found there, and left.
    private func removeOldSet(in staging: String) -> Bool {
        let fm = FileManager.default
        var survivors = false
        var folders: [String] = []
        if let enumerator = fm.enumerator(atPath: staging) {
            while let item = enumerator.nextObject() as? String {
                let path = (staging as NSString).appendingPathComponent(item)
                var status = stat()
                guard lstat(path, &status) == 0 else { continue }
                if status.st_mode & S_IFMT == S_IFDIR {
                    folders.append(path)
                    continue
                }
                if item == OutputFolder.stagingMarker { continue }
                let relative = swap.map { item.hasPrefix($0.relative + "/") ? item : nil } ?? nil
                if status.st_nlink > 1 || relative.map({ ours.contains($0) || swap?.digests[$0] != nil }) == true {
                    unlink(path)
                } else {
                    survivors = true
                }
            }
        }
        for path in folders.sorted().reversed() { rmdir(path) }
        return survivors
    }
}

/// Swaps two paths atomically (Linux renameat2 with RENAME_EXCHANGE), looked up at run time
/// because Glibc's Swift overlay does not export it. Nil where the kernel or libc lacks it.
enum AtomicExchange {
    private typealias RenameAt2 =
        @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32
    private static let renameat2: RenameAt2? = {
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "renameat2") else { return nil }
        return unsafeBitCast(symbol, to: RenameAt2.self)
    }()
    private static let renameExchange: UInt32 = 2  // RENAME_EXCHANGE in <linux/fs.h>

    /// True when the two paths were swapped.
    static func exchange(_ a: String, _ b: String) -> Bool {
        guard let renameat2 else { return false }
        return renameat2(AT_FDCWD, a, AT_FDCWD, b, renameExchange) == 0
    }
}

/// Makes everything written to a folder's file system durable in one call (Linux syncfs),
/// looked up at run time because Glibc's Swift overlay does not export it; where it is
/// missing, `sync` flushes every file system instead.
enum FileSystemFlush {
    private typealias SyncFS = @convention(c) (Int32) -> Int32
    private static let syncfs: SyncFS? = {
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "syncfs") else { return nil }
        return unsafeBitCast(symbol, to: SyncFS.self)
    }()

    static func flush(folder: String) throws {
        guard let syncfs else {
            sync()
            return
        }
        let fd = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else {
            throw WriteFailure.writing(folder, "cannot open the folder to flush it to disk", errno: errno)
        }
        defer { close(fd) }
        guard syncfs(fd) == 0 else {
            throw WriteFailure.writing(folder, "cannot flush the output to disk", errno: errno)
        }
    }

    /// Makes the renames in a folder durable (fsync of the folder itself).
    static func syncFolder(_ folder: String) throws {
        let fd = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else {
            throw WriteFailure.writing(folder, "cannot open the folder to flush it to disk", errno: errno)
        }
        defer { close(fd) }
        guard fsync(fd) == 0 else {
            throw WriteFailure.writing(folder, "cannot flush the output to disk", errno: errno)
        }
    }
}
