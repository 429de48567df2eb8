package io.sitrep.notification.subscription;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;

/** How a subscriber is notified. */
public enum Channel {
    WEBHOOK("webhook"),
    EMAIL("email"),
    /** A Slack incoming webhook: Block Kit messages. */
    SLACK("slack"),
    /** A Microsoft Teams workflow webhook: Adaptive Cards. */
    TEAMS("teams"),
    /** A Discord channel webhook: embeds. */
    DISCORD("discord"),
    /** A Google Chat space webhook: cards v2. */
    GOOGLE_CHAT("google_chat"),
    /** A Mattermost incoming webhook: message attachments. */
    MATTERMOST("mattermost");

    private final String wireName;

    Channel(String wireName) {
        this.wireName = wireName;
    }

    /** The name in the API and the database. */
    @JsonValue
    public String wireName() {
        return wireName;
    }

    /**
     * True for the chat channels: an incoming-webhook URL that is itself the credential, so it is stored encrypted
     * and shown redacted.
     */
    public boolean isChat() {
        return this != WEBHOOK && this != EMAIL;
    }

    /** True for the channels sent as an HTTP POST: webhooks and chat. */
    public boolean overHttp() {
        return this != EMAIL;
    }

    @JsonCreator
    public static Channel fromWireName(String wireName) {
        return Arrays.stream(values()).filter(c -> c.wireName.equals(wireName)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("'" + wireName + "' is not one of "
                        + Arrays.stream(values()).map(Channel::wireName).toList()));
    }
}
