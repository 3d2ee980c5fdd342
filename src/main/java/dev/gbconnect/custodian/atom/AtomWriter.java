package dev.gbconnect.custodian.atom;

import com.ctc.wstx.stax.WstxOutputFactory;
import java.io.IOException;
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

    private final Sink sink;
    private final XMLStreamWriter2 w;
    private boolean rootWritten;

    public AtomWriter(OutputStream out) throws XMLStreamException {
        sink = new Sink(out);
        w = (XMLStreamWriter2) FACTORY.createXMLStreamWriter(sink, "UTF-8");
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
    public XMLStreamWriter startEntry(String id, String title, Instant published, Instant updated, Link... links)
            throws XMLStreamException {
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

    /** Writes well-formed, self-contained UTF-8 XML (a stored ESPI element) as it is, into the open content. */
    public void raw(byte[] xml, int length) throws XMLStreamException {
        // Closes the open start tag and hands Woodstox's buffer to the sink, so the bytes land after it.
        w.writeRaw("");
        w.flush();
        try {
            sink.write(xml, 0, length);
        } catch (IOException e) {
            throw new XMLStreamException(e);
        }
    }

    /**
     * A whole entry around a stored ESPI element, as a stored row holds it: a missing title is empty, a missing
     * updated time the epoch, a missing published time the updated one (atom.xsd requires all three).
     */
    public void storedEntry(
            String uuid, String title, Instant published, Instant updated, Link[] links, byte[] xml, int length)
            throws XMLStreamException {
        Instant changed = updated == null ? Instant.EPOCH : updated;
        startEntry(
                "urn:uuid:" + uuid,
                title == null ? "" : title,
                published == null ? changed : published,
                changed,
                links);
        raw(xml, length);
        endEntry();
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
        try {
            sink.drain();
        } catch (IOException e) {
            throw new XMLStreamException(e);
        }
        Bytes.giveBack(sink.buf);
    }

    /**
     * The document's bytes on their way out. Woodstox and {@link #raw} share it; Woodstox flushes it before every
     * raw write, so flushing only empties Woodstox into it, and the network sees full buffers.
     */
    private static final class Sink extends OutputStream {
        private final OutputStream out;
        private final byte[] buf = Bytes.borrow();
        private int n;

        Sink(OutputStream out) {
            this.out = out;
        }

        @Override
        public void write(int b) throws IOException {
            if (n == buf.length) drain();
            buf[n++] = (byte) b;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (len > buf.length - n) drain();
            if (len >= buf.length) {
                out.write(b, off, len);
                return;
            }
            System.arraycopy(b, off, buf, n, len);
            n += len;
        }

        @Override
        public void flush() {
            // deliberately empty: see the class comment
        }

        void drain() throws IOException {
            out.write(buf, 0, n);
            n = 0;
        }
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
