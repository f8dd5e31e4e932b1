package org.meldekette.vault;

import com.google.api.gax.rpc.InvalidArgumentException;
import com.google.cloud.logging.v2.LoggingClient;
import com.google.logging.v2.ListLogEntriesRequest;
import com.google.logging.v2.ListLogEntriesResponse;
import com.google.logging.v2.LogEntry;
import java.util.List;
import java.util.function.Supplier;
import org.meldekette.domain.InvalidInput;

/**
 * Cloud Logging's {@code entries.list} over the project, one page at a time in time order, so a
 * capture can stop after any page and go on from its token.
 */
final class LogEntriesSource {
  /** The most entries Cloud Logging gives in one page. */
  static final int PAGE_SIZE = 1000;

  record Page(List<LogEntry> entries, String nextPageToken) {}

  private final Supplier<LoggingClient> client;
  private final String project;

  LogEntriesSource(Supplier<LoggingClient> client, String project) {
    this.client = client;
    this.project = project;
  }

  Page read(String filter, String pageToken, int pageSize) {
    ListLogEntriesResponse response =
        client
            .get()
            .listLogEntriesCallable()
            .call(
                ListLogEntriesRequest.newBuilder()
                    .addResourceNames("projects/" + project)
                    .setFilter(filter)
                    .setOrderBy("timestamp asc")
                    .setPageSize(pageSize)
                    .setPageToken(pageToken == null ? "" : pageToken)
                    .build());
    return new Page(response.getEntriesList(), response.getNextPageToken());
  }

  /**
   * Asks Cloud Logging for one entry, so a filter it cannot parse is refused before anything
   * starts.
   */
  void check(String filter) {
    try {
      read(filter, null, 1);
    } catch (InvalidArgumentException e) {
      throw new InvalidInput(
          "filter", "INVALID_VALUE", "Cloud Logging refused the filter: " + e.getMessage());
    }
  }
}
