package dev.gbconnect.custodian.platform;

import jakarta.enterprise.context.RequestScoped;
import java.util.Optional;

/**
 * The public base URL of the request being served, for code deep below the resources that builds absolute URIs
 * without a {@code UriInfo} of its own (notices written in the transaction of a change). {@link RequestBaseFilter} records
 * it for every request; empty outside requests.
 */
@RequestScoped
public class RequestBase {

    private String base;

    public Optional<String> get() {
        return Optional.ofNullable(base);
    }

    void record(String base) {
        this.base = base;
    }
}
