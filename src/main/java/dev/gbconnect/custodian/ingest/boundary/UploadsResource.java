package dev.gbconnect.custodian.ingest.boundary;

import dev.gbconnect.custodian.authorization.boundary.RequiresScope;
import dev.gbconnect.custodian.authorization.control.Scopes;
import dev.gbconnect.custodian.ingest.control.UploadHistory;
import dev.gbconnect.custodian.ingest.entity.UploadRecord;
import dev.gbconnect.custodian.platform.ApiError;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;

/** The upload history for the data custodian's back office (issue 19 item 5): newest first, paged, filtered. */
@Path("admin/uploads")
@RequestScoped
@RequiresScope(Scopes.DATA_CUSTODIAN_ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class UploadsResource {

    static final int MOST = 200;

    public record UploadView(
            String id,
            @JsonbProperty("started_at") Instant startedAt,
            String kind,
            @JsonbProperty("actor_subject") String actorSubject,
            @JsonbProperty("actor_name") String actorName,
            @JsonbProperty("retail_customer_id") String retailCustomerId,
            long bytes,
            @JsonbProperty("duration_ms") long durationMillis,
            String result,
            String message,
            UploadRecord.Counts resources,
            UploadRecord.Counts readings,
            @JsonbProperty("problem_count") int problemCount,
            List<String> problems) {
        static UploadView of(UploadRecord u) {
            return new UploadView(
                    u.id(),
                    u.startedAt(),
                    u.kind(),
                    u.actor().subject(),
                    u.actor().name(),
                    u.retailCustomerId(),
                    u.bytes(),
                    u.durationMillis(),
                    u.result(),
                    u.message(),
                    u.resources(),
                    u.readings(),
                    u.problemCount(),
                    u.problems());
        }
    }

    /** One page, and whether an older one follows ({@code page + 1}). */
    public record UploadPage(List<UploadView> uploads, boolean more) {}

    @Inject
    UploadLog log;

    @GET
    public UploadPage list(
            @QueryParam("result") String result,
            @QueryParam("customer") String customer,
            @QueryParam("page") String page,
            @QueryParam("size") String size) {
        int n = number("page", page, 0, 1_000_000), max = number("size", size, 50, MOST);
        if (max < 1) throw ApiError.INVALID_REQUEST.because("size must be 1 to " + MOST);
        List<UploadRecord> found = log.find(new UploadHistory.Filter(blank(result), blank(customer)), n * max, max + 1);
        return new UploadPage(found.stream().limit(max).map(UploadView::of).toList(), found.size() > max);
    }

    private static int number(String name, String value, int otherwise, int most) {
        if (value == null || value.isEmpty()) return otherwise;
        if (!value.matches("[0-9]{1,7}") || Integer.parseInt(value) > most)
            throw ApiError.INVALID_REQUEST.because(name + " must be a whole number from 0 to " + most);
        return Integer.parseInt(value);
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
