package dev.gbconnect.custodian.ingest.control;

import static javax.xml.stream.XMLStreamConstants.CDATA;
import static javax.xml.stream.XMLStreamConstants.CHARACTERS;
import static javax.xml.stream.XMLStreamConstants.END_DOCUMENT;
import static javax.xml.stream.XMLStreamConstants.END_ELEMENT;
import static javax.xml.stream.XMLStreamConstants.SPACE;
import static javax.xml.stream.XMLStreamConstants.START_ELEMENT;

import dev.gbconnect.custodian.atom.EspiXml;
import java.util.Arrays;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.util.StreamReaderDelegate;
import javax.xml.validation.Schema;
import javax.xml.validation.ValidatorHandler;
import org.xml.sax.ErrorHandler;
import org.xml.sax.Locator;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.AttributesImpl;

/**
 * A pull reader that shows every event it returns to the JDK's schema validator, so the importer reads the
 * document once, entry by entry, and validates it in the same pass. The JDK validates push-style (SAX) only; this
 * bridge feeds it. Callers must advance with {@link #next()} alone: the delegate's shortcuts (getElementText,
 * nextTag) would hide events from the validator.
 *
 * <p>IntervalReadings are the exception, for speed: {@link IntervalReadingCheck} looks at each first. While it
 * finds the reading plainly valid the validator never sees it, which it need not: IntervalReadings end an
 * IntervalBlock's content, so leaving them out cannot change its verdict on the rest (an element that follows one
 * is reported here). When the check is not sure, the validator is shown the reading so far and takes over.
 */
final class ValidatingStreamReader extends StreamReaderDelegate implements Locator {

    private final ValidatorHandler validator;
    private final Problems problems;
    private final AttributesImpl attributes = new AttributesImpl();
    private final IntervalReadingCheck check = new IntervalReadingCheck();

    private int depth;
    /** Depths of the open espi:IntervalBlock elements, innermost last. */
    private int[] blocks = new int[4];

    private int openBlocks;
    private boolean readingSkipped;
    /** Depth of the IntervalReading being read, 0 outside one; {@code holding} while the check still vouches for it. */
    private int readingDepth;

    private boolean holding;

    ValidatingStreamReader(XMLStreamReader reader, Schema schema, Problems problems) throws XMLStreamException {
        super(reader);
        this.problems = problems;
        validator = schema.newValidatorHandler();
        try {
            // Only the schema set we loaded counts: no xsi:schemaLocation fetches, no DTDs.
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            validator.setErrorHandler(new Collector(problems));
            validator.setDocumentLocator(this);
            validator.startDocument();
        } catch (SAXException e) {
            throw new XMLStreamException(e);
        }
    }

    @Override
    public int next() throws XMLStreamException {
        int event = super.next();
        try {
            if (event == START_ELEMENT) {
                depth++;
                if (readingDepth == 0) enterChild();
            }
            if (holding) {
                hold(event);
            } else {
                forward(event);
                if (event == START_ELEMENT && readingDepth == 0 && isEspi("IntervalBlock")) openBlock();
            }
            if (event == END_ELEMENT) leave();
        } catch (SAXException e) {
            throw new XMLStreamException(e.getMessage(), getLocation(), e);
        }
        return event;
    }

    /** A child of an IntervalBlock: an IntervalReading goes to the check first; anything after a skipped one is an error. */
    private void enterChild() {
        if (openBlocks == 0 || depth != blocks[openBlocks - 1] + 1) return;
        boolean reading = isEspi("IntervalReading");
        if (reading && getAttributeCount() == 0 && getNamespaceCount() == 0) {
            readingDepth = depth;
            holding = true;
            check.reset();
        } else if (reading) {
            readingDepth = depth;
        } else if (readingSkipped) {
            problems.add(
                    getLocation().getLineNumber(),
                    getLocation().getColumnNumber(),
                    "invalid content starting with element '" + getLocalName()
                            + "': nothing may follow the IntervalReading elements of an IntervalBlock");
        }
    }

    private void hold(int event) throws SAXException {
        boolean sure = switch (event) {
            case START_ELEMENT ->
                check.start(getNamespaceURI(), getLocalName(), getAttributeCount() == 0 && getNamespaceCount() == 0);
            case CHARACTERS, CDATA, SPACE -> check.text(getTextCharacters(), getTextStart(), getTextLength());
            case END_ELEMENT -> check.end();
            default -> true;
        };
        if (!sure) {
            holding = false;
            check.replay(validator);
            forward(event);
        } else if (check.complete()) {
            holding = false;
            readingSkipped = true;
        }
    }

    private void leave() {
        if (depth == readingDepth) readingDepth = 0;
        if (openBlocks > 0 && blocks[openBlocks - 1] == depth) {
            openBlocks--;
            readingSkipped = false;
        }
        depth--;
    }

    private void openBlock() {
        if (openBlocks == blocks.length) blocks = Arrays.copyOf(blocks, openBlocks * 2);
        blocks[openBlocks++] = depth;
    }

    private void forward(int event) throws SAXException {
        switch (event) {
            case START_ELEMENT -> {
                for (int i = 0, n = getNamespaceCount(); i < n; i++) {
                    validator.startPrefixMapping(nullToEmpty(getNamespacePrefix(i)), nullToEmpty(getNamespaceURI(i)));
                }
                validator.startElement(nullToEmpty(getNamespaceURI()), getLocalName(), qName(), attributes());
            }
            case END_ELEMENT -> {
                validator.endElement(nullToEmpty(getNamespaceURI()), getLocalName(), qName());
                for (int i = 0, n = getNamespaceCount(); i < n; i++) {
                    validator.endPrefixMapping(nullToEmpty(getNamespacePrefix(i)));
                }
            }
            case CHARACTERS, CDATA, SPACE -> validator.characters(getTextCharacters(), getTextStart(), getTextLength());
            case END_DOCUMENT -> validator.endDocument();
            default -> {}
        }
    }

    private AttributesImpl attributes() {
        attributes.clear();
        for (int i = 0, n = getAttributeCount(); i < n; i++) {
            String prefix = getAttributePrefix(i);
            String local = getAttributeLocalName(i);
            attributes.addAttribute(
                    nullToEmpty(getAttributeNamespace(i)),
                    local,
                    prefix == null || prefix.isEmpty() ? local : prefix + ":" + local,
                    "CDATA",
                    getAttributeValue(i));
        }
        return attributes;
    }

    private boolean isEspi(String local) {
        return EspiXml.ESPI.equals(getNamespaceURI()) && local.equals(getLocalName());
    }

    private String qName() {
        String prefix = getPrefix();
        return prefix == null || prefix.isEmpty() ? getLocalName() : prefix + ":" + getLocalName();
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    @Override
    public String getPublicId() {
        return null;
    }

    @Override
    public String getSystemId() {
        return null;
    }

    @Override
    public int getLineNumber() {
        return getLocation().getLineNumber();
    }

    @Override
    public int getColumnNumber() {
        return getLocation().getColumnNumber();
    }

    /** Keeps going after an error so the uploader sees every problem at once. */
    private record Collector(Problems problems) implements ErrorHandler {
        @Override
        public void warning(SAXParseException e) {}

        @Override
        public void error(SAXParseException e) {
            add(e);
        }

        @Override
        public void fatalError(SAXParseException e) {
            add(e);
        }

        private void add(SAXParseException e) {
            problems.add(e.getLineNumber(), e.getColumnNumber(), e.getMessage());
        }
    }
}
