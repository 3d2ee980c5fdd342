-- The console's customer search by account number (issue 19): a CustomerAccount's accountId (customer.xsd) as a
-- column of its own, indexed, beside the element that holds it. Rows stored before this migration get it at their
-- customer's next customer-information upload: SQL cannot read it out of the stored element.
ALTER TABLE CUSTOMER_RESOURCE ADD COLUMN ACCOUNT_ID VARCHAR(256);
CREATE INDEX CUSTOMER_RESOURCE_ACCOUNT ON CUSTOMER_RESOURCE (ACCOUNT_ID);
