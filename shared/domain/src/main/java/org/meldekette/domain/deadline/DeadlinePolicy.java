package org.meldekette.domain.deadline;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
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
      if (stage.each() == null) {
        clock(stage, null, facts)
            .ifPresent(
                deadline -> {
                  facts.put("stage." + stage.key() + ".met", deadline.metAt());
                  deadlines.add(deadline);
                });
      } else {
        facts.measures().stream()
            .filter(measure -> IncidentFacts.isLive(measure, stage.measureTypes()))
            .forEach(
                measure ->
                    clock(stage, measure.id(), facts.forMeasure(measure))
                        .ifPresent(deadlines::add));
      }
    }
    return deadlines;
  }

  /** The clock of a stage when its facts are known: due by the earliest of its rules. */
  private static Optional<Deadline> clock(Stage stage, String subject, IncidentFacts facts) {
    if (!stage.when().stream().allMatch(fact -> facts.fact(fact).isPresent())) {
      return Optional.empty();
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
      return Optional.empty();
    }
    Deadline deadline =
        new Deadline(
            stage,
            subject,
            started,
            due,
            earliest(stage.satisfiedBy(), facts),
            earliest(stage.progressBy(), facts),
            null,
            null);
    return Optional.of(settledByClosing(deadline, facts));
  }

  /**
   * No clock of a closed case runs on unmet: closing as not an incident stops every one; closing a
   * worked incident settles as missed those that do not outlive it (those closing requires were met
   * before, or the incident would not have closed).
   */
  private static Deadline settledByClosing(Deadline deadline, IncidentFacts facts) {
    if (deadline.metAt() != null) {
      return deadline;
    }
    Optional<Instant> dismissed = facts.fact("dismissed");
    if (dismissed.isPresent()) {
      return deadline.settled(DeadlineStatus.STOPPED, dismissed.get());
    }
    Optional<Instant> closed = facts.fact("closed");
    if (closed.isPresent() && deadline.stage().atClosure() != AtClosure.OUTLIVES) {
      return deadline.settled(DeadlineStatus.MISSED, closed.get());
    }
    return deadline;
  }

  private static Instant earliest(List<String> satisfiers, IncidentFacts facts) {
    return satisfiers.stream()
        .map(facts::satisfiedAt)
        .flatMap(Optional::stream)
        .min(Comparator.naturalOrder())
        .orElse(null);
  }

  /**
   * When the first reminder still to be sent falls, over every open deadline: the sweep's order. An
   * incident whose reminders went out waits for its next one; one whose reminders were never sent
   * (or were lost) comes first, however old its deadlines are.
   *
   * @param lastSent the key of the last reminder sent, by deadline key
   */
  public static Optional<Instant> nextReminder(List<Deadline> deadlines, Map<String, ?> lastSent) {
    return deadlines.stream()
        .filter(Deadline::isOpen)
        .map(d -> d.nextAfter((String) lastSent.get(d.key())).at())
        .min(Comparator.naturalOrder());
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
