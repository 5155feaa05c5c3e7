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
        var gone: [String] = []
        var appeared: [String] = []
        for (member, wasListed) in touched {
            let isListed = counts[member] != nil
            if wasListed, !isListed { gone.append(member) }
            if !wasListed, isListed { appeared.append(member) }
        }
        touched = [:]
        if !gone.isEmpty { sorted = Self.removing(gone.sorted(), from: sorted) }
        if !appeared.isEmpty { sorted = Self.merge(sorted, appeared.sorted()) }
    }

    /// The first index of the sorted `list`, from `low` on, whose member is not below `member`.
    /// A day changes a few members of lists of thousands: each is found by bisection, not by
    /// comparing or hashing every member of the list.
    private static func insertionIndex(of member: String, in list: [String], from low: Int) -> Int {
        var (low, high) = (low, list.count)
        while low < high {
            let middle = (low + high) / 2
            if list[middle] < member { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// The sorted `list` without `gone` (sorted, every member in `list`).
    private static func removing(_ gone: [String], from list: [String]) -> [String] {
        var kept: [String] = []
        kept.reserveCapacity(list.count - gone.count)
        var start = 0
        for member in gone {
            let index = insertionIndex(of: member, in: list, from: start)
            precondition(index < list.count && list[index] == member, "\(member) is not listed")
            kept.append(contentsOf: list[start..<index])
            start = index + 1
        }
        kept.append(contentsOf: list[start...])
        return kept
    }

    /// Two sorted lists with no member in common as one sorted list.
    private static func merge(_ a: [String], _ b: [String]) -> [String] {
        if a.isEmpty { return b }
        var merged: [String] = []
        merged.reserveCapacity(a.count + b.count)
        var start = 0
        for member in b {
            let index = insertionIndex(of: member, in: a, from: start)
            merged.append(contentsOf: a[start..<index])
            merged.append(member)
            start = index
        }
        merged.append(contentsOf: a[start...])
        return merged
    }
}
