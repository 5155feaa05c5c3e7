import Foundation

/// A folder Salient writes into. A manifest (`.salient-manifest`, one relative path a line)
/// records the files Salient wrote there, so that a later run can tell its own files from a
/// user's: it refuses a folder holding files it did not write (unless forced), and it never
/// deletes a file that is not in the manifest.
public struct OutputFolder {
    public let path: String
    static let manifestName = ".salient-manifest"
    static let stagingPrefix = ".salient-staging-"

    public init(path: String) {
        self.path = path
    }

    func url(_ relative: String) -> String {
        (path as NSString).appendingPathComponent(relative)
    }

    /// Paths Salient recorded as its own.
    func manifest() -> Set<String> {
        guard let text = try? String(contentsOfFile: url(Self.manifestName), encoding: .utf8) else { return [] }
        return Set(text.split(separator: "\n").map(String.init).filter { !$0.isEmpty })
    }

    /// Regular files under the folder, as relative paths, leaving out the manifest and staging folders.
    func files() -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: path) else { return [] }
        var result: [String] = []
        while let item = enumerator.nextObject() as? String {
            if item == Self.manifestName || item.hasPrefix(Self.stagingPrefix) { continue }
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: url(item), isDirectory: &isDirectory), !isDirectory.boolValue {
                result.append(item)
            }
        }
        return result.sorted()
    }

    /// Refuses, with the files named, when the folder holds files Salient did not write among
    /// `paths` (or anywhere under the folders in `folders`), unless `force`.
    func checkOwnership(of paths: [String], folders: [String] = [], force: Bool) throws {
        // Writing through a symbolic link would put files outside the folder the user chose.
        for relative in [""] + paths + folders {
            let target = relative.isEmpty ? path : url(relative)
            if (try? FileManager.default.destinationOfSymbolicLink(atPath: target)) != nil {
                throw InputError("refusing to write through a symbolic link", file: target,
                                 hint: "give the real folder with --out, or remove the link")
            }
        }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue {
            throw InputError("the output path is a file, not a folder", file: path, hint: "choose a folder with --out")
        }
        guard !force else { return }
        let ours = manifest()
        let existing = Set(files())
        let concerned = existing.filter { file in paths.contains(file) || folders.contains { file.hasPrefix($0 + "/") } }
        let foreign = concerned.subtracting(ours).sorted()
        guard foreign.isEmpty else {
            let listed = foreign.prefix(3).joined(separator: ", ") + (foreign.count > 3 ? " and \(foreign.count - 3) more" : "")
            throw InputError("the output folder holds files Salient did not write: \(listed)", file: path,
                             hint: "choose another folder with --out, or pass --force to write beside them (they are never deleted)")
        }
    }

    /// Creates the folder (and parents) and a fresh staging folder inside it.
    func makeStaging() throws -> String {
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            throw InputError("cannot create the output folder", file: path, hint: "check the path and its permissions")
        }
        removeAbandonedStaging()
        let staging = url("\(Self.stagingPrefix)\(getpid())")
        try? FileManager.default.removeItem(atPath: staging)
        guard mkdir(staging, 0o755) == 0 else {
            throw InputError("cannot write to the output folder: \(String(cString: strerror(errno)))", file: path,
                             hint: "check that it is writable")
        }
        return staging
    }

    /// Staging folders of runs that were killed: always Salient's own, safe to remove.
    private func removeAbandonedStaging() {
        guard let items = try? FileManager.default.contentsOfDirectory(atPath: path) else { return }
        for item in items where item.hasPrefix(Self.stagingPrefix) {
            let suffix = item.dropFirst(Self.stagingPrefix.count)
            if let pid = Int32(suffix), pid != getpid(), kill(pid, 0) == 0 { continue }  // another live run
            try? FileManager.default.removeItem(atPath: url(item))
        }
    }

    /// Records `written` as Salient's own and forgets `removed`; written atomically.
    func updateManifest(adding written: [String], removing removed: [String] = []) throws {
        let entries = manifest().subtracting(removed).union(written).sorted()
        try AtomicFileWriter.write([(url(Self.manifestName), entries.joined(separator: "\n") + "\n")])
    }
}

/// Swaps two paths atomically (Linux renameat2 with RENAME_EXCHANGE), looked up at run time
/// because Glibc's Swift overlay does not export it. Nil where the kernel or libc lacks it.
enum AtomicExchange {
    private typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32
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
        guard let syncfs else { sync(); return }
        let fd = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else {
            throw InputError("cannot open the folder to flush it to disk: \(String(cString: strerror(errno)))", file: folder)
        }
        defer { close(fd) }
        guard syncfs(fd) == 0 else {
            throw InputError("cannot flush the output to disk: \(String(cString: strerror(errno)))", file: folder)
        }
    }
}
