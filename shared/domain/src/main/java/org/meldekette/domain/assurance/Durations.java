package org.meldekette.domain.assurance;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Median and 90th percentile of durations, by the nearest-rank method: the value at rank ⌈p·n⌉ of
 * the sorted list, always one that was measured (so a median of 2 and 4 hours is 2 hours, not 3).
 *
 * @param count how many incidents had the duration at all
 * @param medianMinutes null when none had it
 */
public record Durations(int count, Long medianMinutes, Long p90Minutes) {

  public static Durations of(List<Duration> durations) {
    if (durations.isEmpty()) {
      return new Durations(0, null, null);
    }
    List<Long> minutes = new ArrayList<>(durations.stream().map(Duration::toMinutes).toList());
    Collections.sort(minutes);
    return new Durations(minutes.size(), rank(minutes, 50), rank(minutes, 90));
  }

  /** The nearest-rank percentile: index ⌈p·n/100⌉ − 1. */
  static long rank(List<Long> sorted, int percent) {
    int n = sorted.size();
    int rank = (percent * n + 99) / 100;
    return sorted.get(Math.max(0, rank - 1));
  }
}
