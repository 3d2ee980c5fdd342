package dev.gbconnect.custodian.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.interceptor.InvocationContext;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.lang.reflect.Proxy;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;

class RollbackOnErrorTest {

    boolean rollbackOnly;
    Object transaction = "tx-1";

    @Test
    void errorInsideATransactionMarksItForRollbackAndIsRethrown() {
        OutOfMemoryError oom = new OutOfMemoryError("Java heap space");

        Error thrown = assertThrows(
                Error.class,
                () -> interceptor().rollBackOnError(call(() -> {
                    throw oom;
                })));

        assertSame(oom, thrown);
        assertTrue(rollbackOnly);
    }

    @Test
    void errorWithoutATransactionIsRethrownAlone() {
        transaction = null;
        assertThrows(
                StackOverflowError.class,
                () -> interceptor().rollBackOnError(call(() -> {
                    throw new StackOverflowError();
                })));
        assertFalse(rollbackOnly);
    }

    @Test
    void resultsAndExceptionsPassUntouched() throws Exception {
        assertEquals("ok", interceptor().rollBackOnError(call(() -> "ok")));
        assertThrows(
                IllegalStateException.class,
                () -> interceptor().rollBackOnError(call(() -> {
                    throw new IllegalStateException();
                })));
        assertFalse(rollbackOnly, "exceptions are the transaction interceptor's to judge");
    }

    private RollbackOnError interceptor() {
        RollbackOnError interceptor = new RollbackOnError.Required();
        interceptor.transactions = (TransactionSynchronizationRegistry) Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {TransactionSynchronizationRegistry.class}, (p, m, a) -> {
                    switch (m.getName()) {
                        case "getTransactionKey" -> {
                            return transaction;
                        }
                        case "setRollbackOnly" -> rollbackOnly = true;
                        default -> throw new UnsupportedOperationException(m.getName());
                    }
                    return null;
                });
        return interceptor;
    }

    private static InvocationContext call(Callable<Object> method) {
        return (InvocationContext) Proxy.newProxyInstance(
                RollbackOnErrorTest.class.getClassLoader(), new Class<?>[] {InvocationContext.class}, (p, m, a) -> {
                    if (m.getName().equals("proceed")) return method.call();
                    throw new UnsupportedOperationException(m.getName());
                });
    }
}
