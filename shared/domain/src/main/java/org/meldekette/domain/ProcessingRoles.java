package org.meldekette.domain;

import java.util.List;

/**
 * Who controls and who processes the personal data a breach concerns (Art. 4(7), 4(8) GDPR). By
 * default the operator of Meldekette is the controller: it notifies the authority (Art. 33(1)) and
 * the data subjects (Art. 34). When it processes the data on a controller's behalf, its duty is to
 * notify that controller without undue delay (Art. 33(2)), and the controller's clocks are the
 * controller's.
 *
 * @param role the operator's role for this incident
 * @param controller the controller to notify, when the operator is the processor
 * @param processors processors involved, whose communication runs under their data processing
 *     agreement
 */
public record ProcessingRoles(OperatorRole role, Party controller, List<Party> processors) {
  public static final ProcessingRoles OWN_DATA =
      new ProcessingRoles(OperatorRole.CONTROLLER, null, List.of());
  public static final int MAX_PROCESSORS = 20;

  public enum OperatorRole {
    CONTROLLER,
    PROCESSOR
  }

  /**
   * A controller or processor: its name, how to reach its contact for breaches, and the agreement
   * (data processing agreement) the relation rests on.
   */
  public record Party(String name, String contact, String agreement) {
    public Party {
      name = Text.required("name", name, 200, false);
      contact = Text.optional("contact", contact, 500, false);
      agreement = Text.optional("agreement", agreement, 200, false);
    }
  }

  public ProcessingRoles {
    if (role == null) {
      throw new InvalidInput("role", "REQUIRED", "role is CONTROLLER or PROCESSOR");
    }
    processors = processors == null ? List.of() : List.copyOf(processors);
    if (processors.size() > MAX_PROCESSORS) {
      throw new InvalidInput("processors", "TOO_MANY", "at most " + MAX_PROCESSORS + " processors");
    }
    if (role == OperatorRole.PROCESSOR && controller == null) {
      throw new InvalidInput(
          "controller", "REQUIRED", "as the processor, name the controller to notify (Art. 33(2))");
    }
    if (role == OperatorRole.CONTROLLER && controller != null) {
      throw new InvalidInput(
          "controller",
          "NOT_APPLICABLE",
          "as the controller, there is no other controller to name");
    }
  }

  public boolean actingAsProcessor() {
    return role == OperatorRole.PROCESSOR;
  }
}
