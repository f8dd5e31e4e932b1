// The console's words in German and English. Codes the API speaks (phases, decision types, …) have
// labels here; anything unknown is shown as the code itself, never hidden.
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';

const de = {
  skip: 'Zum Inhalt springen',
  board: 'Vorfälle',
  holds: 'Legal Holds',
  register: 'Datenpannen-Register',
  members: 'Mitglieder',
  signOut: 'Abmelden',
  language: 'Sprache',
  signedInAs: 'Angemeldet als',
  signInTitle: 'Anmelden',
  signInLocal: 'Lokale Umgebung: als Demo-Mitglied einer Rolle anmelden',
  signInGoogle: 'Mit Ihrem Google-Konto anmelden. Rollen vergibt die Administration.',
  signInFailed: 'Die Anmeldung wurde nicht angenommen.',
  notMember: 'Dieses Konto ist kein aktives Mitglied.',
  loading: 'Wird geladen …',
  failed: 'Das hat nicht geklappt:',
  retry: 'Erneut versuchen',
  saved: 'Gespeichert.',
  conflict: 'Jemand anderes hat den Vorfall inzwischen geändert. Unten sehen Sie den aktuellen Stand; Ihre Eingaben sind erhalten – prüfen Sie sie und senden Sie erneut.',
  forbidden: 'Dafür fehlt Ihnen die Rolle.',
  needToKnow: 'Nur für das Team des Vorfalls, Second Line, Legal und DSB.',
  phase: 'Phase', severity: 'Schwere', classification: 'Einstufung', source: 'Quelle', title: 'Titel', id: 'Vorgang',
  nextDeadline: 'Nächste Frist', any: 'alle', overdueOnly: 'nur überfällige', mineOnly: 'nur mein Team',
  sort: 'Sortierung', newest: 'neueste zuerst', urgent: 'dringendste zuerst', apply: 'Anwenden',
  previous: 'Vorherige Seite', next: 'Nächste Seite', page: 'Seite', noIncidents: 'Keine Vorfälle für diese Auswahl.',
  overdue: 'überfällig seit', due: 'fällig in', met: 'erfüllt', metLate: 'verspätet erfüllt',
  nextStep: 'Nächster Schritt', moveTo: 'Weiter nach', unmet: 'Noch offen, bevor es weitergeht:', allMet: 'Alle Ausgangskriterien sind erfüllt.',
  noEvidenceJustification: 'Begründung, warum es keine Beweismittel gibt (optional)',
  skipRequest: 'Phasen überspringen (Vier-Augen-Prinzip)', skipTo: 'Ziel-Phase', justification: 'Begründung', request: 'Beantragen',
  skipRequests: 'Anträge zum Überspringen', approve: 'Genehmigen', pending: 'offen', approved: 'genehmigt', ownRequest: 'eigener Antrag – genehmigt jemand anderes',
  reopen: 'Wieder öffnen', reopenTo: 'Zurück nach', acknowledge: 'Eskalation bestätigen',
  operationRestored: 'Regulärer Betrieb wiederhergestellt', restoredAt: 'Wiederhergestellt am', record: 'Erfassen',
  clocks: 'Fristen', clock: 'Frist', started: 'Beginn', status: 'Stand', decidedNotSent: 'entschieden, noch nicht versandt',
  triage: 'Triage', cia: 'Auswirkung (Vertraulichkeit, Integrität, Verfügbarkeit)', confidentiality: 'Vertraulichkeit', integrity: 'Integrität', availability: 'Verfügbarkeit',
  scope: 'Umfang', affectedSystems: 'Betroffene Systeme (eins pro Zeile)', dataDomains: 'Datenbereiche (eins pro Zeile)', dataCategories: 'Datenkategorien (eine pro Zeile)',
  estimatedDataSubjects: 'Geschätzte Zahl Betroffener', estimatedRecords: 'Geschätzte Zahl Datensätze', initialRisk: 'Risiko für Betroffene',
  awarenessAt: 'Kenntnis seit (leer: erste Einstufung)', awarenessJustification: 'Begründung der Kenntnis-Zeit', save: 'Speichern',
  legalFactNeedsSignOff: 'Das ändert rechtliche Tatsachen einer Datenpanne. Als Änderungsantrag einreichen (Legal oder DSB genehmigt):',
  fileTriageChange: 'Änderung beantragen',
  report: 'Meldung', reportText: 'Was die meldende Person geschrieben hat', notReported: 'Dieser Vorfall kam nicht über das Meldeformular.',
  reporterMessages: 'Nachrichten mit der meldenden Person', toReporter: 'Nachricht an die meldende Person', send: 'Senden', fromTeam: 'Team', fromReporter: 'Meldende Person',
  assessment: 'Bewertung', nature: 'Art der Verletzung', dataSubjectCategories: 'Kategorien Betroffener', likelyConsequences: 'Wahrscheinliche Folgen',
  adviceToDataSubjects: 'Empfehlungen an Betroffene', rootCause: 'Ursache', lessonsLearned: 'Lehren (Verbesserung im ISMS)', mitigation: 'Abhilfe',
  measures: 'Maßnahmen', type: 'Art', description: 'Beschreibung', owner: 'Verantwortlich', dueAt: 'Fällig am', addMeasure: 'Maßnahme hinzufügen',
  containmentKind: 'Art der Eindämmung', effectiveness: 'Wirksamkeit', checkEffectiveness: 'Wirksamkeit erfassen', markDone: 'Als erledigt markieren',
  evidence: 'Beweismittel', location: 'Ablageort', sha256: 'SHA-256', addEvidence: 'Beweismittel sichern', custody: 'Verwahrkette', appendCustody: 'Eintrag anfügen', action: 'Vorgang', note: 'Notiz',
  decisions: 'Entscheidungen', reasoning: 'Begründung', exception: 'Ausnahme nach Art. 34 Abs. 3', delayReasons: 'Gründe der Verzögerung', corrects: 'korrigiert', logDecision: 'Entscheidung protokollieren', signedAs: 'als',
  communications: 'Kommunikation', approvals: 'Freigaben (Legal)', audience: 'Empfänger', approveAudience: 'Kommunikation freigeben', notApproved: 'noch nicht freigegeben', approvedBy: 'freigegeben von',
  channel: 'Kanal', summary: 'Inhalt (Zusammenfassung)', sentAt: 'Versandt am', notification: 'Meldung', recordCommunication: 'Kommunikation erfassen',
  drafts: 'Entwürfe', draftAuthority: 'Meldung an die Aufsichtsbehörde (Art. 33)', draftSubjects: 'Benachrichtigung Betroffener (Art. 34)', german: 'Deutsch', english: 'Englisch',
  missing: 'Es fehlt noch:', copy: 'Kopieren', copied: 'Kopiert.', download: 'Herunterladen', back: 'Zurück zum Vorfall',
  finalReport: 'Abschlussbericht', print: 'Drucken', issueReport: 'Abschlussbericht herausgeben', issuedVersions: 'Herausgegebene Fassungen',
  audit: 'Prüfpfad', auditIntact: 'Prüfpfad unverändert', auditBroken: 'Prüfpfad verletzt', timeline: 'Verlauf',
  subject: 'Betroffene Person (pseudonym, z. B. account:1234)', search: 'Suchen', placeHold: 'Hold setzen', reason: 'Grund', reasonCodes: 'Codes (durch Komma getrennt)', release: 'Aufheben',
  erasureCheck: 'Löschprüfung', mayErase: 'Löschen erlaubt', mayNotErase: 'Löschen gesperrt durch', active: 'aktiv', released: 'aufgehoben',
  from: 'Von', to: 'Bis', show: 'Anzeigen', downloadCsv: 'Als CSV herunterladen', detectedAt: 'Entdeckt', authorityDecision: 'Entscheidung Behörde', dataSubjectDecision: 'Entscheidung Betroffene',
  email: 'E-Mail', roles: 'Rollen', saveMember: 'Mitglied speichern', inactive: 'inaktiv',
  notFound: 'Nicht gefunden.',
  nowIfEmpty: 'Leer: jetzt.',
  pendingTriageChange: 'Beantragte Änderung rechtlicher Tatsachen',
  stageDraft: 'Entwurf',
  team: 'Team', teamMembers: 'Team (eine E-Mail-Adresse pro Zeile)', teamHint: 'Das Team sieht die Kommunikation und die Kontaktdaten der meldenden Person.',
  phases: { DETECTION_TRIAGE: 'Erkennung & Triage', CONTAINMENT: 'Eindämmung', FORENSICS: 'Forensik', LEGAL_ASSESSMENT: 'Rechtliche Bewertung', RECOVERY_CLOSURE: 'Wiederherstellung & Abschluss', CLOSED: 'Abgeschlossen' },
  decisionTypes: { NOTIFY_AUTHORITY: 'Behörde melden', NO_AUTHORITY_NOTIFICATION: 'Behörde nicht melden', SUPPLEMENTARY_NOTIFICATION: 'Nachmeldung', NOTIFY_DATA_SUBJECTS: 'Betroffene benachrichtigen', NO_DATA_SUBJECT_NOTIFICATION: 'Betroffene nicht benachrichtigen', NO_PERSONAL_DATA_AFFECTED: 'Keine personenbezogenen Daten betroffen' },
  audiences: { SUPERVISORY_AUTHORITY: 'Aufsichtsbehörde', DATA_SUBJECTS: 'Betroffene', PROCESSOR: 'Auftragsverarbeiter', CUSTOMERS: 'Kundschaft', PRESS: 'Presse', COMPETENT_AUTHORITY: 'Zuständige Behörde (NIS2/DORA)', CONTROLLER: 'Verantwortlicher', REPORTER: 'Meldende Person' },
};

