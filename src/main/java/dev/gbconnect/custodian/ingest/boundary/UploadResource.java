package dev.gbconnect.custodian.ingest.boundary;

import dev.gbconnect.custodian.authorization.boundary.CurrentCaller;
import dev.gbconnect.custodian.authorization.boundary.RequiresScope;
import dev.gbconnect.custodian.authorization.control.Scopes;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The ESPI upload: a Green Button feed of one customer's usage data, imported whole or not at all. */
@Path("espi/1_1/resource/Batch/RetailCustomer/{retailCustomerId}/UsagePoint")
@RequestScoped
@RequiresScope({Scopes.DATA_CUSTODIAN_ADMIN, Scopes.UPLOAD_ADMIN})
public class UploadResource {

    @Inject
    Imports imports;

    @Inject
    UploadRecorder recorder;

    @Inject
    CurrentCaller caller;

    @Inject
    @ConfigProperty(name = "custodian.upload.max-bytes")
    long maxBytes;

    @POST
    @Consumes({"application/atom+xml", MediaType.APPLICATION_XML, MediaType.TEXT_XML})
    @Produces(MediaType.APPLICATION_JSON)
    public Response upload(
            @PathParam("retailCustomerId") String customerId,
            @HeaderParam("Content-Length") Long length,
            @HeaderParam("Content-Type") String type,
            InputStream body) {
        return UploadRequest.answer(
                recorder.record(UploadRequest.of(caller, "usage", customerId, length), body, (in, stored) -> {
                            UploadRequest.check(type, length, maxBytes);
                            return imports.usage(customerId, in, maxBytes, stored);
                        })
                        .reportOrThrow());
    }
}
