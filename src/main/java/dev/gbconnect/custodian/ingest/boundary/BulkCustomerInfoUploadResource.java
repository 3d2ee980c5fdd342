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
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The bulk upload of many retail customers' information (customer.xsd) by the utility's back office with its upload
 * token, creating the customers it names (issue 17): one file, one transaction, whole or not at all, recorded in the
 * upload history as every upload is.
 */
@Path("espi/1_1/resource/Batch/RetailCustomer")
@RequestScoped
@RequiresScope(Scopes.UPLOAD_ADMIN)
public class BulkCustomerInfoUploadResource {

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
            @HeaderParam("Content-Length") Long length, @HeaderParam("Content-Type") String type, InputStream body) {
        UploadRecorder.Upload upload = UploadRequest.of(caller, "bulk-customer-information", null, length);
        return UploadRequest.answer(recorder.record(upload, body, (in, stored) -> {
                    UploadRequest.check(type, length, maxBytes);
                    return imports.bulkCustomerInformation(in, maxBytes, stored);
                })
                .reportOrThrow());
    }
}
