/**
 * The Green Button Atom format, written: a streaming Atom writer ({@code AtomWriter}, {@code AtomBody}) with its
 * pooled byte buffers ({@code Bytes}), the namespaces ({@code EspiXml}), name-based entry ids ({@code EntryIds}) and
 * the absolute URIs of ESPI resources ({@code EspiUris}), and the read-only connection a stored document is read
 * through ({@code DocumentRead}). A bottom package: the helpers every component that writes
 * or reads ESPI shares.
 *
 * <p>May use: {@code platform}. Must not use any business component: it knows no Authorization, customer or usage
 * point, so that everything above may use it without a cycle (an Authorization's URIs are
 * {@code authorization.control.AuthorizationUris}).
 *
 * <p>Decisions. One {@code XMLStreamWriter} per document for the envelope and the stored ESPI elements copied in as
 * bytes, so a feed neither parses nor re-serializes what was validated at import. Ids are RFC 9562 version-5 UUIDs
 * in one fixed namespace: GBA certification wants name-based ids, and re-importing a file updates rows instead of
 * duplicating them.
 */
package dev.gbconnect.custodian.atom;
