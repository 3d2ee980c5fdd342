package dev.gbconnect.custodian.usage.boundary;

import dev.gbconnect.custodian.authorization.boundary.RequiresScope;
import dev.gbconnect.custodian.authorization.control.Scopes;
import dev.gbconnect.custodian.customer.control.Customers;
import dev.gbconnect.custodian.usage.control.UsageInventory;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** Lets an operator check what an upload stored, down to reading counts and totals. */
@Path("admin/customers/{id}/usage-points")
@RequestScoped
@RequiresScope(Scopes.DATA_CUSTODIAN_ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class UsageInventoryResource {

    @Inject
    Customers customers;

    @Inject
    UsageInventory inventory;

    @GET
    public List<UsageInventory.UsagePointView> list(@PathParam("id") String id) {
        return inventory.of(customers.find(id).id());
    }
}
