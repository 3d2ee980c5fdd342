package dev.gbconnect.custodian.status.boundary;

import dev.gbconnect.custodian.atom.CertificationLink;
import dev.gbconnect.custodian.atom.FeedQuery;
import dev.gbconnect.custodian.authorization.boundary.AcceptsTokens;
import dev.gbconnect.custodian.authorization.boundary.RequiresScope;
import dev.gbconnect.custodian.authorization.control.TokenClass;
import dev.gbconnect.custodian.platform.Html;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;

/**
 * ESPI ReadServiceStatus: a bare {@code espi:ServiceStatus} for the token classes ESPI names (a third party's
 * back office, the data custodian, uploads). The token check has just read the database, so a request that gets
 * here finds the service up (1); otherwise it gets an error instead.
 */
@Path("espi/1_1/resource/ReadServiceStatus")
@ApplicationScoped
@RequiresScope({})
@AcceptsTokens({TokenClass.THIRD_PARTY, TokenClass.DATA_CUSTODIAN, TokenClass.UPLOAD})
public class ServiceStatusResource {

    @Inject
    CertificationLink certification;

    private String normal;

    /**
     * ServiceStatus is no Atom document, but it extends espi:Object, whose {@code extension} (xs:anyType) holds the
     * certification link GBA asks of every document.
     */
    @PostConstruct
    void build() {
        normal = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><ServiceStatus xmlns=\"http://naesb.org/espi\">"
                + certification
                        .href()
                        .map(href -> "<extension><link xmlns=\"http://www.w3.org/2005/Atom\" rel=\"related\" href=\""
                                + Html.escape(href) + "\"/></extension>")
                        .orElse("")
                + "<currentStatus>1</currentStatus></ServiceStatus>";
    }

    @GET
    @Produces("application/atom+xml")
    public String status(@Context UriInfo uri) {
        // GBA QRY002 (GREEN-BUTTON-CMD.md ER-05): every GET refuses a bad query parameter with 400.
        FeedQuery.parse(uri.getQueryParameters());
        return normal;
    }
}
