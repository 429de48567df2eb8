package io.sitrep.systemtests;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 15: a reader subscribes from the status page, across the page's and notification-service's origins, without a key
 * and without JavaScript; confirms from the mail; then hears about its component's incidents and not about others.
 */
class SubscribeFromPageIT extends SystemTest {

    private static final HttpClient BROWSER = HttpClient.newHttpClient();
    private static final Pattern FORM = Pattern.compile("<form class=\"subscribe\" method=\"post\" action=\"([^\"]+)\"");

    @Test
    void aReaderSubscribesFromThePageConfirmsFromTheMailAndHearsOnlyAboutTheChosenComponent() throws Exception {
        String chosen = aComponent("Search");
        String other = aComponent("Billing");
        String email = "reader-" + chosen + "@example.com";
        String page = awaitPageListing(chosen);
        Matcher form = FORM.matcher(page);
        assertThat(form.find()).as("the page's subscribe form").isTrue();
        String action = form.group(1);
        // The form posts to notification-service, another origin, and the page's own policy allows that origin.
        assertThat(action).isEqualTo(notifications.baseUrl() + "/api/v1/public/subscriptions");
        assertThat(timeline.as(null).get("/").expect(200).header("Content-Security-Policy")).contains("form-action 'self' " + notifications.baseUrl());
        assertThat(page).contains("name=\"website\"").contains("value=\"" + chosen + "\"");

        HttpResponse<String> thanks = BROWSER.send(HttpRequest.newBuilder(URI.create(action))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Origin", timeline.baseUrl())
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("email", email, "components", chosen, "website", ""))))
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(thanks.statusCode()).isEqualTo(200);
        assertThat(thanks.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(thanks.body()).contains("href=\"" + timeline.baseUrl());
        String confirmation = awaitMail(email, "Confirm");
        String confirmLink = link(confirmation, "/api/v1/subscriptions/confirm?token=");
        assertThat(notifications.as(null).get(confirmLink).expect(200).body()).contains("<form");
        notifications.as(null).post(confirmLink, null).expect(200);

        open("Billing slow", other);
        String incident = open("Search failing", chosen);

        String notification = awaitMail(email, "Search failing");
        assertThat(notification).contains(timeline.baseUrl() + "/incidents/" + incident).contains("Manage your subscription");
        assertThat(link(notification, "/api/v1/subscriptions/manage?token=")).isNotBlank();
        assertThat(mailTo(email)).extracting(m -> String.valueOf(m.get("subject"))).noneMatch(subject -> subject.contains("Billing slow"));
    }

    private String awaitPageListing(String component) {
        // The page is answered from the public snapshot, rebuilt just after the read models change.
        await().atMost(Duration.ofSeconds(30)).until(() -> timeline.as(null).get("/").expect(200).body().contains("value=\"" + component + "\""));
        return timeline.as(null).get("/").expect(200).body();
    }

    private static String form(Map<String, String> fields) {
        StringBuilder body = new StringBuilder();
        fields.forEach((name, value) -> body.append(body.isEmpty() ? "" : "&").append(name).append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return body.toString();
    }

    private static String link(String mail, String path) {
        Matcher link = Pattern.compile("http://localhost:\\d+(" + Pattern.quote(path) + "[^\\s\"<>]+)").matcher(mail);
        assertThat(link.find()).as("a link to %s in%n%s", path, mail).isTrue();
        return link.group(1);
    }

    private String awaitMail(String to, String subjectPart) {
        await().atMost(Duration.ofSeconds(60)).until(() -> mailTo(to).stream().anyMatch(m -> String.valueOf(m.get("subject")).contains(subjectPart)));
        return mailTo(to).stream().filter(m -> String.valueOf(m.get("subject")).contains(subjectPart)).findFirst()
                .map(m -> String.valueOf(m.get("body"))).orElseThrow();
    }

    private List<Map<String, Object>> mailTo(String to) {
        return stack.receivedMail().stream().filter(m -> String.valueOf(m.get("to")).contains(to)).toList();
    }
}
