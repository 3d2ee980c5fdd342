package dev.gbconnect.custodian.platform;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * What the server listens on, as far as the Host check needs it: does any listener serve TLS, and does any listen
 * beyond loopback. Payara's options ({@code --sslport}, an address set by a boot command) end up in the effective
 * configuration it writes below its instance root before it deploys us, so that file is read once at start; the
 * servlet API tells an application nothing about the other listeners. Where it cannot be read (another container),
 * the answer is the cautious one: no TLS known, listening beyond loopback.
 */
public record ServerListeners(boolean tls, boolean beyondLoopback) {

    private static final Logger LOG = Logger.getLogger(ServerListeners.class.getName());

    private static final String NETWORK = "//config[@name='server-config']/network-config";
    private static final ServerListeners UNKNOWN = new ServerListeners(false, true);

    public static ServerListeners ofThisServer() {
        String root = System.getProperty("com.sun.aas.instanceRoot");
        if (root == null) return UNKNOWN;
        Path domain = Path.of(root, "config", "domain.xml");
        if (!Files.isReadable(domain)) return UNKNOWN;
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            return of(factory.newDocumentBuilder().parse(domain.toFile()));
        } catch (Exception unreadable) {
            LOG.log(Level.FINE, "cannot read the listeners from " + domain, unreadable);
            return UNKNOWN;
        }
    }

    static ServerListeners of(Document domain) throws Exception {
        XPath xpath = XPathFactory.newInstance().newXPath();
        NodeList listeners = (NodeList) xpath.evaluate(
                NETWORK + "/network-listeners/network-listener[not(@enabled='false')]", domain, XPathConstants.NODESET);
        boolean tls = false, beyondLoopback = false;
        for (int i = 0; i < listeners.getLength(); i++) {
            Element listener = (Element) listeners.item(i);
            tls |= "true"
                    .equals(xpath.evaluate(
                            NETWORK + "/protocols/protocol[@name='" + listener.getAttribute("protocol")
                                    + "']/@security-enabled",
                            domain));
            beyondLoopback |= !loopbackAddress(listener.getAttribute("address"));
        }
        return new ServerListeners(tls, beyondLoopback);
    }

    /** Payara's default address (none given) is every interface. */
    private static boolean loopbackAddress(String address) {
        if (address.isEmpty()) return false;
        try {
            return InetAddress.getByName(address).isLoopbackAddress();
        } catch (UnknownHostException unresolvable) {
            return false;
        }
    }
}
