package dev.gbconnect.custodian.feed.control.reach;

import java.util.List;

/**
 * A bulk request ({@code Batch/Bulk/{id}}): the third party whose Authorizations it reads (null: every third party's,
 * for the data custodian), the bulk id, and a tree for each of its Subscriptions, in the order of their Authorizations'
 * ids as the database sorts them, which is the order its statements read them in.
 */
public record Bulk(String clientId, String id, List<Tree> trees) {}
