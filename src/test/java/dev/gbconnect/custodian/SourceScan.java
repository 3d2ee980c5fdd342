package dev.gbconnect.custodian;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Sizes read from Java source, for the size rules of ArchitectureTest: bytecode keeps no method's extent. A method is
 * measured from the line of its opening brace to the line of its closing one, lambdas and local classes included.
 */
final class SourceScan {

    /** A method (or constructor) of a named type, and how many lines its body spans. */
    record Method(String file, String name, int lines) {
        String key() {
            return file + "#" + name;
        }
    }

    private static final Pattern TYPE = Pattern.compile("\\b(class|interface|enum|record)\\s+[A-Z]");
    private static final Pattern NOT_A_METHOD =
            Pattern.compile("^(if|for|while|switch|catch|synchronized|try|else|do|finally|return)\\b|\\bnew\\s|->|=");
    private static final Pattern ANNOTATION = Pattern.compile("@[\\w.]+(\\s*\\([^()]*\\))?");
    private static final Pattern NAME = Pattern.compile("(\\w+)\\s*\\(");
    private static final Pattern RESOURCE = Pattern.compile("(?m)^\\s*@(Path|GET|POST|PUT|DELETE|PATCH|HEAD)\\b");

    private SourceScan() {}

    /** Every .java file below {@code root}, as its path relative to root (with '/') and its text. */
    static List<String[]> sources(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            List<String[]> out = new ArrayList<>();
            for (Path f :
                    files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                out.add(new String[] {root.relativize(f).toString().replace('\\', '/'), Files.readString(f)});
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Does this source declare JAX-RS resource methods or a root resource? */
    static boolean isResource(String source) {
        return RESOURCE.matcher(code(source)).find();
    }

    static int lines(String source) {
        return (int) source.lines().count();
    }

    /** The methods of the source's named types, in the order they close. */
    static List<Method> methods(String file, String source) {
        String code = code(source);
        List<Method> methods = new ArrayList<>();
        Deque<String> open = new ArrayDeque<>(); // per open brace: "type", "block", or the method's name
        Deque<Integer> openedAt = new ArrayDeque<>();
        int line = 1, last = 0;
        for (int i = 0; i < code.length(); i++) {
            char c = code.charAt(i);
            if (c == '\n') line++;
            if (c != '{' && c != '}' && c != ';') continue;
            if (c == '{') {
                open.push(kind(code.substring(last, i).strip(), "type".equals(open.peek())));
                openedAt.push(line);
            } else if (c == '}') {
                String kind = open.pop();
                int from = openedAt.pop();
                if (!kind.equals("type") && !kind.equals("block")) methods.add(new Method(file, kind, line - from + 1));
            }
            last = i + 1;
        }
        return methods;
    }

    private static String kind(String head, boolean inType) {
        if (TYPE.matcher(head).find() && !head.contains("new ")) return "type";
        String declaration = ANNOTATION.matcher(head).replaceAll(" ").strip();
        if (!inType
                || !declaration.contains(")")
                || NOT_A_METHOD.matcher(declaration).find()) return "block";
        Matcher name = NAME.matcher(declaration);
        return name.find() ? name.group(1) : "block";
    }

    /** The source with comments, strings, text blocks and char literals blanked, line breaks kept. */
    static String code(String source) {
        StringBuilder out = new StringBuilder(source.length());
        int i = 0, n = source.length();
        while (i < n) {
            int end;
            if (source.startsWith("\"\"\"", i)) end = source.indexOf("\"\"\"", i + 3) + 3;
            else if (source.startsWith("//", i)) end = lineEnd(source, i);
            else if (source.startsWith("/*", i)) end = source.indexOf("*/", i + 2) + 2;
            else if (source.charAt(i) == '"' || source.charAt(i) == '\'') end = literalEnd(source, i);
            else {
                out.append(source.charAt(i++));
                continue;
            }
            for (int k = i; k < end; k++) out.append(source.charAt(k) == '\n' ? '\n' : ' ');
            i = end;
        }
        return out.toString();
    }

    private static int lineEnd(String s, int from) {
        int end = s.indexOf('\n', from);
        return end < 0 ? s.length() : end;
    }

    private static int literalEnd(String s, int from) {
        char quote = s.charAt(from);
        int j = from + 1;
        while (s.charAt(j) != quote) j += s.charAt(j) == '\\' ? 2 : 1;
        return j + 1;
    }
}
