package dev.gbconnect.custodian.authorization.boundary;

import dev.gbconnect.custodian.authorization.control.Caller;
import jakarta.enterprise.context.RequestScoped;

/** The caller {@code oauth}'s BearerAuthentication accepted for this request, for resources that need more than a scope. */
@RequestScoped
public class CurrentCaller {

    private Caller caller;

    public void accept(Caller caller) {
        this.caller = caller;
    }

    public Caller get() {
        if (caller == null) throw new IllegalStateException("no bearer check ran: the resource lacks @RequiresScope");
        return caller;
    }
}
