package dev.gbconnect.custodian.ingest.control;

import java.util.List;
import java.util.Map;

/**
 * Links compare by path alone: files mix absolute and relative forms of the same link, and an export's host name
 * says nothing about identity.
 */
final class Hrefs {

    private Hrefs() {}

    /** The link's path without its leading and trailing slashes; null for none. */
    static String of(String href) {
        if (href == null || href.isBlank()) return null;
        String h = href.strip();
        int scheme = h.indexOf("://");
        if (scheme >= 0) {
            int path = h.indexOf('/', scheme + 3);
            h = path < 0 ? "" : h.substring(path);
        }
        int start = 0, end = h.length();
        while (start < end && h.charAt(start) == '/') start++;
        while (end > start && h.charAt(end - 1) == '/') end--;
        return h.substring(start, end);
    }

    static String withoutLastSegment(String href) {
        int slash = href.lastIndexOf('/');
        return slash < 0 ? "" : href.substring(0, slash);
    }

    /** The first entry a link (as written in the file) names, or null. */
    static String first(List<String> hrefs, Map<String, String> targets) {
        for (String h : hrefs) {
            String id = targets.get(of(h));
            if (id != null) return id;
        }
        return null;
    }

    /** The first entry to claim a link keeps it. */
    static void register(Map<String, String> targets, String href, String id) {
        if (href != null) targets.putIfAbsent(href, id);
    }
}
