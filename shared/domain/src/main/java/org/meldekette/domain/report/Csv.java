package org.meldekette.domain.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** CSV as spreadsheets read it (RFC 4180, CRLF), safe against formula injection. */
public final class Csv {
  private Csv() {}

  /** The header line, then one line per row with the values of {@code columns}. */
  public static String of(String header, List<String> columns, List<Map<String, Object>> rows) {
    StringBuilder csv = new StringBuilder(header).append("\r\n");
    for (Map<String, Object> row : rows) {
      List<String> cells = new ArrayList<>();
      for (String column : columns) {
        cells.add(cell(row.get(column)));
      }
      csv.append(String.join(",", cells)).append("\r\n");
    }
    return csv.toString();
  }

  /** One cell: quoted when it must be; a leading = + - @ defused, as a spreadsheet would run it. */
  public static String cell(Object value) {
    String text = value == null ? "" : String.valueOf(value);
    if (!text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0) {
      text = "'" + text;
    }
    boolean quote =
        text.indexOf('"') >= 0
            || text.indexOf(',') >= 0
            || text.indexOf('\n') >= 0
            || text.indexOf('\r') >= 0;
    return quote ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
  }
}
