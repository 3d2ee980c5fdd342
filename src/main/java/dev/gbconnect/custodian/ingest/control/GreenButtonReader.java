package dev.gbconnect.custodian.ingest.control;

import static javax.xml.stream.XMLStreamConstants.CDATA;
import static javax.xml.stream.XMLStreamConstants.CHARACTERS;
import static javax.xml.stream.XMLStreamConstants.DTD;
import static javax.xml.stream.XMLStreamConstants.END_DOCUMENT;
import static javax.xml.stream.XMLStreamConstants.END_ELEMENT;
import static javax.xml.stream.XMLStreamConstants.ENTITY_REFERENCE;
import static javax.xml.stream.XMLStreamConstants.SPACE;
import static javax.xml.stream.XMLStreamConstants.START_ELEMENT;

import com.ctc.wstx.api.WstxInputProperties;
import com.ctc.wstx.stax.WstxInputFactory;
import dev.gbconnect.custodian.atom.EspiXml;
import dev.gbconnect.custodian.usage.entity.PackedReadings;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.XMLStreamWriter;
import javax.xml.validation.Schema;

/**
 * Reads a Green Button Atom feed one entry at a time, validating it against the ESPI schema set in the same pass.
 * Memory is bounded by the largest entry, never by the document, and no text, attribute value or name may exceed
 * {@link #MAX_TEXT} characters, nor elements nest deeper than {@link #MAX_DEPTH}. DTDs are refused outright: with
 * no DTD there are no entity declarations, so neither external entities (XXE) nor entity expansion (billion
 * laughs) can occur.
 */
public final class GreenButtonReader implements AutoCloseable {

    /**
     * The longest text (between two tags, comments included), attribute value or name. espi.xsd's longest string
     * is String512 and the stored Atom values are shorter still (UsageResource); this leaves extensions room.
     */
    public static final int MAX_TEXT = 65_536;

    /** ESPI needs 8 levels (feed, entry, content, IntervalBlock, IntervalReading, ReadingQuality, quality). */
    public static final int MAX_DEPTH = 64;

    /** Atom's link has 6, plus namespace declarations; each may hold MAX_TEXT characters. */
    static final int MAX_ATTRIBUTES = 64;

    private static final XMLInputFactory INPUTS = inputFactory();
    private static final XMLOutputFactory OUTPUTS = outputFactory();
    /** xs:dateTime allows any number of year digits; java.time reads more than four only with a '+'. */
    private static final Pattern FIVE_DIGIT_YEAR = Pattern.compile("[+-]?\\d{5}");

    private final XMLStreamReader reader;
    private final Problems problems;
    private final PackedReadings.Builder packer = new PackedReadings.Builder();
    private final StringBuilder text = new StringBuilder();
    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();
    private boolean finished;

    /** Stops the read after the problem was already recorded. */
    static final class Reported extends XMLStreamException {}

    public GreenButtonReader(InputStream in, Schema schema, Problems problems) throws XMLStreamException {
        this.problems = problems;
        this.reader = new ValidatingStreamReader(
                INPUTS.createXMLStreamReader(new NameLimit(in, MAX_TEXT)), schema, problems, MAX_TEXT);
        while (nextEvent() != START_ELEMENT) {
            // prolog: comments, processing instructions
        }
        if (!isAtom("feed")) {
            problems.add(
                    line(),
                    column(),
                    "the document element must be an Atom feed ({" + EspiXml.ATOM + "}feed), found {"
                            + reader.getNamespaceURI() + "}" + reader.getLocalName());
            throw new Reported();
        }
    }

    /** The next entry, or null after the last one. */
    public AtomEntry next() throws XMLStreamException {
        while (!finished) {
            int event = nextEvent();
            if (event == START_ELEMENT) {
                if (isAtom("entry")) return readEntryLoop();
                skipElement();
            } else if (event == END_ELEMENT) {
                while (nextEvent() != END_DOCUMENT) {
                    // trailing comments
                }
                finished = true;
            }
        }
        return null;
    }

