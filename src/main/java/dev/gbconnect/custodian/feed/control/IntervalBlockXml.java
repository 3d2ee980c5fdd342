package dev.gbconnect.custodian.feed.control;

import dev.gbconnect.custodian.usage.entity.PackedReadings;
import java.io.StringReader;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.XMLStreamWriter;

/** Writes a stored IntervalBlock back as ESPI XML, elements in the order espi.xsd 4.0 prescribes. */
public final class IntervalBlockXml {

    private static final XMLInputFactory FRAGMENTS = XMLInputFactory.newDefaultFactory();

    private IntervalBlockXml() {
    }

    /** Writes {@code <IntervalBlock>} in the ESPI namespace, which the caller has bound as the default namespace. */
    public static void write(XMLStreamWriter w, byte[] packed) throws XMLStreamException {
        PackedReadings.Cursor c = new PackedReadings.Cursor(packed);
        w.writeStartElement(EspiXml.ESPI, "IntervalBlock");
        fragment(w, c.blockPrefixXml());
        if (c.hasInterval()) {
            period(w, "interval", c.intervalExtensionXml(), c.intervalDuration(), c.intervalStart());
        }
        while (c.next()) {
            w.writeStartElement(EspiXml.ESPI, "IntervalReading");
            fragment(w, c.readingExtensionXml());
            if (c.hasCost()) leaf(w, "cost", c.cost());
            for (int i = 0; i < c.qualityCount(); i++) {
                w.writeStartElement(EspiXml.ESPI, "ReadingQuality");
                fragment(w, c.qualityExtensionXml(i));
                leaf(w, "quality", c.qualityCode(i));
                w.writeEndElement();
            }
            if (c.hasTimePeriod()) period(w, "timePeriod", c.timePeriodExtensionXml(), c.duration(), c.start());
            if (c.hasValue()) leaf(w, "value", c.value());
            if (c.hasConsumptionTier()) leaf(w, "consumptionTier", c.consumptionTier());
            if (c.hasTou()) leaf(w, "tou", c.tou());
            if (c.hasCpp()) leaf(w, "cpp", c.cpp());
            w.writeEndElement();
        }
        w.writeEndElement();
    }

    private static void period(XMLStreamWriter w, String name, String ext, long duration, long start) throws XMLStreamException {
        w.writeStartElement(EspiXml.ESPI, name);
        fragment(w, ext);
        leaf(w, "duration", duration);
        leaf(w, "start", start);
        w.writeEndElement();
    }

    private static void leaf(XMLStreamWriter w, String name, long value) throws XMLStreamException {
        w.writeStartElement(EspiXml.ESPI, name);
        w.writeCharacters(Long.toString(value));
        w.writeEndElement();
    }

    /** Copies stored XML (extension elements, kept verbatim) into the output stream. */
    public static void fragment(XMLStreamWriter w, String xml) throws XMLStreamException {
        if (xml == null) return;
        XMLStreamReader r = FRAGMENTS.createXMLStreamReader(new StringReader("<f>" + xml + "</f>"));
        r.nextTag();
        int depth = 0;
        while (r.hasNext()) {
            int event = r.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
                w.writeStartElement(nonNull(r.getPrefix()), r.getLocalName(), nonNull(r.getNamespaceURI()));
                for (int i = 0; i < r.getNamespaceCount(); i++) {
                    w.writeNamespace(nonNull(r.getNamespacePrefix(i)), r.getNamespaceURI(i));
                }
                for (int i = 0; i < r.getAttributeCount(); i++) {
                    w.writeAttribute(nonNull(r.getAttributePrefix(i)), nonNull(r.getAttributeNamespace(i)),
                            r.getAttributeLocalName(i), r.getAttributeValue(i));
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                if (depth-- == 0) break;
                w.writeEndElement();
            } else if (event == XMLStreamConstants.CHARACTERS) {
                w.writeCharacters(r.getText());
            }
        }
        r.close();
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }
}
