package io.sitrep.notification;

import io.sitrep.notification.delivery.Deliveries;
import io.sitrep.notification.delivery.DispatchFixtures;
import io.sitrep.notification.delivery.application.DeliveryEvents;
import io.sitrep.notification.delivery.dispatch.DeliverySettings;
import io.sitrep.notification.subscription.Subscriptions;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.transaction.support.TransactionTemplate;

/** What the integration tests add to the service: a resolver they can point, and fixtures built through the model. */
@TestConfiguration(proxyBeanMethods = false)
class TestBeans {

    @Bean
    TestNames testNames() {
        return new TestNames();
    }

    @Bean
    DispatchFixtures dispatchFixtures(Deliveries deliveries, Subscriptions subscriptions, DeliveryEvents events, DeliverySettings settings,
                                      TransactionTemplate transactions) {
        return new DispatchFixtures(deliveries, subscriptions, events, settings, transactions);
    }
}
