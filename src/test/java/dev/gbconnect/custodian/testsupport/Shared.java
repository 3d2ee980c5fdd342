package dev.gbconnect.custodian.testsupport;

import dev.gbconnect.custodian.ingest.control.EspiSchema;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.xml.validation.Schema;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The shared standards folder beside the checkout: schemas and sample files, never copied into the repository. */
public final class Shared {

    private static Schema schema;

    private Shared() {}

    /**
     * The packaged WAR, as every Arquillian client-mode test deploys it. {@link OneServer} gives every class that
     * deploys it the same running server and database: a test creates its own uniquely named customers and clients
     * and never counts rows it did not create. Cached admin tokens go all the same, as a {@link PrivateServer} may
     * come up on a port an earlier server used.
     */
    public static WebArchive war() {
        Api.forgetTokens();
        return ShrinkWrap.createFromZipFile(
                WebArchive.class, new File(System.getProperty("it.war", "target/custodian.war")));
    }

    public static Path samples() {
        return dir("espi.samples.dir", "../shared/samples");
    }

    public static Path sample(String relative) {
        Path p = samples().resolve(relative);
        if (!Files.isRegularFile(p)) throw new IllegalStateException("missing sample " + p);
        return p;
    }

    public static Path schemas() {
        return dir("espi.schemas.dir", "../shared/schemas");
    }

    public static synchronized Schema schema() {
        if (schema == null) {
            try {
                schema = EspiSchema.load(
                        schemas().resolve("greenbutton.xsd").toUri().toURL());
            } catch (java.net.MalformedURLException e) {
                throw new IllegalStateException(e);
            }
        }
        return schema;
    }

    private static Path dir(String property, String fallback) {
        Path p = new File(System.getProperty(property, fallback))
                .toPath()
                .toAbsolutePath()
                .normalize();
        if (!Files.isDirectory(p)) throw new IllegalStateException(property + " does not point at a folder: " + p);
        return p;
    }
}
