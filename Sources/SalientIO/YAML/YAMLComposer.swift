import CYaml

/// What libyaml refused, or what composing found wrong, before any reader looks at a value.
enum YAMLSyntaxError: Error, Equatable {
    /// libyaml's reader refused the text (a control character, broken UTF-8).
    case reader(problem: String)
    /// The scanner's, parser's or composer's complaint, as a message, and its line.
    case malformed(String, line: Int)
    /// A key written twice in one mapping; NodeReader names its field.
    case duplicateKey(String, line: Int)
}

/// Builds `YAMLNode`s from libyaml's events (the libyaml Yams carries), one value at a time, so
/// that a reader may compose a whole document or take a long list item by item.
final class YAMLComposer {
    enum Event {
        case streamStart, streamEnd, documentStart, documentEnd
        case alias(anchor: String)
        case scalar(YAMLNode.Scalar, anchor: String?)
        case sequenceStart(anchor: String?, isFlow: Bool)
        case mappingStart(anchor: String?, isFlow: Bool)
        case sequenceEnd, mappingEnd
    }

    private let parser = UnsafeMutablePointer<yaml_parser_t>.allocate(capacity: 1)
    private var anchors: [String: YAMLNode] = [:]
    private static let nullTag = "tag:yaml.org,2002:null"
    private static let nullForms: Set<String> = ["", "~", "null", "Null", "NULL"]

    /// The bytes must outlive the composer: use `withComposer`.
    private init(bytes: UnsafeBufferPointer<UInt8>) {
        parser.initialize(to: yaml_parser_t())
        yaml_parser_initialize(parser)
        yaml_parser_set_encoding(parser, YAML_UTF8_ENCODING)
        yaml_parser_set_input_string(parser, bytes.baseAddress, bytes.count)
    }

    deinit {
        yaml_parser_delete(parser)
        parser.deallocate()
    }

    /// Runs `body` with a composer over `text`'s UTF-8 bytes.
    static func withComposer<T>(text: String, _ body: (YAMLComposer) throws -> T) throws -> T {
        var text = text
        if text.isEmpty { text = " " }  // libyaml asserts on a null buffer; a space holds no document
        return try text.withUTF8 { bytes in try body(YAMLComposer(bytes: bytes)) }
    }

    /// The file's single document, nil when it holds none.
    static func root(of text: String) throws -> YAMLNode? {
        try withComposer(text: text) { composer in
            guard try composer.beginDocument() else { return nil }
            let (event, line) = try composer.next()
            let root = try composer.compose(event, line: line)
            try composer.endDocument()
            return root
        }
    }

    /// Reads up to the first document's content; false when the stream holds no document.
    func beginDocument() throws -> Bool {
        guard case (.streamStart, _) = try next() else { throw malformed("expected the start of the stream", 1) }
        switch try next() {
        case (.documentStart, _): return true
        case (.streamEnd, _): return false
        case (_, let line): throw malformed("expected a document", line)
        }
    }

    /// Reads the end of the document and refuses a second one: a file holds one document.
    func endDocument() throws {
        guard case (.documentEnd, _) = try next() else { throw malformed("expected the end of the document", 1) }
        let (event, line) = try next()
        guard case .streamEnd = event else {
            throw malformed("a second document starts here; a file holds a single document", line)
        }
    }

    /// The next event and the line it starts on (1-based).
    func next() throws -> (Event, line: Int) {
        var event = yaml_event_t()
        guard yaml_parser_parse(parser, &event) == 1 else { throw error() }
        defer { yaml_event_delete(&event) }
        let line = Int(event.start_mark.line) + 1
        switch event.type {
        case YAML_STREAM_START_EVENT: return (.streamStart, line)
        case YAML_STREAM_END_EVENT: return (.streamEnd, line)
        case YAML_DOCUMENT_START_EVENT: return (.documentStart, line)
        case YAML_DOCUMENT_END_EVENT: return (.documentEnd, line)
        case YAML_ALIAS_EVENT: return (.alias(anchor: Self.string(event.data.alias.anchor) ?? ""), line)
        case YAML_SCALAR_EVENT:
            let data = event.data.scalar
            let text =
                data.value.map { String(decoding: UnsafeBufferPointer(start: $0, count: data.length), as: UTF8.self) }
                ?? ""
            let isPlain = data.style == YAML_PLAIN_SCALAR_STYLE
            let tag = data.quoted_implicit == 1 ? nil : Self.string(data.tag)
            // Every null form is at most 4 bytes long: longer text is never hashed.
            let isNullForm = data.length <= 4 && Self.nullForms.contains(text)
            let isNull = isPlain && (tag == Self.nullTag || (tag == nil && isNullForm))
            return (
                .scalar(
                    YAMLNode.Scalar(string: text, isPlain: isPlain, isNull: isNull), anchor: Self.string(data.anchor)),
                line
            )
        case YAML_SEQUENCE_START_EVENT:
            let data = event.data.sequence_start
            return (
                .sequenceStart(anchor: Self.string(data.anchor), isFlow: data.style == YAML_FLOW_SEQUENCE_STYLE), line
            )
        case YAML_MAPPING_START_EVENT:
            let data = event.data.mapping_start
            return (
                .mappingStart(anchor: Self.string(data.anchor), isFlow: data.style == YAML_FLOW_MAPPING_STYLE), line
            )
        case YAML_SEQUENCE_END_EVENT: return (.sequenceEnd, line)
        case YAML_MAPPING_END_EVENT: return (.mappingEnd, line)
        default: throw malformed("unexpected event", line)
        }
    }

