package org.meldekette.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * A containment, corrective or preventive measure. Unlike evidence and decisions, a measure is
 * worked on: status, owner, due date and the effectiveness check change over time, each change in
 * the timeline.
 *
 * @param doneAt when the measure was last set DONE (the start of its effectiveness review), or null
 * @param control the ISO/IEC 27001:2022 Annex A control the measure concerns, chosen by staff (the
 *     ISMS action carries it), or null
 */
public record Measure(
    String id,
    MeasureType type,
    ContainmentKind containmentKind,
    String description,
    String owner,
    Instant dueAt,
    MeasureStatus status,
    Effectiveness effectiveness,
    String createdBy,
    Instant createdAt,
    Instant doneAt,
    String control) {

  public static final int MAX_DESCRIPTION_LENGTH = 5_000;
  public static final int MAX_OWNER_LENGTH = 200;

  public Measure {
    Objects.requireNonNull(id, "id");
    if (type == null) {
      throw new InvalidInput("type", "REQUIRED", "type is required");
    }
    if (containmentKind != null && type != MeasureType.CONTAINMENT) {
      throw new InvalidInput(
          "containmentKind",
          "NOT_APPLICABLE",
          "containmentKind applies to containment measures only");
    }
    description = Text.required("description", description, MAX_DESCRIPTION_LENGTH, true);
    owner = Text.optional("owner", owner, MAX_OWNER_LENGTH, false);
    status = status == null ? MeasureStatus.PLANNED : status;
    doneAt = status != MeasureStatus.DONE ? null : doneAt != null ? doneAt : createdAt;
    control = AnnexAControl.of("control", control);
  }

  /** A measure concerning no particular Annex A control. */
  public Measure(
      String id,
      MeasureType type,
      ContainmentKind containmentKind,
      String description,
      String owner,
      Instant dueAt,
      MeasureStatus status,
      Effectiveness effectiveness,
      String createdBy,
      Instant createdAt,
      Instant doneAt) {
    this(
        id,
        type,
        containmentKind,
        description,
        owner,
        dueAt,
        status,
        effectiveness,
        createdBy,
        createdAt,
        doneAt,
        null);
  }

  /** A new measure, as it is added: done from the start when its status says so. */
  public static Measure added(
      String id,
      MeasureType type,
      ContainmentKind containmentKind,
      String description,
      String owner,
      Instant dueAt,
      MeasureStatus status,
      String control,
      String createdBy,
      Instant createdAt) {
    return new Measure(
        id,
        type,
        containmentKind,
        description,
        owner,
        dueAt,
        status,
        null,
        createdBy,
        createdAt,
        null,
        control);
  }

  public boolean hasOwnerAndDueDate() {
    return owner != null && dueAt != null;
  }

  /** What a PATCH may change; null leaves a value as it is. */
  public record Changes(
      String description,
      String owner,
      Instant dueAt,
      MeasureStatus status,
      EffectivenessResult effectivenessResult,
      String effectivenessNote,
      String control) {
    /** Changes that leave the Annex A control as it is. */
    public Changes(
        String description,
        String owner,
        Instant dueAt,
        MeasureStatus status,
        EffectivenessResult effectivenessResult,
        String effectivenessNote) {
      this(description, owner, dueAt, status, effectivenessResult, effectivenessNote, null);
    }
  }

  public Measure with(Changes changes, String by, Instant now) {
    Effectiveness checked = effectiveness;
    if (changes.effectivenessResult() != null) {
      String note =
          Text.optional(
              "effectiveness.note", changes.effectivenessNote(), MAX_DESCRIPTION_LENGTH, true);
      checked = new Effectiveness(changes.effectivenessResult(), note, by, now);
    } else if (changes.effectivenessNote() != null) {
      throw new InvalidInput(
          "effectiveness.result", "REQUIRED", "an effectiveness check needs its result");
    }
    MeasureStatus newStatus = changes.status() != null ? changes.status() : status;
    return new Measure(
        id,
        type,
        containmentKind,
        changes.description() != null ? changes.description() : description,
        changes.owner() != null ? changes.owner() : owner,
        changes.dueAt() != null ? changes.dueAt() : dueAt,
        newStatus,
        checked,
        createdBy,
        createdAt,
        newStatus == MeasureStatus.DONE && status != MeasureStatus.DONE ? now : doneAt,
        changes.control() != null ? changes.control() : control);
  }
}
