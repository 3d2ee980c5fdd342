package dev.gbconnect.custodian.atom;

/** Namespaces of the Green Button documents we read and write. */
public final class EspiXml {
    public static final String ATOM = "http://www.w3.org/2005/Atom";
    public static final String ESPI = "http://naesb.org/espi";

    private EspiXml() {}
}
