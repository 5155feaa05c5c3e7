/// One value of a YAML (or JSON) file and the line it starts on: what the readers need of
/// libyaml's events and no more. Yams's `Node` carries a tag object, a style and a column per
/// value, which made a 240 MB timeline's tree several gigabytes.
struct YAMLNode: Sendable {
    struct Scalar: Sendable {
        let string: String
        /// Written without quotes or block indicators: only a plain scalar is a number.
        let isPlain: Bool
        /// A plain `~`, `null`, `Null`, `NULL` or nothing (YAML's null forms), or a plain value
        /// tagged `!!null`.
        let isNull: Bool
    }

    struct Pair: Sendable {
        let key: YAMLNode
        let value: YAMLNode

        /// The key's text when it is a scalar, the only keys fields are looked up by.
        var scalarKey: String? { key.string }
    }

    enum Content: Sendable {
        case scalar(Scalar)
        case mapping([Pair])
        case sequence([YAMLNode])
    }

    let content: Content
    private let storedLine: UInt32
    /// Written in flow style (`[a, b]`, `{a: 1}`); TimelineMerge appends to such a list differently.
    let isFlow: Bool

    init(_ content: Content, line: Int, isFlow: Bool = false) {
        self.content = content
        storedLine = UInt32(clamping: line)
        self.isFlow = isFlow
    }

    /// 1-based, as editors count.
    var line: Int { Int(storedLine) }

    var scalar: Scalar? {
        if case .scalar(let scalar) = content { return scalar }
        return nil
    }

    var mapping: [Pair]? {
        if case .mapping(let pairs) = content { return pairs }
        return nil
    }

    var sequence: [YAMLNode]? {
        if case .sequence(let items) = content { return items }
        return nil
    }

    /// A scalar's text.
    var string: String? { scalar?.string }

    var isNull: Bool { scalar?.isNull ?? false }
}
