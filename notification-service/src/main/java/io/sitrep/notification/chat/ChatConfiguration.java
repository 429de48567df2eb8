package io.sitrep.notification.chat;

import io.sitrep.notification.notice.Notices;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the chat channels' messages. */
@Configuration(proxyBeanMethods = false)
class ChatConfiguration {

    @Bean
    ChatMessages chatMessages(Notices notices) {
        return new ChatMessages(notices);
    }
}
