package dev.gbconnect.custodian.testsupport;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/** DOM helpers for comparing XML by content: comments and indentation dropped, text trimmed. */
public final class Xml {

    private Xml() {}

    public static Document parse(InputStream in) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newDefaultInstance();
            f.setNamespaceAware(true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Document d = f.newDocumentBuilder().parse(in);
            normalize(d.getDocumentElement());
            return d;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static Element parse(byte[] xml) {
        return parse(new ByteArrayInputStream(xml)).getDocumentElement();
    }

    public static List<Element> elements(Document d, String ns, String local) {
        NodeList list = d.getElementsByTagNameNS(ns, local);
        List<Element> out = new ArrayList<>();
        for (int i = 0; i < list.getLength(); i++) out.add((Element) list.item(i));
        return out;
    }

    /** Drops comments and blank text, trims the rest, so two renderings of the same data compare equal. */
    public static void normalize(Node node) {
        Node child = node.getFirstChild();
        while (child != null) {
            Node next = child.getNextSibling();
            switch (child.getNodeType()) {
                case Node.COMMENT_NODE, Node.PROCESSING_INSTRUCTION_NODE -> node.removeChild(child);
                case Node.TEXT_NODE, Node.CDATA_SECTION_NODE -> {
                    String t = child.getNodeValue().strip();
                    if (t.isEmpty()) node.removeChild(child);
                    else child.setNodeValue(t);
                }
                case Node.ELEMENT_NODE -> normalize(child);
                default -> {}
            }
            child = next;
        }
    }

    /** Namespace-aware structural equality: names, attributes and trimmed text, ignoring prefixes and declarations. */
    public static boolean same(Element a, Element b) {
        if (!a.getLocalName().equals(b.getLocalName())
                || !java.util.Objects.equals(a.getNamespaceURI(), b.getNamespaceURI())) {
            return false;
        }
        if (!attributes(a).equals(attributes(b))) return false;
        List<Node> ca = children(a), cb = children(b);
        if (ca.size() != cb.size()) return false;
        for (int i = 0; i < ca.size(); i++) {
            Node x = ca.get(i), y = cb.get(i);
            if (x.getNodeType() != y.getNodeType()) return false;
            if (x instanceof Element ex) {
                if (!same(ex, (Element) y)) return false;
            } else if (!x.getNodeValue().equals(y.getNodeValue())) {
                return false;
            }
        }
        return true;
    }

    private static java.util.Map<String, String> attributes(Element e) {
        java.util.Map<String, String> m = new java.util.TreeMap<>();
        var attrs = e.getAttributes();
        for (int i = 0; i < attrs.getLength(); i++) {
            Node at = attrs.item(i);
            if ("http://www.w3.org/2000/xmlns/".equals(at.getNamespaceURI())) continue;
            m.put("{" + at.getNamespaceURI() + "}" + at.getLocalName(), at.getNodeValue());
        }
        return m;
    }

    private static List<Node> children(Element e) {
        List<Node> out = new ArrayList<>();
        for (Node c = e.getFirstChild(); c != null; c = c.getNextSibling()) out.add(c);
        return out;
    }

    public static String toString(Node n) {
        try {
            var t = TransformerFactory.newDefaultInstance().newTransformer();
            t.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
            StringWriter w = new StringWriter();
            t.transform(new DOMSource(n), new StreamResult(w));
            return w.toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
