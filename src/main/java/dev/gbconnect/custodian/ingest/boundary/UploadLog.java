package dev.gbconnect.custodian.ingest.boundary;

import dev.gbconnect.custodian.ingest.control.UploadHistory;
import dev.gbconnect.custodian.ingest.entity.UploadRecord;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;

/**
 * The upload history's transactions: a refused upload's record in one of its own, so the upload's rollback cannot take
 * it along (a stored upload's commits with it: {@link UploadRecorder}); and the reads.
 */
@ApplicationScoped
public class UploadLog {

    @Inject
    UploadHistory history;

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void write(UploadRecord record) {
        history.add(record);
    }

    public List<UploadRecord> find(UploadHistory.Filter filter, int offset, int max) {
        return history.find(filter, offset, max);
    }

    public Optional<UploadRecord> find(String id) {
        return history.find(id);
    }
}
