package dev.gbconnect.custodian.retail.control;

import dev.gbconnect.custodian.retail.control.CustomerInfoRows.Served;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import javax.xml.stream.XMLEventFactory;
import javax.xml.stream.XMLEventReader;
import javax.xml.stream.XMLEventWriter;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.events.StartElement;
import javax.xml.stream.events.XMLEvent;

/**
 * A ServiceLocation as a reach by usage points may see it (issue 17: access reaches only the UsagePoints chosen at
 * consent). A location may serve several UsagePoints, and customer.xsd's {@code UsagePoints/UsagePoint} names each
 * by URI, so a location shared for one UsagePoint would otherwise tell the third party the ids of the others. Those
 * the reach does not hold are dropped from the stored element; an element naming none of them is served unchanged.
 */
final class UnchosenUsagePoints {

    private static final String CUSTOMER = "http://naesb.org/espi/customer";
    private static final XMLInputFactory INPUTS = inputs();
    private static final XMLOutputFactory OUTPUTS = XMLOutputFactory.newDefaultFactory();
    private static final XMLEventFactory EVENTS = XMLEventFactory.newDefaultFactory();

    private UnchosenUsagePoints() {}

    /** The stored ServiceLocation without the UsagePoint URIs that name no reached one of those it serves. */
    static byte[] hide(byte[] serviceLocation, List<Served> served) {
        if (served.stream().allMatch(Served::reached)) return serviceLocation;
        try {
            return without(serviceLocation, served);
        } catch (XMLStreamException e) {
            throw new IllegalStateException("a stored ServiceLocation did not read back", e);
        }
    }

    private static byte[] without(byte[] xml, List<Served> served) throws XMLStreamException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(xml.length);
        XMLEventReader in = INPUTS.createXMLEventReader(new ByteArrayInputStream(xml));
        XMLEventWriter w = OUTPUTS.createXMLEventWriter(out, "UTF-8");
        while (in.hasNext()) {
            XMLEvent e = in.nextEvent();
            if (e.isStartDocument() || e.isEndDocument()) continue;
            if (isUsagePoint(e)) {
                StartElement start = e.asStartElement();
                String uri = in.getElementText();
                if (!shown(uri, served)) continue;
                w.add(start);
                w.add(EVENTS.createCharacters(uri));
                w.add(EVENTS.createEndElement(start.getName(), null));
            } else {
                w.add(e);
            }
        }
        w.close();
        return out.toByteArray();
    }

    private static boolean isUsagePoint(XMLEvent e) {
        return e.isStartElement()
                && "UsagePoint".equals(e.asStartElement().getName().getLocalPart())
                && CUSTOMER.equals(e.asStartElement().getName().getNamespaceURI());
    }

    /**
     * Resolved as the upload resolved it (by the UsagePoint's own self link, else by its id as the last segment); a
     * URI that names none of the reached ones is hidden.
     */
    private static boolean shown(String uri, List<Served> served) {
        String path = path(uri);
        String last = path.substring(path.lastIndexOf('/') + 1);
        Optional<Served> named = served.stream()
                .filter(s -> s.sourceHref() != null && path.equals(path(s.sourceHref())))
                .findFirst()
                .or(() -> served.stream()
                        .filter(s -> s.usagePointId().equals(last))
                        .findFirst());
        return named.map(Served::reached).orElse(false);
    }

    /** The link's path without its leading and trailing slashes: files mix absolute and relative forms of a link. */
    private static String path(String href) {
        String h = href.strip();
        try {
            String p = URI.create(h).getRawPath();
            if (p != null) h = p;
        } catch (IllegalArgumentException notAUri) {
            // compared as written
        }
        return h.replaceAll("^/+|/+$", "");
    }

    private static XMLInputFactory inputs() {
        XMLInputFactory f = XMLInputFactory.newDefaultFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        return f;
    }
}
