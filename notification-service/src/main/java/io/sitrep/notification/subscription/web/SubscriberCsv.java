package io.sitrep.notification.subscription.web;

import java.util.List;

/**
 * The subscriber export as CSV (RFC 4180): every field quoted, and a field that a spreadsheet would read as a formula
 * (starting with {@code = + - @}, a tab or a carriage return) prefixed with an apostrophe.
 */
final class SubscriberCsv {

    private SubscriberCsv() {
    }

    static String of(List<SubscriberController.Subscriber> items) {
        StringBuilder out = new StringBuilder(64 + items.size() * 120);
        out.append("id,channel,email,url,contactEmail,components,status,createdAt\r\n");
        for (SubscriberController.Subscriber s : items) {
            row(out, s.id().toString(), s.channel().wireName(), s.email(), s.url(), s.contactEmail(), String.join(" ", s.components()),
                    s.status().wireName(), s.createdAt().toString());
        }
        return out.toString();
    }

    private static void row(StringBuilder out, String... fields) {
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(field(fields[i]));
        }
        out.append("\r\n");
    }

    static String field(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        String safe = "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        return '"' + safe.replace("\"", "\"\"") + '"';
    }
}
