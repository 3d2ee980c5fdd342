package dev.gbconnect.custodian.feed.control;

import com.ctc.wstx.stax.WstxOutputFactory;
import java.io.OutputStream;
import java.time.Instant;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.codehaus.stax2.XMLStreamWriter2;

/**
 * Streams a Green Button Atom document: a feed of entries, or one entry as the root. Entries carry what GBA's
 * atom.xsd and certification expect, in one place: id, links together (the schema wants runs of two or more),
 * title, published, updated, then the ESPI content, written by the caller in the ESPI default namespace.
 */
public final class AtomWriter implements AutoCloseable {

    private static final XMLOutputFactory FACTORY = new WstxOutputFactory();

    /** An Atom link; {@code type} is ESPI's {@code espi-entry/<Resource>} or {@code espi-feed/<Resource>}. */
    public record Link(String rel, String href, String type) {
        public static Link self(String href, String type) {
            return new Link("self", href, type);
        }

        public static Link up(String href, String type) {
            return new Link("up", href, type);
        }
    }

    private final XMLStreamWriter2 w;
    private boolean rootWritten;
    private char[] chars = new char[8192];

    public AtomWriter(OutputStream out) throws XMLStreamException {
        w = (XMLStreamWriter2) FACTORY.createXMLStreamWriter(out, "UTF-8");
        w.writeStartDocument("UTF-8", "1.0");
    }

    public void startFeed(String id, String title, Instant updated, Link... links) throws XMLStreamException {
        root("feed");
        leaf("id", id);
        links(links);
        leaf("title", title);
        leaf("updated", updated.toString());
    }

    /** Opens an entry and its content; the caller writes the ESPI element, then calls {@link #endEntry()}. */
    public XMLStreamWriter startEntry(String id, String title, Instant published, Instant updated, Link... links) throws XMLStreamException {
        if (rootWritten) w.writeStartElement(EspiXml.ATOM, "entry");
        else root("entry");
        leaf("id", id);
        links(links);
        leaf("title", title);
        leaf("published", published.toString());
        leaf("updated", updated.toString());
        w.writeStartElement(EspiXml.ATOM, "content");
        return w;
    }

    /** Writes well-formed, self-contained XML (a stored ESPI element) as it is, into the open content. */
    public void raw(CharSequence xml) throws XMLStreamException {
        int n = xml.length();
        if (chars.length < n) chars = new char[Math.max(n, chars.length * 2)];
        if (xml instanceof StringBuilder b) b.getChars(0, n, chars, 0);
        else xml.toString().getChars(0, n, chars, 0);
        w.writeRaw(chars, 0, n);
    }

    public void endEntry() throws XMLStreamException {
        w.writeEndElement();
        w.writeEndElement();
    }

    /** Starts an ESPI element that makes ESPI the default namespace below it. */
    public static void startEspi(XMLStreamWriter w, String localName) throws XMLStreamException {
        w.writeStartElement("", localName, EspiXml.ESPI);
        w.writeDefaultNamespace(EspiXml.ESPI);
    }

    /** A leaf in the default namespace in effect (ESPI below {@link #startEspi}), skipped when {@code value} is null. */
    public static void leaf(XMLStreamWriter w, String name, Object value) throws XMLStreamException {
        if (value == null) return;
        w.writeStartElement(name);
        w.writeCharacters(value.toString());
        w.writeEndElement();
    }

    @Override
    public void close() throws XMLStreamException {
        w.writeEndDocument();
        w.close();
    }

    private void root(String name) throws XMLStreamException {
        w.setDefaultNamespace(EspiXml.ATOM);
        w.writeStartElement(EspiXml.ATOM, name);
        w.writeDefaultNamespace(EspiXml.ATOM);
        rootWritten = true;
    }

    private void links(Link... links) throws XMLStreamException {
        for (Link l : links) {
            w.writeEmptyElement(EspiXml.ATOM, "link");
            w.writeAttribute("rel", l.rel());
            w.writeAttribute("href", l.href());
            if (l.type() != null) w.writeAttribute("type", l.type());
        }
    }

    private void leaf(String name, String value) throws XMLStreamException {
        w.writeStartElement(EspiXml.ATOM, name);
        w.writeCharacters(value);
        w.writeEndElement();
    }
}
