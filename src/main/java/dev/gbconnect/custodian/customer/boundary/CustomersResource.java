package dev.gbconnect.custodian.customer.boundary;

import dev.gbconnect.custodian.authorization.boundary.AdminAudit;
import dev.gbconnect.custodian.authorization.boundary.RequiresScope;
import dev.gbconnect.custodian.authorization.control.Scopes;
import dev.gbconnect.custodian.customer.control.Customers;
import dev.gbconnect.custodian.customer.entity.RetailCustomer;
import dev.gbconnect.custodian.platform.ApiError;
import dev.gbconnect.custodian.platform.PublicUrl;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.util.List;

/** The operator's customer register. The returned {@code id} is the retailCustomerId of ESPI paths. */
@Path("admin/customers")
@RequestScoped
@RequiresScope(Scopes.DATA_CUSTODIAN_ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class CustomersResource {

    public record NewCustomer(String username, String password, String name) {}

    public record CustomerChange(Boolean enabled) {}

    public record CustomerView(String id, String username, String name, boolean enabled, Instant createdAt) {
        static CustomerView of(RetailCustomer c) {
            return new CustomerView(c.id(), c.username(), c.name(), c.enabled(), c.createdAt());
        }
    }

    @Inject
    Customers customers;

    @Inject
    AdminAudit audit;

    @Context
    UriInfo uri;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    public Response create(NewCustomer body) {
        if (body == null)
            throw ApiError.INVALID_REQUEST.because("a JSON body with username, password and name is required");
        RetailCustomer c = customers.create(body.username(), body.password(), body.name());
        audit.record("customer.create", "customer " + c.username(), null);
        return Response.created(PublicUrl.base(uri).resolve("admin/customers/" + c.id()))
                .entity(CustomerView.of(c))
                .build();
    }

    @GET
    public List<CustomerView> list() {
        return customers.all().stream().map(CustomerView::of).toList();
    }

    @GET
    @Path("{id}")
    public CustomerView one(@PathParam("id") String id) {
        return CustomerView.of(customers.find(id));
    }

    @PATCH
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    public CustomerView change(@PathParam("id") String id, CustomerChange body) {
        if (body == null || body.enabled() == null) {
            throw ApiError.INVALID_REQUEST.because("body must be {\"enabled\": true|false}");
        }
        RetailCustomer c = customers.enable(id, body.enabled());
        audit.record(body.enabled() ? "customer.enable" : "customer.disable", "customer " + c.username(), null);
        return CustomerView.of(c);
    }
}
