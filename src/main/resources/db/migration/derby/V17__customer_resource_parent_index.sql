-- Bulk customer information (issue 17): one index fewer to maintain per stored resource. Every read that names a
-- PARENT_ID also names the customer (CustomerInfoRows: a collection below a parent is read within one
-- RetailCustomer's tree), which CUSTOMER_RESOURCE_PATH leads with, so the few rows of that customer are found there;
-- the index on PARENT_ID alone served no read, and each upload paid for its entries (docs/performance.md).
DROP INDEX CUSTOMER_RESOURCE_PARENT;
