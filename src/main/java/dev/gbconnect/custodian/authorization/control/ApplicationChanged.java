package dev.gbconnect.custodian.authorization.control;

import dev.gbconnect.custodian.authorization.entity.Client;

/** Fired inside the transaction that changed a third party's ApplicationInformation (its registration or status). */
public record ApplicationChanged(Client client) {}
