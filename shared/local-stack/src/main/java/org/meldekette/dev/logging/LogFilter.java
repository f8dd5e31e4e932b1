package org.meldekette.dev.logging;

import com.google.logging.v2.LogEntry;
import com.google.protobuf.Struct;
import com.google.protobuf.Timestamp;
import com.google.protobuf.Value;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The part of Cloud Logging's query language the local stand-in understands: comparisons ({@code =
 * != > >= < <= :}) of a field path with a quoted or bare value, joined by {@code AND}, {@code OR}
 * (which binds tighter than {@code AND}, as in Cloud Logging), {@code NOT} and parentheses;
 * juxtaposed terms are joined by {@code AND}. Anything else is refused as an invalid filter, as
 * Cloud Logging refuses what it cannot parse.
 */
final class LogFilter {
  private static final Map<String, Integer> SEVERITY =
      Map.of(
          "DEFAULT",
          0,
          "DEBUG",
          100,
          "INFO",
          200,
          "NOTICE",
          300,
          "WARNING",
          400,
          "ERROR",
          500,
          "CRITICAL",
          600,
          "ALERT",
          700,
          "EMERGENCY",
          800);

  private final List<String> tokens;
  private int at;

  private LogFilter(List<String> tokens) {
    this.tokens = tokens;
  }

  /** The entries the filter selects; an empty filter selects all. */
  static Predicate<LogEntry> parse(String filter) {
    List<String> tokens = tokenize(filter == null ? "" : filter);
    if (tokens.isEmpty()) {
      return entry -> true;
    }
    LogFilter parser = new LogFilter(tokens);
    Predicate<LogEntry> predicate = parser.conjunction();
    if (parser.at < tokens.size()) {
      throw new IllegalArgumentException("unexpected " + tokens.get(parser.at));
    }
    return predicate;
  }

  private Predicate<LogEntry> conjunction() {
    Predicate<LogEntry> result = disjunction();
    while (at < tokens.size() && !tokens.get(at).equals(")")) {
      if (tokens.get(at).equals("AND")) {
        at++;
      }
      result = result.and(disjunction());
    }
    return result;
  }

  private Predicate<LogEntry> disjunction() {
    Predicate<LogEntry> result = unary();
    while (at < tokens.size() && tokens.get(at).equals("OR")) {
      at++;
      result = result.or(unary());
    }
    return result;
  }

  private Predicate<LogEntry> unary() {
    String token = next();
    if (token.equals("NOT") || token.equals("-")) {
      return unary().negate();
    }
    if (token.equals("(")) {
      Predicate<LogEntry> inner = conjunction();
      expect(")");
      return inner;
    }
    String field = token;
    String op = next();
    if (!List.of("=", "!=", ">", ">=", "<", "<=", ":").contains(op)) {
      throw new IllegalArgumentException("expected a comparison after " + field);
    }
    String value = unquote(next());
    return entry -> compare(field(entry, field), field, op, value);
  }

  private String next() {
    if (at >= tokens.size()) {
      throw new IllegalArgumentException("the filter ends too early");
    }
    return tokens.get(at++);
  }

  private void expect(String token) {
    if (!next().equals(token)) {
      throw new IllegalArgumentException("expected " + token);
    }
  }

  private static boolean compare(String actual, String field, String op, String value) {
    if (actual == null) {
      return op.equals("!=");
    }
    int order;
    if (field.equals("severity")) {
      Integer a = SEVERITY.get(actual);
      Integer b = SEVERITY.get(value.toUpperCase(Locale.ROOT));
      if (b == null) {
        throw new IllegalArgumentException("unknown severity " + value);
      }
      order = Integer.compare(a == null ? 0 : a, b);
    } else if (field.equals("timestamp") || field.equals("receiveTimestamp")) {
      order = Instant.parse(actual).compareTo(Instant.parse(value));
    } else {
      order = actual.compareTo(value);
    }
    return switch (op) {
      case "=" -> order == 0;
      case "!=" -> order != 0;
      case ">" -> order > 0;
      case ">=" -> order >= 0;
      case "<" -> order < 0;
      case "<=" -> order <= 0;
      default -> actual.toLowerCase(Locale.ROOT).contains(value.toLowerCase(Locale.ROOT));
    };
  }

