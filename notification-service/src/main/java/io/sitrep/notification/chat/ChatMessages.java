package io.sitrep.notification.chat;

import io.sitrep.events.Impact;
import io.sitrep.events.SitrepEvent;
import io.sitrep.notification.notice.Notice;
import io.sitrep.notification.notice.Notices;
import io.sitrep.notification.subscription.Channel;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.stream.Collectors;

/**
 * The message each chat channel is sent for an event, in its own format: Slack Block Kit, a Teams Adaptive Card
 * (the body Teams workflow webhooks take), Discord embeds, Google Chat cards v2 and Mattermost message attachments.
 * Each shows the title, the status, the impact (as a colour), the affected components with their status, the
 * update's message in the channel's Markdown dialect, and a link to the incident's page. Rendered from the event
 * stored with the delivery, the same on every attempt.
 */
public final class ChatMessages {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** Discord's limits: 256 for a title, 4,096 for a description, 1,024 for a field's value. */
    private static final int DISCORD_TITLE = 256;
    private static final int DISCORD_FIELD = 1024;
    /** Slack's limit on a header's text. */
    private static final int SLACK_HEADER = 150;

    private final Notices notices;

    public ChatMessages(Notices notices) {
        this.notices = notices;
    }

    /** The body for this chat channel of an incident or maintenance event. */
    public byte[] body(Channel channel, SitrepEvent event) {
        return JSON.writeValueAsBytes(message(channel, notices.of(event)));
    }

    static ObjectNode message(Channel channel, Notice notice) {
        return switch (channel) {
            case SLACK -> slack(notice);
            case TEAMS -> teams(notice);
            case DISCORD -> discord(notice);
            case GOOGLE_CHAT -> googleChat(notice);
            case MATTERMOST -> mattermost(notice);
            case WEBHOOK, EMAIL -> throw new IllegalArgumentException(channel.wireName() + " is not a chat channel");
        };
    }

    /** Slack: a fallback {@code text} for notifications, and an attachment in the impact's colour holding the blocks. */
    static ObjectNode slack(Notice n) {
        ObjectNode message = JSON.createObjectNode();
        message.put("text", n.summary());
        ObjectNode attachment = message.putArray("attachments").addObject();
        attachment.put("color", n.colour());
        ArrayNode blocks = attachment.putArray("blocks");
        ObjectNode header = blocks.addObject().put("type", "header");
        header.putObject("text").put("type", "plain_text").put("text", cut(n.title(), SLACK_HEADER)).put("emoji", false);
        ObjectNode context = blocks.addObject().put("type", "context");
        context.putArray("elements").addObject().put("type", "mrkdwn").put("text", slackText(n.headline() + " · " + n.pageName()));
        ObjectNode facts = blocks.addObject().put("type", "section");
        ArrayNode fields = facts.putArray("fields");
        fields.addObject().put("type", "mrkdwn").put("text", "*Status*\n" + slackText(n.status()));
        fields.addObject().put("type", "mrkdwn").put("text", "*Impact*\n" + slackText(n.impactLabel()));
        if (n.window() != null) {
            fields.addObject().put("type", "mrkdwn").put("text", "*Window*\n" + slackText(n.window()));
        }
        if (n.message() != null) {
            blocks.addObject().put("type", "section").putObject("text").put("type", "mrkdwn").put("text", ChatMarkdown.slack(n.message()));
        }
        if (!n.components().isEmpty()) {
            blocks.addObject().put("type", "section").putObject("text").put("type", "mrkdwn").put("text", cut("*Affected components*\n"
                    + n.components().stream().map(c -> "• " + slackText(c.name()) + ": " + slackText(c.status()))
                    .collect(Collectors.joining("\n")), 3000));
        }
        ObjectNode actions = blocks.addObject().put("type", "actions");
        ObjectNode button = actions.putArray("elements").addObject().put("type", "button").put("url", n.link());
        button.putObject("text").put("type", "plain_text").put("text", linkLabel(n));
        return message;
    }

    /** Teams: a message with one Adaptive Card (1.4), as Teams workflow webhooks ("Post to a channel when a webhook request is received") take it. */
    static ObjectNode teams(Notice n) {
        ObjectNode message = JSON.createObjectNode().put("type", "message");
        ObjectNode attachment = message.putArray("attachments").addObject();
        attachment.put("contentType", "application/vnd.microsoft.card.adaptive");
        attachment.putNull("contentUrl");
        ObjectNode card = attachment.putObject("content");
        card.put("$schema", "http://adaptivecards.io/schemas/adaptive-card.json").put("type", "AdaptiveCard").put("version", "1.4");
        card.put("fallbackText", n.summary());
        ArrayNode body = card.putArray("body");
        ObjectNode banner = body.addObject().put("type", "Container").put("style", teamsStyle(n)).put("bleed", true);
        ArrayNode top = banner.putArray("items");
        top.addObject().put("type", "TextBlock").put("text", n.headline() + " · " + n.pageName()).put("isSubtle", true).put("wrap", true);
        top.addObject().put("type", "TextBlock").put("text", n.title()).put("size", "Large").put("weight", "Bolder").put("wrap", true);
        ArrayNode facts = body.addObject().put("type", "FactSet").putArray("facts");
        facts.addObject().put("title", "Status").put("value", n.status());
        facts.addObject().put("title", "Impact").put("value", n.impactLabel());
        if (n.window() != null) {
            facts.addObject().put("title", "Window").put("value", n.window());
        }
        if (n.message() != null) {
            body.addObject().put("type", "TextBlock").put("text", ChatMarkdown.teams(n.message())).put("wrap", true);
        }
        if (!n.components().isEmpty()) {
            body.addObject().put("type", "TextBlock").put("text", "Affected components").put("weight", "Bolder").put("wrap", true);
            ArrayNode components = body.addObject().put("type", "FactSet").putArray("facts");
            n.components().forEach(c -> components.addObject().put("title", c.name()).put("value", c.status()));
        }
        card.putArray("actions").addObject().put("type", "Action.OpenUrl").put("title", linkLabel(n)).put("url", n.link());
        return message;
    }

