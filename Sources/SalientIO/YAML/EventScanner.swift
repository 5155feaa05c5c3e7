import CYaml

/// Walks a file's YAML events with libyaml, building no tree, to find what a composer would
/// only meet after work that grows with the expanded file: a key or value that aliases
/// expand past the file's budget (a composer that compares mapping keys in full to check
/// duplicates hangs on an alias bomb used as a key), the field and line of a duplicate key,
/// and the field written on a given line.
struct EventScanner {
    enum Finding: Equatable {
        /// The values expanded so far passed the budget at this alias.
        case overBudget(line: Int, field: String?)
        case duplicateKey(String, line: Int, firstLine: Int, field: String)
    }

    /// One open mapping or sequence.
    private struct Frame {
        let isMapping: Bool
        let path: String
        let anchor: String?
        /// Values inside this one so far, aliases expanded, itself included.
        var size = 1
        /// Children seen: in a mapping, keys and values alternate.
        var children = 0
        var key: String?
        var keyLines: [String: Int] = [:]
    }

    let text: String
    /// Values the file may expand to.
    let budget: Int
    let findDuplicateKeys: Bool
    /// Stop at the first event that ends on or after this line (1-based) and report its field.
    var fieldOnLine: Int?

    init(text: String, budget: Int, findDuplicateKeys: Bool) {
        self.text = text
        self.budget = budget
        self.findDuplicateKeys = findDuplicateKeys
    }

    /// Whether keys are taken out as text, for fields: a walk that only counts skips it, and
    /// runs again with it when it finds something to report.
    private var tracksKeys = true

    /// The first problem found, or nil when the events run out (or libyaml stops with an error,
    /// which `YAMLComposer` reports the same way when it composes the text).
    func scan() -> Finding? {
        guard !findDuplicateKeys, fieldOnLine == nil else { return scanEvents().finding }
        var counting = self
        counting.tracksKeys = false
        // The same events meet the same budget at the same alias, this time with its field.
        return counting.scanEvents().finding == nil ? nil : scanEvents().finding
    }

    /// The field written on `line`: what a message about a byte there should name.
    static func field(onLine line: Int, of text: String) -> String? {
        var scanner = EventScanner(text: text, budget: .max, findDuplicateKeys: false)
        scanner.fieldOnLine = line
        return scanner.scanEvents().field
    }

    private func scanEvents() -> (finding: Finding?, field: String?) {
        var text = text
        return text.withUTF8 { bytes -> (Finding?, String?) in
            var parser = yaml_parser_t()
            guard yaml_parser_initialize(&parser) == 1 else { return (nil, nil) }
            defer { yaml_parser_delete(&parser) }
            yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
            yaml_parser_set_input_string(&parser, bytes.baseAddress, bytes.count)
            var frames: [Frame] = []
            var anchorSizes: [String: Int] = [:]
            var total = 0
            var event = yaml_event_t()
            while yaml_parser_parse(&parser, &event) == 1 {
                defer { yaml_event_delete(&event) }
                let line = Int(event.start_mark.line) + 1
                let endLine = Int(event.end_mark.line) + 1
                var size = 0
                var anchor: String?
                var closed: Frame?
                switch event.type {
                case YAML_STREAM_END_EVENT:
                    return (nil, nil)
                case YAML_SCALAR_EVENT:
                    size = 1
                    anchor = Self.string(event.data.scalar.anchor)
                case YAML_ALIAS_EVENT:
                    size = Self.string(event.data.alias.anchor).flatMap { anchorSizes[$0] } ?? 1
                case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
                    let isMapping = event.type == YAML_MAPPING_START_EVENT
                    let anchorName = Self.string(
                        isMapping ? event.data.mapping_start.anchor : event.data.sequence_start.anchor)
                    if let fieldOnLine, endLine >= fieldOnLine { return (nil, Self.childPath(frames)) }
                    total += 1
                    frames.append(Frame(isMapping: isMapping, path: Self.childPath(frames) ?? "", anchor: anchorName))
                    continue
                case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                    closed = frames.popLast()
                    size = closed?.size ?? 1
                    anchor = closed?.anchor
                default:
                    continue
                }
                if let fieldOnLine, closed == nil, endLine >= fieldOnLine {
                    return (nil, Self.childPath(frames, keyText: Self.scalarText(event)))
                }
                if closed == nil {
                    total += size
                    if total > budget { return (.overBudget(line: line, field: Self.childPath(frames)), nil) }
                }
                if let anchor { anchorSizes[anchor] = size }
                guard !frames.isEmpty else { continue }
                frames[frames.count - 1].size += size
                if frames[frames.count - 1].isMapping, frames[frames.count - 1].children % 2 == 0 {
                    let key =
                        tracksKeys && closed == nil && event.type == YAML_SCALAR_EVENT ? Self.scalarText(event) : nil
                    frames[frames.count - 1].key = key
                    if findDuplicateKeys, let key {
                        if let first = frames[frames.count - 1].keyLines[key] {
                            return (
                                .duplicateKey(
                                    key, line: line, firstLine: first,
                                    field: Self.childPath(frames, keyText: key) ?? key), nil
                            )
                        }
                        frames[frames.count - 1].keyLines[key] = line
                    }
                }
                frames[frames.count - 1].children += 1
            }
            return (nil, nil)
        }
    }

    /// The field path of the next child of the innermost open frame, as the readers name
    /// fields (`events[4].id`); nil at the top. `keyText` is the child's own text when it may
    /// be a key.
    private static func childPath(_ frames: [Frame], keyText: String? = nil) -> String? {
        guard let frame = frames.last else { return nil }
        let name: String
        if frame.isMapping {
            let key = frame.children % 2 == 0 ? keyText ?? "?" : frame.key ?? "?"
            name = frame.path.isEmpty ? key : "\(frame.path).\(key)"
        } else {
            name = "\(frame.path)[\(frame.children)]"
        }
        return name
    }

    private static func scalarText(_ event: yaml_event_t) -> String? {
        guard event.type == YAML_SCALAR_EVENT, let value = event.data.scalar.value else { return nil }
        return String(decoding: UnsafeBufferPointer(start: value, count: event.data.scalar.length), as: UTF8.self)
    }

    private static func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        pointer.map { String(cString: $0) }
    }
}
