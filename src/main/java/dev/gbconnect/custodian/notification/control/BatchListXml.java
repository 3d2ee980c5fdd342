package dev.gbconnect.custodian.notification.control;

import dev.gbconnect.custodian.atom.EspiXml;
import java.io.ByteArrayOutputStream;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/** The body of a notice: an {@code espi:BatchList} of resource URIs, nothing else. */
final class BatchListXml {

    private static final XMLOutputFactory OUTPUT = XMLOutputFactory.newFactory();

    private BatchListXml() {}

    static byte[] of(List<String> uris) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256 + 128 * uris.size());
        try {
            XMLStreamWriter w = OUTPUT.createXMLStreamWriter(out, "UTF-8");
            w.writeStartDocument("UTF-8", "1.0");
            w.setDefaultNamespace(EspiXml.ESPI);
            w.writeStartElement(EspiXml.ESPI, "BatchList");
            w.writeDefaultNamespace(EspiXml.ESPI);
            for (String uri : uris) {
                w.writeStartElement(EspiXml.ESPI, "resources");
                w.writeCharacters(uri);
                w.writeEndElement();
            }
            w.writeEndElement();
            w.writeEndDocument();
            w.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("writing a BatchList to memory cannot fail", e);
        }
        return out.toByteArray();
    }
}
