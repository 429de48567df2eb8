package io.sitrep.notification.delivery.application;

import io.sitrep.notification.delivery.Deliveries;
import io.sitrep.notification.delivery.HandOff;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.time.Instant;
import java.util.List;

/**
 * Deliveries created unleased, for the claim, in the caller's transaction (a confirmation, a disabled notice): their
 * endpoints are marked in the hand-off while it runs and stamped when it ends, so that no delivery there is born claimed
 * ahead of them before a claim that could see them (ADR 0020).
 */
final class ForTheClaim {

    private ForTheClaim() {
    }

    /**
     * Inserts the deliveries, due now.
     *
     * @param afterCommit run once the transaction committed, after the marks were stamped (to wake the dispatcher)
     */
    static void insert(Deliveries deliveries, HandOff handOff, List<Deliveries.NewDelivery> created, Instant now, Runnable afterCommit) {
        HandOff.Lot lot = handOff.lot();
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            // No transaction: the insert commits on its own.
            lot.leaveToTheClaim(created);
            try {
                deliveries.insertAll(created, now);
            } finally {
                lot.handOver(now);
            }
            afterCommit.run();
            return;
        }
        // Registered before the marks, so that they never stay pending whatever happens next.
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                if (status == STATUS_COMMITTED) {
                    lot.handOver(now);
                    afterCommit.run();
                } else {
                    lot.abandon();
                }
            }
        });
        lot.leaveToTheClaim(created);
        deliveries.insertAll(created, now);
    }
}
