package dev.gbconnect.custodian.ingest.control;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The UsagePoint URIs of a ServiceLocation (customer.xsd {@code UsagePoints/UsagePoint}), read back from the element
 * the upload captured: the reader keeps only the first value of a repeated leaf, and a location may serve several.
 */
final class ServedUsagePoints {

    private static final XMLInputFactory INPUTS = inputs();

    private ServedUsagePoints() {}

    static List<String> of(byte[] serviceLocation) {
        List<String> uris = new ArrayList<>();
        try {
            XMLStreamReader r = INPUTS.createXMLStreamReader(new ByteArrayInputStream(serviceLocation));
            while (r.hasNext()) {
                if (r.next() == XMLStreamConstants.START_ELEMENT
                        && "UsagePoint".equals(r.getLocalName())
                        && CustomerInfoRun.NAMESPACE.equals(r.getNamespaceURI())) {
                    uris.add(r.getElementText().strip());
                }
            }
            r.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("a validated ServiceLocation did not read back", e);
        }
        return uris;
    }

    private static XMLInputFactory inputs() {
        XMLInputFactory f = XMLInputFactory.newDefaultFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        return f;
    }
}