  /** The value of a field path in an entry, as text; null when the entry has no such field. */
  static String field(LogEntry entry, String path) {
    String[] parts = path.split("\\.", 3);
    return switch (parts[0]) {
      case "logName" -> entry.getLogName();
      case "insertId" -> entry.getInsertId();
      case "severity" -> entry.getSeverity().name();
      case "timestamp" -> instant(entry.getTimestamp());
      case "receiveTimestamp" -> instant(entry.getReceiveTimestamp());
      case "textPayload" -> entry.hasTextPayload() ? entry.getTextPayload() : null;
      case "resource" ->
          parts.length == 2 && parts[1].equals("type")
              ? entry.getResource().getType()
              : parts.length == 3 && parts[1].equals("labels")
                  ? entry.getResource().getLabelsMap().get(parts[2])
                  : null;
      case "labels" -> parts.length >= 2 ? entry.getLabelsMap().get(path.substring(7)) : null;
      case "jsonPayload" ->
          entry.hasJsonPayload() && parts.length >= 2
              ? struct(entry.getJsonPayload(), path.substring("jsonPayload.".length()))
              : null;
      default -> throw new IllegalArgumentException("the local stand-in does not know " + path);
    };
  }

  private static String struct(Struct struct, String path) {
    Value value = null;
    Struct current = struct;
    for (String key : path.split("\\.")) {
      if (current == null || !current.containsFields(key)) {
        return null;
      }
      value = current.getFieldsOrThrow(key);
      current = value.hasStructValue() ? value.getStructValue() : null;
    }
    if (value == null) {
      return null;
    }
    return switch (value.getKindCase()) {
      case STRING_VALUE -> value.getStringValue();
      case NUMBER_VALUE -> {
        double d = value.getNumberValue();
        yield d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
      }
      case BOOL_VALUE -> String.valueOf(value.getBoolValue());
      default -> null;
    };
  }

  private static String instant(Timestamp t) {
    return Instant.ofEpochSecond(t.getSeconds(), t.getNanos()).toString();
  }

  private static String unquote(String token) {
    if (token.startsWith("\"")) {
      return token.substring(1, token.length() - 1).replace("\\\"", "\"").replace("\\\\", "\\");
    }
    if (List.of("(", ")", "AND", "OR", "NOT").contains(token)) {
      throw new IllegalArgumentException("expected a value, not " + token);
    }
    return token;
  }

  private static List<String> tokenize(String filter) {
    List<String> tokens = new ArrayList<>();
    int i = 0;
    while (i < filter.length()) {
      char c = filter.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (c == '(' || c == ')') {
        tokens.add(String.valueOf(c));
        i++;
      } else if (c == '"') {
        int end = i + 1;
        while (end < filter.length() && filter.charAt(end) != '"') {
          end += filter.charAt(end) == '\\' ? 2 : 1;
        }
        if (end >= filter.length()) {
          throw new IllegalArgumentException("an unclosed string");
        }
        tokens.add(filter.substring(i, end + 1));
        i = end + 1;
      } else if ("=!<>:".indexOf(c) >= 0) {
        boolean two =
            i + 1 < filter.length() && filter.charAt(i + 1) == '=' && c != '=' && c != ':';
        tokens.add(filter.substring(i, i + (two ? 2 : 1)));
        i += two ? 2 : 1;
      } else {
        int end = i;
        while (end < filter.length()
            && !Character.isWhitespace(filter.charAt(end))
            && "()\"=!<>:".indexOf(filter.charAt(end)) < 0) {
          end++;
        }
        tokens.add(filter.substring(i, end));
        i = end;
      }
    }
    return tokens;
  }
}
