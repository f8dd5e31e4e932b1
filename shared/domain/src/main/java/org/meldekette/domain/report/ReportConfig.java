package org.meldekette.domain.report;

/**
 * Who the controller is and how to reach its data protection officer, for notifications: {@code
 * CONTROLLER_NAME}, {@code DPO_NAME}, {@code DPO_CONTACT}. Unset ones show as missing in drafts.
 */
public record ReportConfig(String controllerName, String dpoName, String dpoContact) {}
