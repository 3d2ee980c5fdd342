package dev.gbconnect.custodian.ingest.boundary;

import dev.gbconnect.custodian.ingest.control.ImportReport;
import dev.gbconnect.custodian.platform.ApiException;
import jakarta.ws.rs.core.Response;

/** What every upload refuses before reading a byte of its body. */
final class UploadRequest {

    private UploadRequest() {}

    static void check(String type, Long length, long maxBytes) {
        if (type == null) {
            // JAX-RS matches a request without Content-Type to any @Consumes; upload.md promises 415.
            throw new ApiException(
                    Response.Status.UNSUPPORTED_MEDIA_TYPE,
                    "unsupported_media_type",
                    "an upload needs a Content-Type: application/atom+xml, application/xml or text/xml");
        }
        if (length != null && length > maxBytes) {
            throw new ApiException(
                    Response.Status.REQUEST_ENTITY_TOO_LARGE,
                    "upload_too_large",
                    "the upload of " + length + " bytes exceeds the limit of " + maxBytes
                            + " bytes (custodian.upload.max-bytes)");
        }
    }

    /** 201 when the upload created anything, 200 when it only updated rows or changed nothing. */
    static Response answer(ImportReport report) {
        return Response.status(report.createdAnything() ? Response.Status.CREATED : Response.Status.OK)
                .entity(report)
                .build();
    }
}