    private AtomEntry readEntryLoop() throws XMLStreamException {
        int line = line(), column = column();
        String id = null, title = null, self = null, up = null;
        Instant published = null, updated = null;
        List<String> related = new ArrayList<>(4);
        List<AtomEntry.Content> contents = new ArrayList<>(1);
        while (nextElementOrEnd()) {
            if (!EspiXml.ATOM.equals(reader.getNamespaceURI())) {
                skipElement();
                continue;
            }
            switch (reader.getLocalName()) {
                case "id" -> id = readText();
                case "title" -> title = readText();
                case "published" -> published = readTime();
                case "updated" -> updated = readTime();
                case "link" -> {
                    String rel = reader.getAttributeValue(null, "rel"), href = reader.getAttributeValue(null, "href");
                    skipElement();
                    if (href != null) {
                        if ("self".equals(rel)) self = href;
                        else if ("up".equals(rel)) up = href;
                        else if ("related".equals(rel)) related.add(href);
                    }
                }
                case "content" -> readContent(contents);
                default -> skipElement();
            }
        }
        return new AtomEntry(line, column, id, title, published, updated, self, up, List.copyOf(related), contents);
    }

    private void readContent(List<AtomEntry.Content> contents) throws XMLStreamException {
        while (nextElementOrEnd()) {
            if (EspiXml.ESPI.equals(reader.getNamespaceURI()) && "IntervalBlock".equals(reader.getLocalName())) {
                contents.add(readIntervalBlock());
            } else {
                String namespace = reader.getNamespaceURI(), element = reader.getLocalName();
                Map<String, String> fields = new HashMap<>();
                byte[] xml = captureLoop(fields);
                contents.add(new AtomEntry.Described(namespace, element, xml, fields));
            }
        }
    }

    private AtomEntry.Block readIntervalBlock() throws XMLStreamException {
        StringBuilder prefix = null;
        Long start = null, duration = null;
        while (nextElementOrEnd()) {
            switch (espiName()) {
                case "extension", "batchItemInfo" -> prefix = append(prefix, captureString());
                case "interval" -> {
                    long[] period = new long[2];
                    String ext = readPeriod(period);
                    start = period[0];
                    duration = period[1];
                    packer.interval(start, duration, ext);
                }
                case "IntervalReading" -> readReading();
                default -> skipElement();
            }
        }
        if (prefix != null) packer.blockPrefix(prefix.toString());
        int count = packer.count();
        return new AtomEntry.Block(start, duration, count, packer.finish());
    }

    private void readReading() throws XMLStreamException {
        StringBuilder ext = null;
        while (nextElementOrEnd()) {
            switch (espiName()) {
                case "extension" -> ext = append(ext, captureString());
                case "cost" -> packer.cost(readLongLoop());
                case "ReadingQuality" -> readQuality();
                case "timePeriod" -> {
                    long[] period = new long[2];
                    String periodExt = readPeriod(period);
                    packer.timePeriod(period[0], period[1], periodExt);
                }
                case "value" -> packer.value(readLongLoop());
                case "consumptionTier" -> packer.consumptionTier(readLongLoop());
                case "tou" -> packer.tou(readLongLoop());
                case "cpp" -> packer.cpp(readLongLoop());
                default -> skipElement();
            }
        }
        if (ext != null) packer.readingExtension(ext.toString());
        packer.endReading();
    }

    private void readQuality() throws XMLStreamException {
        StringBuilder ext = null;
        int code = 0;
        while (nextElementOrEnd()) {
            switch (espiName()) {
                case "extension" -> ext = append(ext, captureString());
                case "quality" -> code = (int) readLongLoop();
                default -> skipElement();
            }
        }
        packer.quality(code, ext == null ? null : ext.toString());
    }

    /** Reads a DateTimeInterval into {start, duration}; answers its extension XML, if any. */
    private String readPeriod(long[] period) throws XMLStreamException {
        StringBuilder ext = null;
        while (nextElementOrEnd()) {
            switch (espiName()) {
                case "extension" -> ext = append(ext, captureString());
                case "duration" -> period[1] = readLongLoop();
                case "start" -> {
                    int line = line(), column = column();
                    period[0] = readLongLoop();
                    String outside = StoredRange.time("start", period[0]);
                    if (outside != null) problems.add(line, column, outside);
                }
                default -> skipElement();
            }
        }
        return ext == null ? null : ext.toString();
    }

