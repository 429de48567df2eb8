package io.sitrep.systemtests;

import io.sitrep.localstack.LocalStack;
import io.sitrep.testsupport.Api;
import org.junit.jupiter.api.BeforeEach;
import tools.jackson.databind.JsonNode;

import java.time.Duration;

import java.util.UUID;

/** Base of the system tests: each makes its own components and subscriptions, so they do not see each other's events. */
abstract class SystemTest {

    protected final LocalStack stack = Sitrep.stack();
    protected final Api incidents = Sitrep.incidents();
    protected final Api notifications = Sitrep.notifications();
    protected final Api timeline = Sitrep.timeline();

    /** A test before may have killed a service; its supervisor restarts it, and this waits until it is back. */
    @BeforeEach
    void everyServiceIsReady() {
        stack.awaitReady(Duration.ofMinutes(2));
    }

    /** A component of this test's own, defined in incident-service. */
    protected String aComponent(String name) {
        String id = name.toLowerCase().replaceAll("[^a-z0-9]+", "-") + "-" + UUID.randomUUID().toString().substring(0, 8);
        incidents.put("/api/v1/components/" + id, "{\"name\":\"" + name + "\",\"group\":\"System tests\"}").expect(201);
        return id;
    }

    /** A webhook subscription to one component's incidents; returns the subscription with its secret. */
    protected JsonNode subscribe(WebhookReceiver receiver, String component) {
        return notifications.post("/api/v1/subscriptions", """
                {"channel":"webhook","url":"%s","components":["%s"]}""".formatted(receiver.url(), component)).expect(201).json();
    }

    /** Opens an incident affecting the component; returns its id. */
    protected String open(String title, String component) {
        return incidents.post("/api/v1/incidents", """
                {"title":"%s","impact":"major","message":"Investigating.","components":[{"id":"%s","status":"partial_outage"}]}"""
                .formatted(title, component)).expect(201).json().get("id").asString();
    }

    protected void update(String incident, String message) {
        incidents.post("/api/v1/incidents/" + incident + "/updates", "{\"message\":\"" + message + "\"}").expect(201);
    }
}
