package io.sitrep.testsupport;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Other spellings of a path: percent-encoded letters, matrix parameters, doubled slashes, dot
 * segments, encoded slashes and periods, other letter cases. A check that looks at the raw request
 * URI misses them while a router that decodes and normalises may still reach the handler, so each
 * must be refused or answered exactly as the plain path is for the same caller.
 */
public final class PathSpellings {

    private PathSpellings() {
    }

    /** @param path an absolute path of at least two segments, such as {@code /api/v1/incidents} */
    public static List<String> of(String path) {
        String[] segments = path.substring(1).split("/", -1);
        if (segments.length < 2) {
            throw new IllegalArgumentException("needs at least two segments: " + path);
        }
        String first = segments[0];
        String rest = path.substring(first.length() + 1);
        String second = segments[1];
        String afterSecond = rest.substring(second.length() + 1);
        List<String> spellings = new ArrayList<>();
        spellings.add("/" + encodeFirstLetter(first, false) + rest);
        spellings.add("/" + encodeFirstLetter(first, true) + rest);
        spellings.add("/" + first + "/" + encodeFirstLetter(second, false) + afterSecond);
        spellings.add("/" + first + ";x=1" + rest);
        spellings.add("/" + first + rest + ";x=1");
        spellings.add("/" + first + "/" + second + ";jsessionid=1" + afterSecond);
        spellings.add("//" + first + rest);
        spellings.add("/" + first + "/" + rest);
        spellings.add("/" + first + "/." + rest);
        spellings.add("/" + first + "/%2e" + rest);
        spellings.add("/" + first + "/%2E" + rest);
        spellings.add("/" + first + "/x/.." + rest);
        spellings.add("/" + first + "/x/%2e%2e" + rest);
        spellings.add("/" + first + "%2F" + rest.substring(1));
        spellings.add("/" + first + "%2f" + rest.substring(1));
        spellings.add("/" + first + "%5C" + rest.substring(1));
        spellings.add("/" + first + "%252F" + rest.substring(1));
        spellings.add("/" + first.toUpperCase(Locale.ROOT) + rest);
        spellings.add("/" + Character.toUpperCase(first.charAt(0)) + first.substring(1) + rest);
        spellings.add("/" + first + "/" + second.toUpperCase(Locale.ROOT) + afterSecond);
        return List.copyOf(spellings);
    }

    private static String encodeFirstLetter(String segment, boolean upperHex) {
        String hex = Integer.toHexString(segment.charAt(0));
        return "%" + (upperHex ? hex.toUpperCase(Locale.ROOT) : hex) + segment.substring(1);
    }
}