    /** Re-serializes the current element compactly (no comments, no indentation, values trimmed). */
    private byte[] captureLoop(Map<String, String> fields) throws XMLStreamException {
        captured.reset();
        text.setLength(0);
        XMLStreamWriter out = OUTPUTS.createXMLStreamWriter(captured, "UTF-8");
        StringBuilder path = new StringBuilder();
        int[] pathLengths = new int[16];
        boolean leaf = false;
        int depth = 0;
        int event = START_ELEMENT;
        do {
            switch (event) {
                case START_ELEMENT -> {
                    flushText(out);
                    String ns = reader.getNamespaceURI();
                    boolean espi = EspiXml.ESPI.equals(ns);
                    out.writeStartElement(
                            espi || ns == null ? "" : nonNull(reader.getPrefix()), reader.getLocalName(), nonNull(ns));
                    for (int i = 0; i < reader.getAttributeCount(); i++) {
                        out.writeAttribute(
                                nonNull(reader.getAttributePrefix(i)),
                                nonNull(reader.getAttributeNamespace(i)),
                                reader.getAttributeLocalName(i),
                                reader.getAttributeValue(i));
                    }
                    if (depth > 0) {
                        if (depth >= pathLengths.length) pathLengths = java.util.Arrays.copyOf(pathLengths, depth * 2);
                        pathLengths[depth] = path.length();
                        if (path.length() > 0) path.append('/');
                        path.append(reader.getLocalName());
                    }
                    depth++;
                    leaf = true;
                }
                case CHARACTERS, CDATA, SPACE ->
                    text.append(reader.getTextCharacters(), reader.getTextStart(), reader.getTextLength());
                case END_ELEMENT -> {
                    String value = flushText(out);
                    if (leaf && value != null && EspiXml.ESPI.equals(reader.getNamespaceURI())) {
                        String outside = StoredRange.leaf(reader.getLocalName(), value);
                        if (outside != null) problems.add(line(), column(), outside);
                    }
                    if (leaf && value != null && fields != null) fields.putIfAbsent(path.toString(), value);
                    out.writeEndElement();
                    depth--;
                    if (depth > 0) path.setLength(pathLengths[depth]);
                    leaf = false;
                }
                default -> {}
            }
            if (depth == 0) break;
            event = nextEvent();
        } while (true);
        out.close();
        return captured.toByteArray();
    }

    private String captureString() throws XMLStreamException {
        return new String(captureLoop(null), java.nio.charset.StandardCharsets.UTF_8);
    }

    private String flushText(XMLStreamWriter out) throws XMLStreamException {
        String value = text.toString().strip();
        text.setLength(0);
        if (value.isEmpty()) return null;
        out.writeCharacters(value);
        return value;
    }

    private String readText() throws XMLStreamException {
        collectText();
        return text.toString().strip();
    }

    /**
     * Reads a whole-number value straight from the parser's buffers, without copying or making a String (it runs
     * for every field of every reading). A malformed value is the validator's to report; it reads as 0 here.
     */
    private long readLongLoop() throws XMLStreamException {
        long value = 0;
        boolean negative = false, digits = false, malformed = false, done = false;
        int depth = 1;
        while (depth > 0) {
            switch (nextEvent()) {
                case CHARACTERS, CDATA, SPACE -> {
                    if (depth > 1) break;
                    char[] chars = reader.getTextCharacters();
                    for (int i = reader.getTextStart(), end = i + reader.getTextLength(); i < end; i++) {
                        char c = chars[i];
                        if (c >= '0' && c <= '9' && !done) {
                            value = value * 10 + (c - '0');
                            digits = true;
                        } else if ((c == '-' || c == '+') && !digits && !negative) {
                            negative = c == '-';
                        } else if (Character.isWhitespace(c)) {
                            done |= digits;
                        } else {
                            malformed = true;
                        }
                    }
                }
                case START_ELEMENT -> depth++;
                case END_ELEMENT -> depth--;
                default -> {}
            }
        }
        if (malformed) return 0;
        return negative ? -value : value;
    }

    private Instant readTime() throws XMLStreamException {
        int line = line(), column = column();
        String element = reader.getLocalName();
        String value = readText();
        Instant time = parseTime(value);
        String outside = time != null
                ? StoredRange.time(element, time)
                : FIVE_DIGIT_YEAR.matcher(value).lookingAt()
                        ? element + " " + value + " is outside the years 1 to 9999 this server keeps"
                        : null;
        if (outside != null) problems.add(line, column, outside);
        return time;
    }

