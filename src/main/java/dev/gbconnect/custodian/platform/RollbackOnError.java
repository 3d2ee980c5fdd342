package dev.gbconnect.custodian.platform;

import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

/**
 * Rolls back a {@link Transactional} method's transaction when it throws an {@link Error}. Jakarta Transactions 2.0
 * §3.7 has the interceptor roll back on unchecked exceptions, and Payara's catches {@code Exception} only: an
 * {@code OutOfMemoryError} went past it and the transaction was committed with whatever had been written (issue 14:
 * half an upload stayed). This runs just inside the transaction interceptor, so the transaction is still open.
 * {@code value} is a binding member of {@code @Transactional}, hence one subclass per transaction type in use.
 */
public abstract class RollbackOnError {

    /** Right after the container's transaction interceptors (PLATFORM_BEFORE + 200), so inside the transaction. */
    static final int INSIDE_THE_TRANSACTION = Interceptor.Priority.PLATFORM_BEFORE + 201;

    @Resource
    TransactionSynchronizationRegistry transactions;

    @AroundInvoke
    public Object rollBackOnError(InvocationContext call) throws Exception {
        try {
            return call.proceed();
        } catch (Error e) {
            if (transactions.getTransactionKey() != null) transactions.setRollbackOnly();
            throw e;
        }
    }

    @Transactional
    @Interceptor
    @Priority(INSIDE_THE_TRANSACTION)
    public static class Required extends RollbackOnError {}

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    @Interceptor
    @Priority(INSIDE_THE_TRANSACTION)
    public static class RequiresNew extends RollbackOnError {}
}
