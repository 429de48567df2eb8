package io.sitrep.timeline;

import io.sitrep.testsupport.Infrastructure;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Creates the topics a test context consumes before it starts, as incident-service would in
 * production: timeline-service never creates the incident-events topic itself.
 */
public final class TestTopics {

    private TestTopics() {
    }

    /** Creates the topic with 4 partitions unless it exists, and returns its name. */
    public static String created(String topic) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, Infrastructure.kafka().bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(topic, 4, (short) 1))).all().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("could not create " + topic, e.getCause());
            }
        } catch (Exception e) {
            throw new IllegalStateException("could not create " + topic, e);
        }
        return topic;
    }
}