    private static Instant parseTime(String value) {
        Instant plain = plainUtc(value);
        if (plain != null) return plain;
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(value).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException again) {
                return null; // the schema check reports the bad date
            }
        }
    }

    /**
     * The form nearly every file writes, {@code 2024-01-31T23:45:00Z}, read without java.time's general parser (it
     * runs twice an entry, and an IntervalBlock entry is all a large file has); null for any other form, or a date
     * java.time refuses, which the general parser then reads or refuses.
     */
    private static Instant plainUtc(String v) {
        if (v.length() != 20
                || v.charAt(4) != '-'
                || v.charAt(7) != '-'
                || v.charAt(10) != 'T'
                || v.charAt(13) != ':'
                || v.charAt(16) != ':'
                || v.charAt(19) != 'Z') return null;
        int year = digits(v, 0, 4), month = digits(v, 5, 2), day = digits(v, 8, 2);
        int hour = digits(v, 11, 2), minute = digits(v, 14, 2), second = digits(v, 17, 2);
        if ((year | month | day | hour | minute | second) < 0) return null;
        try {
            return LocalDateTime.of(year, month, day, hour, minute, second).toInstant(ZoneOffset.UTC);
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** The decimal number of {@code count} ASCII digits at {@code from}, -1 if any is not a digit. */
    private static int digits(String s, int from, int count) {
        int n = 0;
        for (int i = from; i < from + count; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') return -1;
            n = n * 10 + (c - '0');
        }
        return n;
    }

    /** Gathers the text of the current element; nested elements are skipped (the schema reports them). */
    private void collectText() throws XMLStreamException {
        text.setLength(0);
        int depth = 1;
        while (depth > 0) {
            switch (nextEvent()) {
                case CHARACTERS, CDATA, SPACE -> {
                    if (depth == 1)
                        text.append(reader.getTextCharacters(), reader.getTextStart(), reader.getTextLength());
                }
                case START_ELEMENT -> depth++;
                case END_ELEMENT -> depth--;
                default -> {}
            }
        }
    }

    private void skipElement() throws XMLStreamException {
        int depth = 1;
        while (depth > 0) {
            int event = nextEvent();
            if (event == START_ELEMENT) depth++;
            else if (event == END_ELEMENT) depth--;
        }
    }

    /** Advances to the next child element (true) or to the end of the current element (false). */
    private boolean nextElementOrEnd() throws XMLStreamException {
        while (true) {
            int event = nextEvent();
            if (event == START_ELEMENT) return true;
            if (event == END_ELEMENT) return false;
        }
    }

    private int nextEvent() throws XMLStreamException {
        int event;
        try {
            event = reader.next();
        } catch (XMLStreamException e) {
            // Woodstox's limits and I/O failures come without a location; the uploader is owed the line.
            if (e.getLocation() != null) throw e;
            throw new XMLStreamException(UsageImporter.parserMessage(e), reader.getLocation(), e);
        }
        if (event == DTD || event == ENTITY_REFERENCE) {
            problems.add(
                    line(),
                    column(),
                    "DOCTYPE declarations and entity references are not allowed in Green Button data");
            throw new Reported();
        }
        return event;
    }

    private String espiName() {
        return EspiXml.ESPI.equals(reader.getNamespaceURI()) ? reader.getLocalName() : "";
    }

    private boolean isAtom(String local) {
        return EspiXml.ATOM.equals(reader.getNamespaceURI()) && local.equals(reader.getLocalName());
    }

    private static StringBuilder append(StringBuilder sb, String s) {
        return (sb == null ? new StringBuilder() : sb).append(s);
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }

    int line() {
        return reader.getLocation().getLineNumber();
    }

    int column() {
        return reader.getLocation().getColumnNumber();
    }

    @Override
    public void close() throws XMLStreamException {
        reader.close();
    }

    private static XMLInputFactory inputFactory() {
        // Named, not looked up: the importer's speed and its refusal of DTDs must not depend on the class path.
        XMLInputFactory f = new WstxInputFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        // Memory per node is bounded here, names by NameLimit, text across comments by ValidatingStreamReader.
        f.setProperty(WstxInputProperties.P_MAX_TEXT_LENGTH, MAX_TEXT);
        f.setProperty(WstxInputProperties.P_MAX_ATTRIBUTE_SIZE, MAX_TEXT);
        f.setProperty(WstxInputProperties.P_MAX_ATTRIBUTES_PER_ELEMENT, MAX_ATTRIBUTES);
        f.setProperty(WstxInputProperties.P_MAX_ELEMENT_DEPTH, MAX_DEPTH);
        return f;
    }

    private static XMLOutputFactory outputFactory() {
        XMLOutputFactory f = XMLOutputFactory.newDefaultFactory();
        f.setProperty(XMLOutputFactory.IS_REPAIRING_NAMESPACES, true);
        return f;
    }
}
