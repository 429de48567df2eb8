package io.sitrep.bench;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MailSinkTest {

    private static final String TOKEN = Stamp.token(3, 4_711, 1_234_567_890L);

    @Test
    void aTokenStandingWholeInTheRawMessageIsReadWithoutDecodingIt() {
        String raw = "To: <bench-12@list.example.com>\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n"
                + "Update =E2=80=94 " + TOKEN + " mitigated.\r\n";

        Stamp.Token token = MailSink.wholeToken(raw);

        assertThat(token).isEqualTo(new Stamp.Token(3, 4_711, 1_234_567_890L));
    }

    @Test
    void aTokenCutByASoftLineBreakIsLeftForTheDecoder() {
        String cut = TOKEN.substring(0, TOKEN.length() - 3) + "=\r\n" + TOKEN.substring(TOKEN.length() - 3);
        String raw = "Content-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: quoted-printable\r\n"
                + "MIME-Version: 1.0\r\n\r\nUpdate " + cut + " mitigated.\r\n";

        Stamp.Token fromRaw = MailSink.wholeToken(raw);
        Stamp.Token decoded = Stamp.find(MailSink.plainText(raw));

        assertThat(fromRaw).isNull();
        assertThat(decoded).isEqualTo(new Stamp.Token(3, 4_711, 1_234_567_890L));
    }

    @Test
    void aMailboxAddressAloneIsNoToken() {
        assertThat(MailSink.wholeToken("To: <bench-12@list.example.com>\r\n\r\nConfirm your subscription.\r\n")).isNull();
    }
}
