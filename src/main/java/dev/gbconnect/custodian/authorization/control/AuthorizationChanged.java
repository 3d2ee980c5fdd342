package dev.gbconnect.custodian.authorization.control;

import dev.gbconnect.custodian.authorization.entity.Authorization;

/** Fired inside the transaction that created, changed or ended an Authorization. */
public record AuthorizationChanged(Authorization authorization) {}
