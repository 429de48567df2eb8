package io.sitrep.notification.chat;

import io.sitrep.events.EventType;
import io.sitrep.events.Impact;
import io.sitrep.events.MaintenanceEvent;
import io.sitrep.events.wire.EventCodec;
import io.sitrep.events.wire.GoldenSamples;
import io.sitrep.notification.notice.Notice;
import io.sitrep.notification.notice.Notices;
import io.sitrep.notification.notice.PageSettings;
import io.sitrep.notification.subscription.Channel;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ChatMessagesTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final ChatMessages messages = new ChatMessages(new Notices(new PageSettings("Example Status",
            URI.create("https://status.example.com/"), "example")));

    @Test
    void longTitlesAndComponentListsAreCutToEachChannelsLimits() {
        Notice notice = new Notice("Incident opened", "T".repeat(400), "Investigating", Impact.CRITICAL, "Critical", "#E74C3C",
                java.util.stream.IntStream.range(0, 200).mapToObj(i -> new Notice.Line("Component number " + i, "Major outage")).toList(),
                null, "m", "https://status.example.com/incidents/1", "Example Status", Instant.parse("2026-12-01T00:00:00Z"));

        JsonNode slack = ChatMessages.message(Channel.SLACK, notice);
        JsonNode discord = ChatMessages.message(Channel.DISCORD, notice);

        assertThat(slack.get("attachments").get(0).get("blocks").get(0).get("text").get("text").asString()).hasSize(150).endsWith("…");
        assertThat(discord.get("embeds").get(0).get("title").asString()).hasSize(256);
        discord.get("embeds").get(0).get("fields").forEach(field -> assertThat(field.get("value").asString()).hasSizeLessThanOrEqualTo(1024));
    }

    @Test
    void aMaintenanceMessageGivesTheWindowAndLinksToTheStatusPage() throws Exception {
        MaintenanceEvent started = (MaintenanceEvent) new EventCodec().decode("maintenance.started",
                GoldenSamples.sample(EventType.MAINTENANCE_STARTED));

        JsonNode mattermost = JSON.readTree(messages.body(Channel.MATTERMOST, started)).get("attachments").get(0);

        assertThat(mattermost.get("title_link").asString()).isEqualTo("https://status.example.com");
        assertThat(mattermost.get("color").asString()).isEqualTo("#3498DB");
        assertThat(mattermost.get("pretext").asString()).isEqualTo("Maintenance started · Example Status");
        List<String> fields = new java.util.ArrayList<>();
        mattermost.get("fields").forEach(f -> fields.add(f.get("title").asString() + "=" + f.get("value").asString()));
        assertThat(fields).contains("Status=In progress", "Impact=Maintenance", "Window=9 November 2025, 03:00–05:00 UTC")
                .anySatisfy(f -> assertThat(f).startsWith("Affected components=").contains("Under maintenance"));
    }

    @Test
    void aResolvedIncidentIsGreenWhateverItsImpact() throws Exception {
        var resolved = new EventCodec().decode("incident.resolved", GoldenSamples.sample(EventType.INCIDENT_RESOLVED));

        JsonNode slack = JSON.readTree(messages.body(Channel.SLACK, resolved));
        JsonNode teams = JSON.readTree(messages.body(Channel.TEAMS, resolved));

        assertThat(slack.get("attachments").get(0).get("color").asString()).isEqualTo("#2ECC71");
        assertThat(teams.get("attachments").get(0).get("content").get("body").get(0).get("style").asString()).isEqualTo("good");
    }

    @Test
    void everyIncidentAndMaintenanceSampleBecomesAMessageOnEveryChatChannel() throws Exception {
        EventCodec codec = new EventCodec();
        for (EventType type : EventType.values()) {
            if (!io.sitrep.notification.subscription.SubscriptionFilter.SUBSCRIBABLE_TYPES.contains(type)) {
                continue;
            }
            var event = codec.decode(type.wireName(), GoldenSamples.sample(type));
            for (Channel channel : Channel.values()) {
                if (channel.isChat()) {
                    assertThat(JSON.readTree(messages.body(channel, event)).isObject()).as(type + " on " + channel).isTrue();
                }
            }
        }
    }
}
