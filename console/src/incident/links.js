// Addresses inside an incident's page: each section has its own, and each exit criterion the API
// names is linked to the section where it is filled in.
export function sectionHref(id, section) {
  return section === 'overview' ? `#/incidents/${id}` : `#/incidents/${id}/${section}`;
}

const WHERE = {
  CONTAINMENT_MEASURE_MISSING: 'measures', CORRECTIVE_MEASURE_MISSING: 'measures', PREVENTIVE_MEASURE_MISSING: 'measures',
  MEASURE_OWNER_OR_DUE_DATE_MISSING: 'measures', EVIDENCE_MISSING: 'evidence',
  ART_33_DECISION_MISSING: 'decisions', ART_34_DECISION_MISSING: 'decisions', NO_PERSONAL_DATA_DECISION_MISSING: 'decisions',
  CONTROLLER_NOT_NOTIFIED: 'communications', NOTIFICATION_NOT_SENT: 'communications',
  OPERATION_NOT_RESTORED: 'overview', RETENTION_EXTENSION_OPEN: 'overview',
};

/** The section where what an unmet exit criterion asks for is recorded (the triage's fields otherwise). */
export function sectionOf(code) {
  return WHERE[code] || (/_MISSING$/.test(code) ? 'triage' : 'overview');
}
