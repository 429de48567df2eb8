package io.sitrep.notification.chat;

import io.sitrep.notification.delivery.AttemptResult;
import io.sitrep.notification.subscription.Channel;
import io.sitrep.notification.webhook.WebhookSender;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.util.regex.Pattern;

/**
 * Reads each chat channel's answers as its documentation explains them. Beyond what every webhook gets (2xx
 * delivered, 410 disables, 429 and 5xx retried with {@code Retry-After} honoured):
 * <ul>
 * <li>Slack answers 404 {@code no_service} (the webhook was removed or disabled) or {@code no_team} (the workspace
 *     is gone): the subscription is disabled. Its other refusals ({@code invalid_payload},
 *     {@code channel_not_found}, …) are failed attempts, named in the error.</li>
 * <li>Discord rate-limits with 429 and a JSON body whose {@code retry_after} (seconds, fractional) says when to try
 *     again: honoured when later than its {@code Retry-After} header. 404 with code 10015 ("Unknown Webhook") means
 *     the webhook was deleted: the subscription is disabled.</li>
 * <li>Teams workflow webhooks answer 202 when they accept, and 429 with {@code Retry-After} when throttled.</li>
 * </ul>
 * No error text carries the URL: the answers named are the receivers' own short codes.
 */
public final class ChatRefusals {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern SLACK_CODE = Pattern.compile("^[a-z_]{1,64}$");
    /** Discord's JSON error code for a webhook that no longer exists. */
    private static final int DISCORD_UNKNOWN_WEBHOOK = 10015;

    private ChatRefusals() {
    }

    /** How the answers of this chat channel are read. */
    public static WebhookSender.Reading reading(Channel channel) {
        return switch (channel) {
            case SLACK -> ChatRefusals::slack;
            case DISCORD -> ChatRefusals::discord;
            default -> WebhookSender.Reading.STATUS;
        };
    }

    static AttemptResult slack(WebhookSender.Answer answer, Duration took) {
        int status = answer.status();
        AttemptResult plain = AttemptResult.status(status, answer.retryAfter(), took);
        if (status / 100 == 2) {
            return plain;
        }
        String code = answer.body().strip();
        if (!SLACK_CODE.matcher(code).matches()) {
            return plain;
        }
        String error = "HTTP " + status + " " + code;
        if (status == 404 && (code.equals("no_service") || code.equals("no_team"))) {
            return AttemptResult.gone(status, error, took);
        }
        return new AttemptResult(status, error, answer.retryAfter(), took);
    }

    static AttemptResult discord(WebhookSender.Answer answer, Duration took) {
        int status = answer.status();
        AttemptResult plain = AttemptResult.status(status, answer.retryAfter(), took);
        if (status != 429 && status != 404) {
            return plain;
        }
        JsonNode body;
        try {
            body = JSON.readTree(answer.body());
        } catch (RuntimeException e) {
            return plain;
        }
        if (body == null || !body.isObject()) {
            return plain;
        }
        if (status == 404) {
            return body.path("code").asInt(0) == DISCORD_UNKNOWN_WEBHOOK
                    ? AttemptResult.gone(status, "HTTP 404 Unknown Webhook (" + DISCORD_UNKNOWN_WEBHOOK + ")", took) : plain;
        }
        JsonNode retryAfter = body.path("retry_after");
        if (!retryAfter.isNumber() || retryAfter.asDouble() < 0) {
            return plain;
        }
        Duration said = Duration.ofMillis((long) Math.ceil(Math.min(retryAfter.asDouble(), 86_400) * 1000));
        Duration header = answer.retryAfter();
        return plain.withRetryAfter(header == null || said.compareTo(header) > 0 ? said : header);
    }
}
