package io.sitrep.notification.chat;

import io.sitrep.events.AffectedComponent;
import io.sitrep.events.ComponentChange;
import io.sitrep.events.ComponentStatus;
import io.sitrep.events.Impact;
import io.sitrep.events.IncidentOpened;
import io.sitrep.events.IncidentSnapshot;
import io.sitrep.events.IncidentStatus;
import io.sitrep.events.IncidentUpdate;
import io.sitrep.notification.IntegrationTest;
import io.sitrep.notification.Receiver;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Chat channels end to end (issue 15): an incident event on the broker becomes, for each channel, a message in that
 * channel's own format, POSTed to a local receiver that checks the fields the channel's documentation requires.
 */
class ChatChannelIT extends IntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String MESSAGE = "We are **investigating** elevated error rates, see [the runbook](https://runbooks.example.com/api_errors).";
    private static final String TITLE = "Elevated error rates in eu-west";

    @Test
    void slackGetsBlockKitInTheImpactsColourWithMrkdwnAndALinkToTheIncident() {
        Receiver receiver = aReceiver();
        String component = freshComponent("slack");
        subscribeChat("slack", receiver.url("/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXslck"), component);
        IncidentOpened opened = opened(component);

        publish(opened);

        Receiver.Request request = receiver.awaitRequests(1, TIMEOUT).get(0);
        assertUnsignedJson(request);
        JsonNode body = JSON.readTree(request.body());
        assertThat(body.get("text").asString()).contains(TITLE);
        JsonNode attachment = body.get("attachments").get(0);
        assertThat(attachment.get("color").asString()).isEqualTo("#E67E22");
        List<JsonNode> blocks = list(attachment.get("blocks"));
        assertThat(blocks).allSatisfy(block -> assertThat(block.get("type").asString())
                .isIn("header", "section", "context", "actions", "divider"));
        JsonNode header = blocks.get(0);
        assertThat(header.get("type").asString()).isEqualTo("header");
        assertThat(header.get("text").get("type").asString()).isEqualTo("plain_text");
        assertThat(header.get("text").get("text").asString()).isEqualTo(TITLE).hasSizeLessThanOrEqualTo(150);
        List<String> sectionTexts = new ArrayList<>();
        for (JsonNode block : blocks) {
            if (block.get("type").asString().equals("section")) {
                if (block.has("text")) {
                    assertThat(block.get("text").get("type").asString()).isEqualTo("mrkdwn");
                    assertThat(block.get("text").get("text").asString()).hasSizeLessThanOrEqualTo(3000);
                    sectionTexts.add(block.get("text").get("text").asString());
                }
                if (block.has("fields")) {
                    assertThat(block.get("fields").size()).isLessThanOrEqualTo(10);
                    list(block.get("fields")).forEach(field -> sectionTexts.add(field.get("text").asString()));
                }
            }
        }
        assertThat(sectionTexts).contains("*Status*\nInvestigating", "*Impact*\nMajor")
                .contains("We are *investigating* elevated error rates, see <https://runbooks.example.com/api_errors|the runbook>.")
                .anySatisfy(text -> assertThat(text).contains("*Affected components*").contains("• Component " + component + ": Partial outage"));
        JsonNode button = blocks.get(blocks.size() - 1).get("elements").get(0);
        assertThat(button.get("type").asString()).isEqualTo("button");
        assertThat(button.get("text").get("type").asString()).isEqualTo("plain_text");
        assertThat(button.get("url").asString()).isEqualTo(incidentPage(opened));
    }

    @Test
    void teamsGetsAnAdaptiveCardAsItsWorkflowWebhooksTakeIt() {
        Receiver receiver = aReceiver().answerAlways(202);
        String component = freshComponent("teams");
        String id = subscribeChat("teams", receiver.url("/workflows/abc/triggers/manual/paths/invoke?sig=teamsSecretSig1"), component);
        IncidentOpened opened = opened(component);

        publish(opened);

        Receiver.Request request = receiver.awaitRequests(1, TIMEOUT).get(0);
        assertUnsignedJson(request);
        JsonNode body = JSON.readTree(request.body());
        assertThat(body.get("type").asString()).isEqualTo("message");
        JsonNode attachment = body.get("attachments").get(0);
        assertThat(attachment.get("contentType").asString()).isEqualTo("application/vnd.microsoft.card.adaptive");
        JsonNode card = attachment.get("content");
        assertThat(card.get("type").asString()).isEqualTo("AdaptiveCard");
        assertThat(card.get("version").asString()).isEqualTo("1.4");
        assertThat(card.get("$schema").asString()).isEqualTo("http://adaptivecards.io/schemas/adaptive-card.json");
        List<JsonNode> elements = flatten(card.get("body"));
        assertThat(elements).allSatisfy(element -> assertThat(element.get("type").asString()).isIn("Container", "TextBlock", "FactSet"));
        assertThat(elements).filteredOn(e -> e.get("type").asString().equals("TextBlock")).allSatisfy(e -> assertThat(e.has("text")).isTrue())
                .extracting(e -> e.get("text").asString()).contains(TITLE, MESSAGE);
        assertThat(elements).filteredOn(e -> e.get("type").asString().equals("Container")).extracting(e -> e.get("style").asString())
                .containsExactly("attention");
        List<String> facts = new ArrayList<>();
        elements.stream().filter(e -> e.get("type").asString().equals("FactSet"))
                .forEach(set -> list(set.get("facts")).forEach(f -> facts.add(f.get("title").asString() + "=" + f.get("value").asString())));
        assertThat(facts).contains("Status=Investigating", "Impact=Major", "Component " + component + "=Partial outage");
        JsonNode action = card.get("actions").get(0);
        assertThat(action.get("type").asString()).isEqualTo("Action.OpenUrl");
        assertThat(action.get("title").asString()).isNotBlank();
        assertThat(action.get("url").asString()).isEqualTo(incidentPage(opened));
        awaitStatus(id, opened.eventId(), "delivered");
    }

    @Test
    void discordGetsAnEmbedInTheImpactsColourThatMentionsNobody() {
        Receiver receiver = aReceiver().answerAlways(204);
        String component = freshComponent("discord");
        subscribeChat("discord", receiver.url("/api/webhooks/123456789/discordTokenSecret9"), component);
        IncidentOpened opened = opened(component);

        publish(opened);

        Receiver.Request request = receiver.awaitRequests(1, TIMEOUT).get(0);
        assertUnsignedJson(request);
        JsonNode body = JSON.readTree(request.body());
        assertThat(body.get("embeds").size()).isBetween(1, 10);
        JsonNode embed = body.get("embeds").get(0);
        assertThat(embed.get("title").asString()).isEqualTo(TITLE).hasSizeLessThanOrEqualTo(256);
        assertThat(embed.get("url").asString()).isEqualTo(incidentPage(opened));
        assertThat(embed.get("color").asInt()).isEqualTo(0xE67E22);
        assertThat(embed.get("description").asString()).isEqualTo(MESSAGE).hasSizeLessThanOrEqualTo(4096);
        assertThat(Instant.parse(embed.get("timestamp").asString())).isEqualTo(opened.occurredAt());
        List<JsonNode> fields = list(embed.get("fields"));
        assertThat(fields).hasSizeLessThanOrEqualTo(25).allSatisfy(field -> {
            assertThat(field.get("name").asString()).isNotBlank().hasSizeLessThanOrEqualTo(256);
            assertThat(field.get("value").asString()).isNotBlank().hasSizeLessThanOrEqualTo(1024);
        });
        assertThat(fields).extracting(f -> f.get("name").asString() + "=" + f.get("value").asString())
                .contains("Status=Investigating", "Impact=Major", "Affected components=Component " + component + ": Partial outage");
        assertThat(body.get("allowed_mentions").get("parse").size()).isZero();
    }

    @Test
    void googleChatGetsACardV2WithItsHtmlAndAButtonToTheIncident() {
        Receiver receiver = aReceiver();
        String component = freshComponent("gchat");
        subscribeChat("google_chat", receiver.url("/v1/spaces/AAAA/messages?key=gKey&token=googleChatTok1"), component);
        IncidentOpened opened = opened(component);

        publish(opened);

        Receiver.Request request = receiver.awaitRequests(1, TIMEOUT).get(0);
        assertUnsignedJson(request);
        JsonNode body = JSON.readTree(request.body());
        assertThat(body.get("text").asString()).contains(TITLE);
        JsonNode cardWithId = body.get("cardsV2").get(0);
        assertThat(cardWithId.get("cardId").asString()).isNotBlank();
        JsonNode card = cardWithId.get("card");
        assertThat(card.get("header").get("title").asString()).isEqualTo(TITLE);
        List<JsonNode> widgets = new ArrayList<>();
        list(card.get("sections")).forEach(section -> {
            assertThat(section.get("widgets").size()).isPositive();
            widgets.addAll(list(section.get("widgets")));
        });
        assertThat(widgets).allSatisfy(widget -> assertThat(widget.propertyNames()).hasSize(1)
                .first().isIn("decoratedText", "textParagraph", "buttonList"));
        assertThat(widgets).filteredOn(w -> w.has("textParagraph")).extracting(w -> w.get("textParagraph").get("text").asString())
                .containsExactly("We are <b>investigating</b> elevated error rates, see "
                        + "<a href=\"https://runbooks.example.com/api_errors\">the runbook</a>.");
        assertThat(widgets).filteredOn(w -> w.has("decoratedText"))
                .extracting(w -> w.get("decoratedText").get("topLabel").asString() + "=" + w.get("decoratedText").get("text").asString())
                .contains("Status=Investigating", "Impact=<font color=\"#E67E22\"><b>Major</b></font>", "Component " + component + "=Partial outage");
        JsonNode button = widgets.stream().filter(w -> w.has("buttonList")).findFirst().orElseThrow().get("buttonList").get("buttons").get(0);
        assertThat(button.get("text").asString()).isNotBlank();
        assertThat(button.get("onClick").get("openLink").get("url").asString()).isEqualTo(incidentPage(opened));
    }

    @Test
    void mattermostGetsAnAttachmentInTheImpactsColourWithFields() {
        Receiver receiver = aReceiver();
        String component = freshComponent("mattermost");
        subscribeChat("mattermost", receiver.url("/hooks/mattermostkey1234567890"), component);
        IncidentOpened opened = opened(component);

        publish(opened);

        Receiver.Request request = receiver.awaitRequests(1, TIMEOUT).get(0);
        assertUnsignedJson(request);
        JsonNode attachment = JSON.readTree(request.body()).get("attachments").get(0);
        assertThat(attachment.get("fallback").asString()).contains(TITLE);
        assertThat(attachment.get("color").asString()).isEqualTo("#E67E22");
        assertThat(attachment.get("title").asString()).isEqualTo(TITLE);
        assertThat(attachment.get("title_link").asString()).isEqualTo(incidentPage(opened));
        assertThat(attachment.get("text").asString()).isEqualTo(MESSAGE);
        List<JsonNode> fields = list(attachment.get("fields"));
        assertThat(fields).allSatisfy(field -> assertThat(field.get("short").isBoolean()).isTrue());
        assertThat(fields).extracting(f -> f.get("title").asString() + "=" + f.get("value").asString())
                .contains("Status=Investigating", "Impact=Major", "Affected components=Component " + component + ": Partial outage");
    }

    @Test
    void aWebhookFormatOnAChatChannelIsRefusedNamingTheField() {
        Receiver receiver = aReceiver();

        JsonNode problem = api.post("/api/v1/subscriptions", "{\"channel\":\"slack\",\"url\":\"" + receiver.url("/services/T/B/x")
                + "\",\"format\":\"statuspage\"}").expectProblem(400, "validation-failed");

        assertThat(problem.toString()).contains("format");
    }

    /** An incident opened with a Markdown message, major, on one component. */
    static IncidentOpened opened(String component) {
        Instant now = Instant.now();
        UUID incidentId = UUID.randomUUID();
        return new IncidentOpened(UUID.randomUUID(), incidentId, 1, now, now,
                new IncidentUpdate(UUID.randomUUID(), IncidentStatus.INVESTIGATING, null, Impact.MAJOR, null, MESSAGE,
                        List.of(new ComponentChange(component, "Component " + component, ComponentStatus.PARTIAL_OUTAGE, ComponentStatus.OPERATIONAL))),
                new IncidentSnapshot(incidentId, TITLE, IncidentStatus.INVESTIGATING, Impact.MAJOR,
                        List.of(new AffectedComponent(component, "Component " + component, ComponentStatus.PARTIAL_OUTAGE)), now, now, null, 1));
    }

    static String incidentPage(IncidentOpened opened) {
        return "https://status.example.com/incidents/" + opened.incidentId();
    }

    private String subscribeChat(String channel, String url, String component) {
        return subscribe("{\"channel\":\"" + channel + "\",\"url\":\"" + url + "\",\"components\":[\"" + component + "\"]}")
                .get("id").asString();
    }

    private void awaitStatus(String subscriptionId, UUID eventId, String status) {
        org.awaitility.Awaitility.await().atMost(TIMEOUT).until(() -> status.equals(deliveryStatus(subscriptionId, eventId)));
    }

    private static void assertUnsignedJson(Receiver.Request request) {
        assertThat(request.header("content-type")).isEqualTo("application/json; charset=UTF-8");
        // A chat webhook's URL is its credential: nothing is signed, and no Standard Webhooks header goes out.
        assertThat(request.headers().keySet().stream().map(String::toLowerCase))
                .doesNotContainAnyElementsOf(Set.of("webhook-id", "webhook-signature", "webhook-timestamp"));
    }

    private static List<JsonNode> list(JsonNode array) {
        List<JsonNode> items = new ArrayList<>();
        array.forEach(items::add);
        return items;
    }

    /** The card's elements, those inside containers too. */
    private static List<JsonNode> flatten(JsonNode elements) {
        List<JsonNode> all = new ArrayList<>();
        for (JsonNode element : elements) {
            all.add(element);
            if (element.has("items")) {
                all.addAll(flatten(element.get("items")));
            }
        }
        return all;
    }
}
