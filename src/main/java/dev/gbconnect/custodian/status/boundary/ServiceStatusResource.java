package dev.gbconnect.custodian.status.boundary;

import dev.gbconnect.custodian.authorization.boundary.RequiresScope;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * ESPI ReadServiceStatus: a bare {@code espi:ServiceStatus} for any valid token. The token check has just read
 * the database, so a request that gets here finds the service up (1); otherwise it gets an error instead.
 */
@Path("espi/1_1/resource/ReadServiceStatus")
@RequiresScope({})
@Tag(name = "ESPI ReadServiceStatus", description = "any valid token")
public class ServiceStatusResource {

    private static final String NORMAL = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
            + "<ServiceStatus xmlns=\"http://naesb.org/espi\"><currentStatus>1</currentStatus></ServiceStatus>";

    @GET
    @Produces("application/atom+xml")
    @Operation(summary = "The service status: 1, normal")
    public String status() {
        return NORMAL;
    }
}
