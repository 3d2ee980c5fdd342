package dev.gbconnect.custodian.platform;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;

/** Records each request's public base in {@link RequestBase}. */
@Provider
@PreMatching
public class RequestBaseFilter implements ContainerRequestFilter {

    @Inject
    RequestBase holder;

    @Override
    public void filter(ContainerRequestContext request) {
        holder.record(PublicUrl.base(request.getUriInfo()).toString());
    }
}
