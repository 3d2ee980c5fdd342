package dev.gbconnect.custodian.testsupport;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.namespace.NamespaceContext;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Validator;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathExpressionException;
import javax.xml.xpath.XPathFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXParseException;

/** Green Button responses as a standard client reads them: schema-valid against greenbutton.xsd, then XPath. */
public final class Atom {

    private static final NamespaceContext NAMESPACES = new NamespaceContext() {
        @Override
        public String getNamespaceURI(String prefix) {
            return switch (prefix) {
                case "atom" -> "http://www.w3.org/2005/Atom";
                case "espi" -> "http://naesb.org/espi";
                case "cust" -> "http://naesb.org/espi/customer";
                default -> XMLConstants.NULL_NS_URI;
            };
        }

        @Override
        public String getPrefix(String uri) {
            return null;
        }

        @Override
        public Iterator<String> getPrefixes(String uri) {
            return List.<String>of().iterator();
        }
    };

    private final Document document;

    private Atom(Document document) {
        this.document = document;
    }

    /** The body, after checking it validates; every problem is listed in the failure. */
    public static Atom valid(String body) {
        List<String> problems = new ArrayList<>();
        Validator v = Shared.schema().newValidator();
        v.setErrorHandler(new ErrorHandler() {
            @Override
            public void warning(SAXParseException e) {}

            @Override
            public void error(SAXParseException e) {
                problems.add(e.getLineNumber() + ":" + e.getColumnNumber() + " " + e.getMessage());
            }

            @Override
            public void fatalError(SAXParseException e) {
                problems.add(e.getLineNumber() + ":" + e.getColumnNumber() + " " + e.getMessage());
            }
        });
        try {
            v.validate(new StreamSource(new StringReader(body)));
        } catch (Exception e) {
            problems.add(e.getMessage());
        }
        if (!problems.isEmpty())
            throw new AssertionError("not valid against greenbutton.xsd: " + problems + "\n" + body);
        return new Atom(Xml.parse(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8))));
    }

    /** The text of the first node the expression selects (prefixes atom: and espi:), or "" when none. */
    public String text(String xpath) {
        return (String) eval(xpath, XPathConstants.STRING);
    }

    public int count(String xpath) {
        return ((NodeList) eval(xpath, XPathConstants.NODESET)).getLength();
    }

    public List<String> texts(String xpath) {
        NodeList nodes = (NodeList) eval(xpath, XPathConstants.NODESET);
        List<String> values = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++)
            values.add(nodes.item(i).getTextContent().trim());
        return values;
    }

    public List<Element> elements(String xpath) {
        NodeList nodes = (NodeList) eval(xpath, XPathConstants.NODESET);
        List<Element> elements = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) elements.add((Element) nodes.item(i));
        return elements;
    }

    private Object eval(String expression, javax.xml.namespace.QName type) {
        XPath x = XPathFactory.newInstance().newXPath();
        x.setNamespaceContext(NAMESPACES);
        try {
            return x.evaluate(expression, document, type);
        } catch (XPathExpressionException e) {
            throw new IllegalArgumentException(expression, e);
        }
    }
}
