package io.sitrep.notification.chat;

import io.sitrep.notification.delivery.AttemptResult;
import io.sitrep.notification.webhook.WebhookSender;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class ChatRefusalsTest {

    private static final Duration TOOK = Duration.ofMillis(20);

    @Test
    void slacksOkIsDelivered() {
        AttemptResult result = ChatRefusals.slack(new WebhookSender.Answer(200, null, "ok"), TOOK);

        assertThat(result.verdict()).isEqualTo(AttemptResult.Verdict.DELIVERED);
    }

    @Test
    void slacksNoTeamIsGoneLikeNoService() {
        AttemptResult result = ChatRefusals.slack(new WebhookSender.Answer(404, null, "no_team\n"), TOOK);

        assertThat(result.verdict()).isEqualTo(AttemptResult.Verdict.GONE);
        assertThat(result.error()).isEqualTo("HTTP 404 no_team");
    }

    @Test
    void aSlack404WithoutItsCodeIsRetriedAndItsBodyNotQuoted() {
        AttemptResult result = ChatRefusals.slack(new WebhookSender.Answer(404, null, "<html>Not Found: /services/T/B/secret</html>"), TOOK);

        assertThat(result.verdict()).isEqualTo(AttemptResult.Verdict.RETRY);
        assertThat(result.error()).isEqualTo("HTTP 404");
    }

    @Test
    void discordsRetryAfterHeaderWinsWhenLaterThanItsBody() {
        AttemptResult result = ChatRefusals.discord(new WebhookSender.Answer(429, Duration.ofSeconds(5), "{\"retry_after\": 0.25}"), TOOK);

        assertThat(result.retryAfter()).isEqualTo(Duration.ofSeconds(5));
        assertThat(result.verdict()).isEqualTo(AttemptResult.Verdict.RETRY);
    }

    @Test
    void discordsFractionalRetryAfterIsRoundedUpToTheMillisecond() {
        AttemptResult result = ChatRefusals.discord(new WebhookSender.Answer(429, null, "{\"retry_after\": 0.0015, \"global\": true}"), TOOK);

        assertThat(result.retryAfter()).isEqualTo(Duration.ofMillis(2));
    }

    @Test
    void aDiscordBodyThatIsNotJsonOrHasNoRetryAfterLeavesThePlainReading() {
        AttemptResult garbled = ChatRefusals.discord(new WebhookSender.Answer(429, null, "<html>"), TOOK);
        AttemptResult negative = ChatRefusals.discord(new WebhookSender.Answer(429, null, "{\"retry_after\": -3}"), TOOK);
        AttemptResult otherNotFound = ChatRefusals.discord(new WebhookSender.Answer(404, null, "{\"code\": 10003}"), TOOK);

        assertThat(garbled.retryAfter()).isNull();
        assertThat(negative.retryAfter()).isNull();
        assertThat(otherNotFound.verdict()).isEqualTo(AttemptResult.Verdict.RETRY);
    }
}
