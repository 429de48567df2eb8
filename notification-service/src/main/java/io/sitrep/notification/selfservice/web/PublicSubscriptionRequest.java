package io.sitrep.notification.selfservice.web;

import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

/**
 * A subscription from the status page: an email address, or a webhook URL with its contact address; the same fields
 * as the page's form ({@code application/x-www-form-urlencoded}, {@code components} repeated).
 *
 * @param email        the address to notify, after it confirms; not with {@code webhookUrl}
 * @param components   component ids to hear about; empty or absent for all
 * @param website      leave empty: a field people do not see; a request that fills it is answered as any, and dropped
 * @param webhookUrl   a webhook to notify instead (Statuspage's body format), under the production target policy
 * @param contactEmail the webhook's contact: confirms it, and is told when it is disabled; required with {@code webhookUrl}
 */
public record PublicSubscriptionRequest(
        @Schema(maxLength = PublicFields.MAX_EMAIL, description = "The address to notify, after it confirms; not with webhookUrl")
        String email,
        @Schema(description = "Component ids, at most " + PublicFields.MAX_COMPONENTS + "; empty or absent for all")
        List<String> components,
        @Schema(maxLength = PublicFields.MAX_HONEYPOT, description = "Leave empty (the honeypot)")
        String website,
        @Schema(maxLength = PublicFields.MAX_URL, description = "A webhook to notify instead of an address: http or https")
        String webhookUrl,
        @Schema(maxLength = PublicFields.MAX_EMAIL, description = "The webhook's contact address; required with webhookUrl")
        String contactEmail) {
}
