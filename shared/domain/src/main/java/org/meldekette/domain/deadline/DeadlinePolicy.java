package org.meldekette.domain.deadline;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.meldekette.domain.Decision;
import org.meldekette.domain.InvalidInput;

/**
 * Derives every clock of an incident from its state, for the regimes switched on: which stages
 * apply, when each falls due, whether and when it was met. Pure: the same facts give the same
 * deadlines, whatever the time; the clock only matters for "overdue" and "time left".
 */
public final class DeadlinePolicy {
  private final Regimes regimes;

  public DeadlinePolicy(Regimes regimes) {
    this.regimes = regimes;
  }

  public Regimes regimes() {
    return regimes;
  }

  /** Every deadline that applies, met or open, in the regimes file's order. */
  public List<Deadline> deadlines(IncidentFacts facts) {
    List<Deadline> deadlines = new ArrayList<>();
    for (Stage stage : regimes.stages()) {
      if (!stage.when().stream().allMatch(fact -> facts.fact(fact).isPresent())) {
        continue;
      }
      Instant due = null;
      Instant started = null;
      for (Stage.DueRule rule : stage.due()) {
        Optional<Instant> from = facts.fact(rule.from());
        if (from.isPresent()) {
          Instant candidate = rule.after().after(from.get());
          if (due == null || candidate.isBefore(due)) {
            due = candidate;
            started = from.get();
          }
        }
      }
      if (due == null) {
        continue;
      }
      Instant met =
          stage.satisfiedBy().stream()
              .map(facts::satisfiedAt)
              .flatMap(Optional::stream)
              .min(Comparator.naturalOrder())
              .orElse(null);
      facts.put("stage." + stage.key() + ".met", met);
      deadlines.add(new Deadline(stage, started, due, met));
    }
    return deadlines;
  }

  /** The open deadline that falls due first. */
  public static Optional<Deadline> next(List<Deadline> deadlines) {
    return deadlines.stream().filter(Deadline::isOpen).min(Comparator.comparing(Deadline::dueAt));
  }

  /**
   * Refuses a record made after a deadline's due time without the reasons for the delay, where the
   * stage asks for them for that kind of record (GDPR Art. 33(1): a notification later than 72
   * hours states why).
   *
   * @param satisfier what is being recorded: {@code decision:TYPE} or {@code
   *     communication:AUDIENCE/KIND}
   * @param at when it happened (decided, or sent)
   */
  public static void requireDelayReasons(
      List<Deadline> deadlines, String satisfier, String delayReasons, Instant at) {
    for (Deadline deadline : deadlines) {
      if (at.isAfter(deadline.dueAt())
          && deadline.stage().lateNeedsReasons().contains(satisfier)
          && delayReasons == null) {
        throw new InvalidInput(
            "delayReasons",
            "REQUIRED",
            satisfier.substring(satisfier.indexOf(':') + 1)
                + " comes after the deadline of "
                + deadline.stage().label()
                + " ("
                + deadline.dueAt()
                + "): state the reasons for the delay");
      }
    }
  }

  public static void requireDelayReasons(List<Deadline> deadlines, Decision decision, Instant now) {
    requireDelayReasons(
        deadlines, "decision:" + decision.type().name(), decision.delayReasons(), now);
  }
}
