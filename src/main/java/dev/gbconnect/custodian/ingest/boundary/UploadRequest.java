package dev.gbconnect.custodian.ingest.boundary;

import dev.gbconnect.custodian.authorization.boundary.CurrentCaller;
import dev.gbconnect.custodian.ingest.control.ImportReport;
import dev.gbconnect.custodian.ingest.entity.UploadRecord;
import dev.gbconnect.custodian.platform.ApiError;
import jakarta.ws.rs.core.Response;

/** What every upload refuses before reading a byte of its body. */
final class UploadRequest {

    private UploadRequest() {}

    static void check(String type, Long length, long maxBytes) {
        if (type == null) {
            // JAX-RS matches a request without Content-Type to any @Consumes; upload.md promises 415.
            throw ApiError.UNSUPPORTED_MEDIA_TYPE.because(
                    "an upload needs a Content-Type: application/atom+xml, application/xml or text/xml");
        }
        if (length != null && length > maxBytes) {
            throw ApiError.UPLOAD_TOO_LARGE.because("the upload of " + length + " bytes exceeds the limit of "
                    + maxBytes + " bytes (custodian.upload.max-bytes)");
        }
    }

    /** An upload through the API, recorded under its admin client ({@code client:<id>}). */
    static UploadRecorder.Upload of(CurrentCaller caller, String kind, String customerId, Long length) {
        String client = caller.get().clientId();
        return new UploadRecorder.Upload(new UploadRecord.Actor("client:" + client, client), kind, customerId, length);
    }

    /** 201 when the upload created anything, 200 when it only updated rows or changed nothing. */
    static Response answer(ImportReport report) {
        return Response.status(report.createdAnything() ? Response.Status.CREATED : Response.Status.OK)
                .entity(report)
                .build();
    }
}
