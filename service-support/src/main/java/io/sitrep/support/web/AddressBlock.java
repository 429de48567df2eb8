package io.sitrep.support.web;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/** An IP address or a CIDR block of them, e.g. {@code 10.0.0.0/8} or {@code ::1}; parsed without any name lookup. */
record AddressBlock(byte[] network, int prefix) {

    /** Digits, hex digits, dots, colons and an optional zone: an IP literal, never a host name to look up. */
    private static final Pattern LITERAL = Pattern.compile("[0-9]{1,3}(\\.[0-9]{1,3}){3}|[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    /** @throws IllegalArgumentException when the text is not an IP address or CIDR block */
    static AddressBlock parse(String text) {
        String trimmed = text == null ? "" : text.strip();
        int slash = trimmed.indexOf('/');
        byte[] address = address(slash < 0 ? trimmed : trimmed.substring(0, slash));
        if (address == null) {
            throw new IllegalArgumentException("'" + text + "' is not an IP address or CIDR block");
        }
        int prefix = address.length * 8;
        if (slash >= 0) {
            try {
                prefix = Integer.parseInt(trimmed.substring(slash + 1));
            } catch (NumberFormatException e) {
                prefix = -1;
            }
            if (prefix < 0 || prefix > address.length * 8) {
                throw new IllegalArgumentException("'" + text + "' has no valid prefix length");
            }
        }
        return new AddressBlock(address, prefix);
    }

    /** The address's bytes (4 or 16; an IPv4-mapped IPv6 address as its 4), or null when the text is not an IP literal. */
    static byte[] address(String text) {
        if (text == null) {
            return null;
        }
        String literal = text.strip();
        if (literal.startsWith("[") && literal.endsWith("]")) {
            literal = literal.substring(1, literal.length() - 1);
        }
        if (literal.isEmpty() || literal.length() > 45 || !LITERAL.matcher(literal).matches()) {
            return null;
        }
        try {
            // A literal only (checked above): no name is looked up.
            return InetAddress.getByName(literal).getAddress();
        } catch (UnknownHostException | SecurityException e) {
            return null;
        }
    }

    boolean contains(byte[] address) {
        if (address == null || address.length != network.length) {
            return false;
        }
        int full = prefix / 8;
        for (int i = 0; i < full; i++) {
            if (address[i] != network[i]) {
                return false;
            }
        }
        int rest = prefix % 8;
        if (rest == 0) {
            return true;
        }
        int mask = (0xFF << (8 - rest)) & 0xFF;
        return (address[full] & mask) == (network[full] & mask);
    }
}
