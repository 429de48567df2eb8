package io.sitrep.notification.subscription.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.sitrep.events.EventType;
import io.sitrep.events.Impact;
import io.sitrep.notification.subscription.Channel;
import io.sitrep.notification.subscription.SigningSecret;
import io.sitrep.notification.subscription.Subscription;
import io.sitrep.notification.subscription.SubscriptionStatus;
import io.sitrep.notification.subscription.WebhookFormat;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A subscription as the API shows it. The signing secret appears only in the answer that creates
 * or rotates it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SubscriptionResponse(
        UUID id,
        Channel channel,
        @Schema(description = "A webhook's URL; a chat channel's redacted: scheme, host and the last four characters "
                + "(https://hooks.slack.com/…WXYZ), never the whole URL, which is its credential")
        String url,
        String email,
        List<String> components,
        List<String> eventTypes,
        Impact minImpact,
        SubscriptionStatus status,
        String disabledReason,
        Instant createdAt,
        Instant updatedAt,
        @Schema(description = "The signing secret, whsec_…: only in the answer that creates or rotates it; keep it safe")
        String secret,
        @Schema(description = "Until when webhooks are signed with the previous secret as well")
        Instant previousSecretExpiresAt,
        @Schema(description = "A webhook's body format: standard or statuspage")
        WebhookFormat format,
        @Schema(description = "Whether internal incidents (opened by alerts, not yet published) are notified too")
        boolean includeInternal) {

    static SubscriptionResponse of(Subscription s, SigningSecret secret, Instant now) {
        boolean webhook = s.channel() == Channel.WEBHOOK;
        String url = webhook ? s.target() : s.channel().isChat() ? Subscription.redacted(s.target()) : null;
        return new SubscriptionResponse(s.id().value(), s.channel(), url, s.channel() == Channel.EMAIL ? s.target() : null,
                s.filter().components().stream().sorted().toList(),
                s.filter().eventTypes().stream().map(EventType::wireName).sorted().toList(),
                s.filter().minImpact(), s.status(), s.disabledReason(), s.createdAt(), s.updatedAt(),
                secret == null ? null : secret.value(),
                s.previousSecretAt(now) == null ? null : s.previousSecretExpiresAt(),
                webhook ? s.format() : null, s.filter().includeInternal());
    }

    /**
     * A page of subscriptions, oldest first.
     *
     * @param nextCursor pass as {@code cursor} to get the next page; null on the last page
     */
    public record SubscriptionList(
            List<SubscriptionResponse> items,
            @io.swagger.v3.oas.annotations.media.Schema(description = "pass as cursor to get the next page; null on the last page",
                    types = {"string", "null"}) String nextCursor) {
    }
}
