-- ESPI thirdPartyUserPortalScreenURI: where a customer manages the application on the third party's site.
ALTER TABLE OAUTH_CLIENT ADD COLUMN USER_PORTAL_URI VARCHAR(1024);