const en = {
  skip: 'Skip to content',
  board: 'Incidents',
  holds: 'Legal holds',
  register: 'Breach register',
  members: 'Members',
  signOut: 'Sign out',
  language: 'Language',
  signedInAs: 'Signed in as',
  signInTitle: 'Sign in',
  signInLocal: 'Local stack: sign in as the demo member of a role',
  signInGoogle: 'Sign in with your Google account. Roles are given by the administrators.',
  signInFailed: 'The sign-in was not accepted.',
  notMember: 'This account is not an active member.',
  loading: 'Loading …',
  failed: 'That did not work:',
  retry: 'Try again',
  saved: 'Saved.',
  conflict: 'Someone else changed this incident meanwhile. Below is its current state; your input is kept – check it and send again.',
  forbidden: 'Your roles do not allow this.',
  needToKnow: "Only for the incident's team, the second line, legal and the DPO.",
  phase: 'Phase', severity: 'Severity', classification: 'Classification', source: 'Source', title: 'Title', id: 'Incident',
  nextDeadline: 'Next deadline', any: 'any', overdueOnly: 'overdue only', mineOnly: 'my team only',
  sort: 'Sort', newest: 'newest first', urgent: 'most urgent first', apply: 'Apply',
  previous: 'Previous page', next: 'Next page', page: 'Page', noIncidents: 'No incidents for this selection.',
  overdue: 'overdue by', due: 'due in', met: 'met', metLate: 'met late',
  nextStep: 'Next step', moveTo: 'Move to', unmet: 'Still open before it can move on:', allMet: 'Every exit criterion is met.',
  noEvidenceJustification: 'Why there is no evidence (optional)',
  skipRequest: 'Skip phases (four eyes)', skipTo: 'Target phase', justification: 'Justification', request: 'Request',
  skipRequests: 'Skip requests', approve: 'Approve', pending: 'pending', approved: 'approved', ownRequest: 'your own request – someone else approves it',
  reopen: 'Reopen', reopenTo: 'Back to', acknowledge: 'Acknowledge escalation',
  operationRestored: 'Regular operation restored', restoredAt: 'Restored at', record: 'Record',
  clocks: 'Deadlines', clock: 'Deadline', started: 'Started', status: 'Status', decidedNotSent: 'decided, not yet sent',
  triage: 'Triage', cia: 'Impact (confidentiality, integrity, availability)', confidentiality: 'Confidentiality', integrity: 'Integrity', availability: 'Availability',
  scope: 'Scope', affectedSystems: 'Affected systems (one per line)', dataDomains: 'Data domains (one per line)', dataCategories: 'Data categories (one per line)',
  estimatedDataSubjects: 'Estimated data subjects', estimatedRecords: 'Estimated records', initialRisk: 'Risk to data subjects',
  awarenessAt: 'Aware since (empty: first classification)', awarenessJustification: 'Why that awareness time', save: 'Save',
  legalFactNeedsSignOff: 'This changes legal facts of a breach. File it as a change request (legal or the DPO approves):',
  fileTriageChange: 'Request the change',
  report: 'Report', reportText: 'What the reporter wrote', notReported: 'This incident did not come through the report form.',
  reporterMessages: 'Messages with the reporter', toReporter: 'Message to the reporter', send: 'Send', fromTeam: 'Team', fromReporter: 'Reporter',
  assessment: 'Assessment', nature: 'Nature of the breach', dataSubjectCategories: 'Categories of data subjects', likelyConsequences: 'Likely consequences',
  adviceToDataSubjects: 'Advice to data subjects', rootCause: 'Root cause', lessonsLearned: 'Lessons learned (improvement in the ISMS)', mitigation: 'Mitigation',
  measures: 'Measures', type: 'Type', description: 'Description', owner: 'Owner', dueAt: 'Due at', addMeasure: 'Add measure',
  containmentKind: 'Kind of containment', effectiveness: 'Effectiveness', checkEffectiveness: 'Record effectiveness', markDone: 'Mark done',
  evidence: 'Evidence', location: 'Location', sha256: 'SHA-256', addEvidence: 'Secure evidence', custody: 'Chain of custody', appendCustody: 'Append entry', action: 'Action', note: 'Note',
  decisions: 'Decisions', reasoning: 'Reasoning', exception: 'Art. 34(3) exception', delayReasons: 'Reasons for the delay', corrects: 'corrects', logDecision: 'Log decision', signedAs: 'as',
  communications: 'Communications', approvals: 'Approvals (legal)', audience: 'Audience', approveAudience: 'Approve communication', notApproved: 'not yet approved', approvedBy: 'approved by',
  channel: 'Channel', summary: 'Content (summary)', sentAt: 'Sent at', notification: 'Notification', recordCommunication: 'Record communication',
  drafts: 'Drafts', draftAuthority: 'Notification to the supervisory authority (Art. 33)', draftSubjects: 'Notice to the data subjects (Art. 34)', german: 'German', english: 'English',
  missing: 'Still missing:', copy: 'Copy', copied: 'Copied.', download: 'Download', back: 'Back to the incident',
  finalReport: 'Final report', print: 'Print', issueReport: 'Issue the final report', issuedVersions: 'Issued versions',
  audit: 'Audit trail', auditIntact: 'Audit trail intact', auditBroken: 'Audit trail broken', timeline: 'Timeline',
  subject: 'Data subject (pseudonymous, e.g. account:1234)', search: 'Search', placeHold: 'Place hold', reason: 'Reason', reasonCodes: 'Codes (comma-separated)', release: 'Release',
  erasureCheck: 'Erasure check', mayErase: 'Erasure allowed', mayNotErase: 'Erasure blocked by', active: 'active', released: 'released',
  from: 'From', to: 'To', show: 'Show', downloadCsv: 'Download as CSV', detectedAt: 'Detected', authorityDecision: 'Authority decision', dataSubjectDecision: 'Data subject decision',
  email: 'Email', roles: 'Roles', saveMember: 'Save member', inactive: 'inactive',
  notFound: 'Not found.',
  nowIfEmpty: 'Empty: now.',
  pendingTriageChange: 'Requested change of legal facts',
  stageDraft: 'Draft',
  team: 'Team', teamMembers: 'Team (one email address per line)', teamHint: "The team sees the communications and the reporter's contact.",
  phases: { DETECTION_TRIAGE: 'Detection & triage', CONTAINMENT: 'Containment', FORENSICS: 'Forensics', LEGAL_ASSESSMENT: 'Legal assessment', RECOVERY_CLOSURE: 'Recovery & closure', CLOSED: 'Closed' },
  decisionTypes: { NOTIFY_AUTHORITY: 'Notify the authority', NO_AUTHORITY_NOTIFICATION: 'Do not notify the authority', SUPPLEMENTARY_NOTIFICATION: 'Supplementary notification', NOTIFY_DATA_SUBJECTS: 'Inform the data subjects', NO_DATA_SUBJECT_NOTIFICATION: 'Do not inform the data subjects', NO_PERSONAL_DATA_AFFECTED: 'No personal data affected' },
  audiences: { SUPERVISORY_AUTHORITY: 'Supervisory authority', DATA_SUBJECTS: 'Data subjects', PROCESSOR: 'Processor', CUSTOMERS: 'Customers', PRESS: 'Press', COMPETENT_AUTHORITY: 'Competent authority (NIS2/DORA)', CONTROLLER: 'Controller', REPORTER: 'Reporter' },
};

export const TEXTS = { de, en };

export function initialLanguage() {
  const stored = sessionStorage.getItem('meldekette.lang');
  if (stored in TEXTS) return stored;
  for (const tag of navigator.languages || [navigator.language]) {
    const code = String(tag || '').toLowerCase().split('-')[0];
    if (code in TEXTS) return code;
  }
  return 'de';
}

/** t(key) or t('phases', code): the word for the current language, the key itself when there is none. */
export function translator(lang) {
  const texts = TEXTS[lang];
  return (key, code) => {
    if (code !== undefined) {
      const group = texts[key] || {};
      return group[code] || code;
    }
    return texts[key] === undefined ? key : texts[key];
  };
}

export const I18n = createContext({ lang: 'de', t: translator('de') });

export function useT() {
  return useContext(I18n).t;
}

export function useLang() {
  return useContext(I18n).lang;
}
