package dev.gbconnect.custodian.platform;

import java.util.List;

/**
 * A request the JSON API refuses: one of the {@link ApiError}s, with what the caller needs to fix it. Thrown anywhere
 * below a resource; {@link ErrorMappers} turns it into the one JSON error shape. Unchecked so that a transactional
 * boundary rolls back; without a stack trace, as it is an answer, not a bug.
 */
public final class ApiException extends Refusal {

    private final ApiError error;
    private final List<String> problems;

    ApiException(ApiError error, String message, List<String> problems) {
        super(message);
        this.error = error;
        this.problems = problems;
    }

    public static ApiException notFound(String what) {
        return ApiError.NOT_FOUND.because(what + " does not exist");
    }

    public ApiError error() {
        return error;
    }

    public List<String> problems() {
        return problems;
    }
}
