package io.sitrep.notification.chat;

import io.sitrep.notification.notice.Notices;
import io.sitrep.notification.webhook.WebhookPayload;
import io.sitrep.notification.webhook.WebhookSender;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the chat channels' messages and their delivery channel. */
@Configuration(proxyBeanMethods = false)
class ChatConfiguration {

    @Bean
    ChatMessages chatMessages(Notices notices) {
        return new ChatMessages(notices);
    }

    @Bean
    ChatChannel chatChannel(WebhookSender sender, WebhookPayload payloads, ChatMessages messages) {
        return new ChatChannel(sender, payloads, messages);
    }
}
