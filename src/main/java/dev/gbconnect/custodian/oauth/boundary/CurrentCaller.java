package dev.gbconnect.custodian.oauth.boundary;

import dev.gbconnect.custodian.oauth.control.Caller;
import jakarta.enterprise.context.RequestScoped;

/** The caller {@link BearerAuthentication} accepted for this request, for resources that need more than a scope. */
@RequestScoped
public class CurrentCaller {

    private Caller caller;

    void accept(Caller caller) {
        this.caller = caller;
    }

    public Caller get() {
        if (caller == null) throw new IllegalStateException("no bearer check ran: the resource lacks @RequiresScope");
        return caller;
    }
}
