package dev.gbconnect.custodian.ingest.control;

/** What one upload does with its entries, inside the caller's transaction; problems go to the upload's list. */
interface EntrySink {

    void accept(AtomEntry entry);

    /** Called once after the last entry, also when problems were found (a sink then writes nothing more). */
    void finish();
}
