package org.meldekette.reports;

import org.meldekette.config.Env;

/**
 * Who the controller is and how to reach its data protection officer, for notifications:
 * {@code CONTROLLER_NAME}, {@code DPO_NAME}, {@code DPO_CONTACT}. Unset ones show as missing in drafts.
 */
public record ReportConfig(String controllerName, String dpoName, String dpoContact) {
  public static ReportConfig fromEnvironment(Env env) {
    return new ReportConfig(env.get("CONTROLLER_NAME", null), env.get("DPO_NAME", null), env.get("DPO_CONTACT", null));
  }
}
