package dev.gbconnect.custodian.atom;

import dev.gbconnect.custodian.atom.AtomWriter.Link;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * GBA certification (FB_01, CERT001-004) asks every ESPI document for exactly one {@code related} link to the
 * product's certificate: at feed level in a feed, in the entry when the entry is the document.
 */
@ApplicationScoped
public class CertificationLink {

    private static final String CERTIFICATE = "https://cert.greenbuttonalliance.org/certificate/";

    @Inject
    @ConfigProperty(name = "custodian.certification-id")
    Optional<String> certificationId;

    /** The link, or none while {@code custodian.certification-id} is unset. */
    public List<Link> links() {
        return href().map(href -> List.of(new Link("related", href, null))).orElse(List.of());
    }

    public Optional<String> href() {
        return certificationId.filter(id -> !id.isBlank()).map(id -> CERTIFICATE + id);
    }
}
