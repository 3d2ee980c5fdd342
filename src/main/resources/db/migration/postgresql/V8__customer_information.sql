-- Retail customer information (issue 17): the customer.xsd resources of each retail customer, one row per resource
-- (columns in the order EclipseLink generates them: SchemaMigrationIT) as its validated element plus the columns
-- queries and links use. RESOURCE_PATH is the resource's place below its
-- RetailCustomer (Customer/{id}/CustomerAccount/{id}/…): nested paths are looked up by it, and ordering by it
-- puts every parent right before its descendants; COLLATE "C" keeps that order (a language collation would ignore
-- the slashes). PARENT_ID has no foreign key: EclipseLink does not order the inserts of one table by their
-- references, and the importer only links to parents it stored.
CREATE TABLE CUSTOMER_RESOURCE (
    ID VARCHAR(36) NOT NULL PRIMARY KEY,
    CONTENT BYTEA NOT NULL,
    CUSTOMER_ID VARCHAR(36) NOT NULL CONSTRAINT CUSTOMER_RESOURCE_CUSTOMER REFERENCES RETAIL_CUSTOMER (ID),
    KIND VARCHAR(32) NOT NULL,
    PARENT_ID VARCHAR(36),
    RESOURCE_PATH VARCHAR(400) COLLATE "C" NOT NULL,
    PUBLISHED BIGINT,
    SOURCE_HREF VARCHAR(1024),
    SOURCE_ID VARCHAR(256),
    TITLE VARCHAR(512),
    UPDATED BIGINT
);
CREATE UNIQUE INDEX CUSTOMER_RESOURCE_PATH ON CUSTOMER_RESOURCE (CUSTOMER_ID, RESOURCE_PATH);
CREATE INDEX CUSTOMER_RESOURCE_KIND ON CUSTOMER_RESOURCE (KIND, CUSTOMER_ID, RESOURCE_PATH);
CREATE INDEX CUSTOMER_RESOURCE_PARENT ON CUSTOMER_RESOURCE (PARENT_ID);

-- The UsagePoints a ServiceLocation serves (customer.xsd ServiceLocation/UsagePoints), resolved at upload. Kept as
-- the entity's element collection declares it (SchemaMigrationIT holds the two equal): no primary key and no foreign
-- key to USAGE_POINT, which a collection of ids cannot declare; the importer writes each pair once, and only for
-- UsagePoints of the same customer it has just found stored. The foreign key has the name EclipseLink gives it.
CREATE TABLE SERVICE_LOCATION_USAGE_POINT (
    SERVICE_LOCATION_ID VARCHAR(36) NOT NULL CONSTRAINT FK_SERVICE_LOCATION_USAGE_POINT_SERVICE_LOCATION_ID REFERENCES CUSTOMER_RESOURCE (ID),
    USAGE_POINT_ID VARCHAR(36) NOT NULL
);
CREATE INDEX SERVICE_LOCATION_OF_USAGE_POINT ON SERVICE_LOCATION_USAGE_POINT (USAGE_POINT_ID);
