package io.sitrep.notification.email;

import jakarta.mail.internet.MimeUtility;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** Issue 17: a part encoded once, each mail encoding only its values into it. */
class TextPartTest {

    private static final String BOUNDARY = "----=_Part_0_1.2";

    @Test
    void quotedPrintableLinesStayWithin76CharactersFromWhateverColumnAPieceStarts() {
        byte[] text = ("é".repeat(60) + " = tail  \n").getBytes(StandardCharsets.UTF_8);
        MailBytes out = new MailBytes(64);
        out.put("x".repeat(70).getBytes(StandardCharsets.US_ASCII));

        int column = QuotedPrintable.encode(text, 70, true, out);

        String encoded = new String(out.toArray(), StandardCharsets.US_ASCII);
        assertThat(column).isZero();
        assertThat(encoded.split("\r\n")).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(76));
        assertThat(encoded).endsWith("tail =20\r\n").contains("=3D");
    }

    @Test
    void aSevenBitPartWhoseValueMakesALineTooLongIsEncodedWholeForThatMail() throws Exception {
        TextPart part = new TextPart("plain", List.of("Unsubscribe: ", "\nBye.\n"), List.of("unsubscribe"), UnaryOperator.identity(),
                BOUNDARY);
        String longLink = "https://status.example.com/u?token=" + "a".repeat(1000);

        String shortMail = written(part, Map.of("unsubscribe", "https://status.example.com/u?token=abc"));
        String longMail = written(part, Map.of("unsubscribe", longLink));

        assertThat(part.encoding()).isEqualTo(TextPart.Encoding.SEVEN_BIT);
        assertThat(shortMail).contains("Content-Transfer-Encoding: 7bit\r\n")
                .endsWith("\r\n\r\nUnsubscribe: https://status.example.com/u?token=abc\r\nBye.\r\n\r\n");
        assertThat(longMail).contains("Content-Transfer-Encoding: quoted-printable\r\n");
        assertThat(decoded(longMail, "quoted-printable")).isEqualTo("Unsubscribe: " + longLink + "\r\nBye.\r\n");
    }

    @Test
    void aValueOutsideUsAsciiInASevenBitPartIsEncodedWithIt() throws Exception {
        TextPart part = new TextPart("plain", List.of("Hello ", "!\n"), List.of("name"), UnaryOperator.identity(), BOUNDARY);

        String mail = written(part, Map.of("name", "Zoë"));

        assertThat(mail).contains("Content-Transfer-Encoding: quoted-printable\r\n");
        assertThat(decoded(mail, "quoted-printable")).isEqualTo("Hello Zoë!\r\n");
    }

    @Test
    void everySlotNeedsAValue() {
        TextPart part = new TextPart("html", List.of("<a href=\"", "\">x</a>"), List.of("manage"), UnaryOperator.identity(), BOUNDARY);

        assertThatIllegalArgumentException().isThrownBy(() -> written(part, Map.of())).withMessageContaining("{{manage}}");
    }

    private static String written(TextPart part, Map<String, String> values) {
        MailBytes out = new MailBytes(256);
        part.writeTo(out, values);
        return new String(out.toArray(), StandardCharsets.UTF_8);
    }

    /** The body of a written part (after its headers, without the line end the multipart adds), decoded. */
    private static String decoded(String written, String encoding) throws Exception {
        String body = written.substring(written.indexOf("\r\n\r\n") + 4, written.length() - 2);
        try (var in = MimeUtility.decode(new ByteArrayInputStream(body.getBytes(StandardCharsets.US_ASCII)), encoding)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