    /** Discord: one embed in the impact's colour; mentions in a message never ping anyone. */
    static ObjectNode discord(Notice n) {
        ObjectNode message = JSON.createObjectNode();
        ObjectNode embed = message.putArray("embeds").addObject();
        embed.put("title", cut(n.title(), DISCORD_TITLE)).put("url", n.link()).put("color", n.colourValue());
        if (n.message() != null) {
            embed.put("description", ChatMarkdown.markdown(n.message()));
        }
        embed.putObject("author").put("name", cut(n.headline(), DISCORD_TITLE));
        ArrayNode fields = embed.putArray("fields");
        fields.addObject().put("name", "Status").put("value", n.status()).put("inline", true);
        fields.addObject().put("name", "Impact").put("value", n.impactLabel()).put("inline", true);
        if (n.window() != null) {
            fields.addObject().put("name", "Window").put("value", n.window()).put("inline", false);
        }
        if (!n.components().isEmpty()) {
            fields.addObject().put("name", "Affected components").put("value", cut(n.components().stream()
                    .map(c -> c.name() + ": " + c.status()).collect(Collectors.joining("\n")), DISCORD_FIELD)).put("inline", false);
        }
        embed.putObject("footer").put("text", n.pageName());
        embed.put("timestamp", n.at().toString());
        message.putObject("allowed_mentions").putArray("parse");
        return message;
    }

    /** Google Chat: a card (cards v2) with a header, the facts, the message and a button to the page. */
    static ObjectNode googleChat(Notice n) {
        ObjectNode message = JSON.createObjectNode();
        message.put("text", n.summary());
        ObjectNode card = message.putArray("cardsV2").addObject();
        card.put("cardId", "sitrep-notice");
        ObjectNode content = card.putObject("card");
        content.putObject("header").put("title", n.title()).put("subtitle", n.headline() + " · " + n.pageName());
        ArrayNode sections = content.putArray("sections");
        ArrayNode facts = sections.addObject().putArray("widgets");
        facts.addObject().putObject("decoratedText").put("topLabel", "Status").put("text", html(n.status()));
        facts.addObject().putObject("decoratedText").put("topLabel", "Impact")
                .put("text", "<font color=\"" + n.colour() + "\"><b>" + html(n.impactLabel()) + "</b></font>");
        if (n.window() != null) {
            facts.addObject().putObject("decoratedText").put("topLabel", "Window").put("text", html(n.window())).put("wrapText", true);
        }
        if (n.message() != null) {
            facts.addObject().putObject("textParagraph").put("text", ChatMarkdown.googleChat(n.message()));
        }
        if (!n.components().isEmpty()) {
            ObjectNode section = sections.addObject().put("header", "Affected components");
            ArrayNode widgets = section.putArray("widgets");
            n.components().forEach(c -> widgets.addObject().putObject("decoratedText").put("topLabel", html(c.name())).put("text", html(c.status())));
        }
        ObjectNode button = sections.addObject().putArray("widgets").addObject().putObject("buttonList").putArray("buttons").addObject();
        button.put("text", linkLabel(n)).putObject("onClick").putObject("openLink").put("url", n.link());
        return message;
    }

    /** Mattermost: one message attachment in the impact's colour, with fields. */
    static ObjectNode mattermost(Notice n) {
        ObjectNode message = JSON.createObjectNode();
        ObjectNode attachment = message.putArray("attachments").addObject();
        attachment.put("fallback", n.summary()).put("color", n.colour()).put("pretext", n.headline() + " · " + n.pageName());
        attachment.put("title", n.title()).put("title_link", n.link());
        if (n.message() != null) {
            attachment.put("text", ChatMarkdown.markdown(n.message()));
        }
        ArrayNode fields = attachment.putArray("fields");
        fields.addObject().put("short", true).put("title", "Status").put("value", n.status());
        fields.addObject().put("short", true).put("title", "Impact").put("value", n.impactLabel());
        if (n.window() != null) {
            fields.addObject().put("short", false).put("title", "Window").put("value", n.window());
        }
        if (!n.components().isEmpty()) {
            fields.addObject().put("short", false).put("title", "Affected components").put("value", n.components().stream()
                    .map(c -> c.name() + ": " + c.status()).collect(Collectors.joining("\n")));
        }
        return message;
    }

    /** An Adaptive Card container style for the impact: Teams shows no free colours. */
    private static String teamsStyle(Notice n) {
        if (n.impact() == null) {
            return "accent";
        }
        if ("Resolved".equals(n.status())) {
            return "good";
        }
        return n.impact() == Impact.CRITICAL || n.impact() == Impact.MAJOR ? "attention" : n.impact() == Impact.MINOR ? "warning" : "emphasis";
    }

    private static String linkLabel(Notice n) {
        return n.impact() == null ? "View the status page" : "View the incident";
    }

    /** Plain text in Slack's mrkdwn: its three special characters escaped. */
    private static String slackText(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static String html(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
