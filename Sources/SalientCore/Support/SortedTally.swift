/// A multiset of strings that keeps its distinct members sorted as members come and go: a
/// day's changes are folded in by `settle()`, which removes the members whose count fell to
/// zero and merges in those that appeared, instead of sorting everything again.
struct SortedTally {
    private var counts: [String: Int] = [:]
    /// Whether each member touched since the last `settle()` was among `sorted` before.
    private var touched: [String: Bool] = [:]
    /// The distinct members, ascending, as of the last `settle()`.
    private(set) var sorted: [String] = []

    mutating func add(_ member: String) {
        let count = counts[member, default: 0]
        if touched[member] == nil { touched[member] = count > 0 }
        counts[member] = count + 1
    }

    /// Removes one count of a member that was added; one never added is a caller's error.
    mutating func remove(_ member: String) {
        guard let count = counts[member] else { preconditionFailure("\(member) removed but never added") }
        if touched[member] == nil { touched[member] = true }
        counts[member] = count == 1 ? nil : count - 1
    }

    mutating func add<S: Sequence>(contentsOf members: S) where S.Element == String {
        for member in members { add(member) }
    }

    mutating func remove<S: Sequence>(contentsOf members: S) where S.Element == String {
        for member in members { remove(member) }
    }

    /// Brings `sorted` up to date with the counts.
    mutating func settle() {
        guard !touched.isEmpty else { return }
        var gone: Set<String> = []
        var appeared: [String] = []
        for (member, wasListed) in touched {
            let isListed = counts[member] != nil
            if wasListed, !isListed { gone.insert(member) }
            if !wasListed, isListed { appeared.append(member) }
        }
        touched = [:]
        if !gone.isEmpty { sorted.removeAll { gone.contains($0) } }
        if !appeared.isEmpty { sorted = Self.merge(sorted, appeared.sorted()) }
    }

    /// Two sorted lists with no member in common as one sorted list.
    private static func merge(_ a: [String], _ b: [String]) -> [String] {
        if a.isEmpty { return b }
        var merged: [String] = []
        merged.reserveCapacity(a.count + b.count)
        var i = 0
        var j = 0
        while i < a.count, j < b.count {
            if b[j] < a[i] {
                merged.append(b[j])
                j += 1
            } else {
                merged.append(a[i])
                i += 1
            }
        }
        merged.append(contentsOf: a[i...])
        merged.append(contentsOf: b[j...])
        return merged
    }
}