    /// The node `event` starts, with everything inside it. Recurses once per level: NodeReader
    /// refuses deep nesting before composing.
    func compose(_ event: Event, line: Int) throws -> YAMLNode {
        switch event {
        case .scalar(let scalar, let anchor):
            return register(YAMLNode(.scalar(scalar), line: line), anchor)
        case .alias(let anchor):
            guard let node = anchors[anchor] else { throw malformed("found undefined alias", line) }
            return node
        case .sequenceStart(let anchor, let isFlow):
            var items: [YAMLNode] = []
            while true {
                let (next, nextLine) = try self.next()
                if case .sequenceEnd = next { break }
                items.append(try compose(next, line: nextLine))
            }
            return register(YAMLNode(.sequence(items), line: line, isFlow: isFlow), anchor)
        case .mappingStart(let anchor, let isFlow):
            var pairs: [YAMLNode.Pair] = []
            var keys: Set<String> = []
            while true {
                let (next, keyLine) = try self.next()
                if case .mappingEnd = next { break }
                let key = try compose(next, line: keyLine)
                let (valueEvent, valueLine) = try self.next()
                pairs.append(YAMLNode.Pair(key: key, value: try compose(valueEvent, line: valueLine)))
                if let text = key.string { try refuseDuplicate(text, line: keyLine, among: pairs, seen: &keys) }
            }
            return register(YAMLNode(.mapping(pairs), line: line, isFlow: isFlow), anchor)
        default:
            throw malformed("expected a value", line)
        }
    }

    /// Right after a sequence's start event: composes its items one at a time, each handed to
    /// `body` and let go, up to the sequence's end.
    func forEachItem(_ body: (YAMLNode) throws -> Void) throws {
        while true {
            let (event, line) = try next()
            if case .sequenceEnd = event { return }
            try body(try compose(event, line: line))
        }
    }

    /// A short mapping (a record's fields) is searched, a long one (a gazetteer's index) hashed.
    func refuseDuplicate(_ key: String, line: Int, among pairs: [YAMLNode.Pair], seen: inout Set<String>) throws {
        let earlier = pairs.dropLast()
        if earlier.count < 16 {
            guard earlier.contains(where: { $0.key.string == key }) else { return }
        } else {
            if seen.isEmpty { seen = Set(earlier.compactMap(\.key.string)) }
            guard seen.insert(key).inserted else { throw YAMLSyntaxError.duplicateKey(key, line: line) }
            return
        }
        throw YAMLSyntaxError.duplicateKey(key, line: line)
    }

    private func register(_ node: YAMLNode, _ anchor: String?) -> YAMLNode {
        if let anchor { anchors[anchor] = node }
        return node
    }

    private func malformed(_ message: String, _ line: Int) -> YAMLSyntaxError {
        .malformed("malformed YAML: \(message)", line: line)
    }

    /// libyaml's complaint in the words Yams gave it, so that messages read as before.
    private func error() -> YAMLSyntaxError {
        let state = parser.pointee
        let problem = state.problem.map { String(cString: $0) } ?? "unknown error"
        if state.error == YAML_READER_ERROR { return .reader(problem: problem) }
        let context = state.context.map {
            " \(String(cString: $0)) started on line \(Int(state.context_mark.line) + 1)"
        }
        return .malformed("malformed YAML: \(problem)" + (context ?? ""), line: Int(state.problem_mark.line) + 1)
    }

    private static func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        pointer.map { String(cString: $0) }
    }
}
