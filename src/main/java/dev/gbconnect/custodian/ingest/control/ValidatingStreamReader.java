package dev.gbconnect.custodian.ingest.control;

import javax.xml.XMLConstants;
import javax.xml.stream.XMLStreamConstants;
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
 */
final class ValidatingStreamReader extends StreamReaderDelegate implements Locator {

    private final ValidatorHandler validator;
    private final AttributesImpl attributes = new AttributesImpl();

    ValidatingStreamReader(XMLStreamReader reader, Schema schema, Problems problems) throws XMLStreamException {
        super(reader);
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
            switch (event) {
                case XMLStreamConstants.START_ELEMENT -> startElement();
                case XMLStreamConstants.END_ELEMENT -> endElement();
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE ->
                        validator.characters(getTextCharacters(), getTextStart(), getTextLength());
                case XMLStreamConstants.END_DOCUMENT -> validator.endDocument();
                default -> { }
            }
        } catch (SAXException e) {
            throw new XMLStreamException(e.getMessage(), getLocation(), e);
        }
        return event;
    }

    private void startElement() throws SAXException {
        for (int i = 0, n = getNamespaceCount(); i < n; i++) {
            validator.startPrefixMapping(nullToEmpty(getNamespacePrefix(i)), nullToEmpty(getNamespaceURI(i)));
        }
        attributes.clear();
        for (int i = 0, n = getAttributeCount(); i < n; i++) {
            String prefix = getAttributePrefix(i);
            String local = getAttributeLocalName(i);
            attributes.addAttribute(nullToEmpty(getAttributeNamespace(i)), local,
                    prefix == null || prefix.isEmpty() ? local : prefix + ":" + local, "CDATA", getAttributeValue(i));
        }
        validator.startElement(nullToEmpty(getNamespaceURI()), getLocalName(), qName(), attributes);
    }

    private void endElement() throws SAXException {
        validator.endElement(nullToEmpty(getNamespaceURI()), getLocalName(), qName());
        for (int i = 0, n = getNamespaceCount(); i < n; i++) {
            validator.endPrefixMapping(nullToEmpty(getNamespacePrefix(i)));
        }
    }

    private String qName() {
        String prefix = getPrefix();
        return prefix == null || prefix.isEmpty() ? getLocalName() : prefix + ":" + getLocalName();
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    @Override public String getPublicId() { return null; }
    @Override public String getSystemId() { return null; }
    @Override public int getLineNumber() { return getLocation().getLineNumber(); }
    @Override public int getColumnNumber() { return getLocation().getColumnNumber(); }

    /** Keeps going after an error so the uploader sees every problem at once. */
    private record Collector(Problems problems) implements ErrorHandler {
        @Override public void warning(SAXParseException e) { }
        @Override public void error(SAXParseException e) { add(e); }
        @Override public void fatalError(SAXParseException e) { add(e); }

        private void add(SAXParseException e) {
            problems.add(e.getLineNumber(), e.getColumnNumber(), e.getMessage());
        }
    }
}
