package io.sitrep.notification.subscription.web;

import io.sitrep.events.Impact;
import io.sitrep.notification.subscription.Channel;
import io.sitrep.notification.subscription.WebhookFormat;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;

/**
 * A new subscription: a webhook URL, a chat channel's incoming-webhook URL or an email address, and what to be
 * notified of.
 *
 * @param format     for webhooks: the body, {@code standard} (Standard Webhooks, the default) or {@code statuspage}
 * @param components components whose incidents and maintenance to be notified of; empty or absent for all
 * @param eventTypes incident and maintenance event types to be notified of; empty or absent for all
 * @param minImpact  the least incident impact worth a notification; absent for any. Above {@code none}, maintenance
 *                   is notified only for the maintenance types {@code eventTypes} names
 * @param includeInternal whether internal incidents are notified too, for a responders' channel; needs a key with the
 *                        admin scope; absent for false
 */
public record CreateSubscriptionRequest(
        @NotNull @Schema(allowableValues = {"webhook", "email", "slack", "teams", "discord", "google_chat", "mattermost"}) Channel channel,
        @Size(max = 2000) @Schema(description = "For webhooks: the http or https URL to POST to. For chat channels: the "
                + "incoming-webhook URL, which is the credential: stored encrypted, answered redacted") String url,
        @Size(max = 254) @Email @Schema(description = "For email: the address to notify, after it confirms") String email,
        @Size(max = 100) List<@NotNull @Pattern(regexp = "^[a-z0-9][a-z0-9._-]{0,63}$", message = "must be a component id") String> components,
        @Size(max = 15) @Schema(description = "incident.opened, incident.updated, incident.resolved, incident.reopened, "
                + "postmortem.published, incident.published, incident.edited, incident.update_edited, incident.deleted (the three "
                + "corrections: webhooks only, and only when listed), maintenance.scheduled, maintenance.updated, maintenance.reminder, maintenance.started, "
                + "maintenance.completed, maintenance.cancelled")
        List<@NotNull String> eventTypes,
        @Schema(allowableValues = {"none", "minor", "major", "critical"}, description = "The least incident impact worth a "
                + "notification; above none, maintenance is notified only for the maintenance types eventTypes names") Impact minImpact,
        @Schema(allowableValues = {"standard", "statuspage"}, description = "For webhooks: the body sent, standard (Standard "
                + "Webhooks {type, timestamp, data}, the default) or statuspage (Statuspage's webhook notification: meta, page, "
                + "incident); signed either way") WebhookFormat format,
        @Schema(description = "Also notify internal incidents, which alerts open before a responder publishes them: for responders' "
                + "channels. Needs a key with the admin scope. Without it, an incident is notified from its publish on, "
                + "incident.published standing for incident.opened.") Boolean includeInternal) {
}
