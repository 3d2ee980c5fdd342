package dev.gbconnect.custodian.ingest.control;

import java.net.URL;
import javax.xml.XMLConstants;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.xml.sax.SAXException;

/**
 * The standard schema set (ESPI 4.0, customer, GBA Atom) behind {@code greenbutton.xsd}. The build copies the
 * files from the shared standards folder into the WAR; a compiled {@link Schema} is thread-safe, so one serves all
 * uploads.
 */
public final class EspiSchema {

    public static final String RESOURCE = "schemas/greenbutton.xsd";

    private EspiSchema() {}

    public static Schema load(URL greenbuttonXsd) {
        try {
            SchemaFactory factory = SchemaFactory.newDefaultInstance();
            // The imports are siblings of greenbutton.xsd; nothing may come from the network.
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "file,jar,vfs");
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            return factory.newSchema(greenbuttonXsd);
        } catch (SAXException e) {
            throw new IllegalStateException(
                    "cannot load the ESPI schemas from " + greenbuttonXsd + ": " + e.getMessage(), e);
        }
    }

    public static Schema fromClasspath() {
        URL url = EspiSchema.class.getClassLoader().getResource(RESOURCE);
        if (url == null) throw new IllegalStateException(RESOURCE + " is missing from the application");
        return load(url);
    }
}
