// The briefing pack's words in English and German, and the formats of dates and numbers in each. Pure.

export const BRIEFING_LANGUAGES = ['en', 'de'] as const;
export type BriefingLanguage = (typeof BRIEFING_LANGUAGES)[number];

const EN = {
  title: 'Briefing pack',
  asOf: 'As known at the end of',
  place: 'Place',
  format: 'Format',
  formats: { leaders: 'Leaders', ministers: 'Ministers', nsa: 'National security advisers', other: 'Other' } as Record<string, string>,
  inPerson: 'In person',
  online: 'Online',
  noneRecorded: 'none recorded',
  preparedFor: 'Prepared for',
  generated: 'Generated',
  previousMeeting: 'Previous meeting',
  noPrevious: 'none recorded',
  contents: 'Contents',
  page: 'Page',
  of: 'of',
  marking: 'Highest confidentiality level included',
  onlyVisible: 'This pack contains only the records its recipient may see; another recipient’s pack may differ.',
  headline: 'Headline figures',
  pledgesCounted: 'Pledges counted',
  certain: 'certain',
  possible: 'possible',
  inactive: 'inactive',
  contributingParties: 'Parties with a certain or possible pledge, of those with a counted pledge',
  requirementsWithEstimate: 'Requirements with an estimate of the need',
  estimatedNeedCovered: 'Estimated need covered (certain – possible)',
  changesSince: 'Changes since the previous meeting',
  purlContributed: 'PURL contributions',
  coverage: 'Coverage per requirement',
  coverageIntro: 'Certain supply (dark) and possible supply (light) against the estimated need (frame); the shortfall is what remains even if every possible pledge is given. Requirements without a public estimate list their supply only.',
  requirement: 'Requirement',
  need: 'Need',
  supply: 'Supply',
  shortfall: 'Shortfall',
  noEstimate: 'no estimate',
  withoutFigure: 'pledges without a figure',
  gapTitle: 'Assurance gap and groups that wait on each other',
  gapNone: 'No pledge is in the assurance gap: nothing would be given only if several parties moved together.',
  gapIntro: 'These pledges would all be given if the parties moved together, but none is certain on its own:',
  groupsIntro: 'Groups that wait on each other (each gives only if the others do):',
  groupsNone: 'No group of parties waits on each other.',
  waitOn: 'wait on each other',
  analyses: 'Unlockers and likelihood',
  unlockersIntro: 'What would unlock the most: each fact that is not yet true, by the coverage it would add.',
  riskIntro: 'Probability that each estimated need is met, from the recorded probabilities of the facts',
  pMet: 'P(need met)',
  funds: 'PURL funds and financing plans',
  fund: 'Fund',
  contributed: 'Contributed',
  fundedPackages: 'Packages funded',
  fundShortfall: 'Shortfall',
  financingPlan: 'Financing plan',
  decided: 'decided',
  notDecided: 'not decided',
  noFunds: 'No fund recorded.',
  sanctions: 'Sanctions adopted since the previous meeting',
  sanctionsNone: 'None recorded.',
  changes: 'What changed since the previous meeting',
  changesNone: 'Nothing changed in the records the recipient may see.',
  pledgesAdded: 'Pledges added',
  pledgesChanged: 'Pledges changed',
  pledgesWithdrawn: 'Pledges withdrawn',
  pledgesSuperseded: 'Pledges superseded',
  supersededBy: 'superseded by',
  coverageMoved: 'Coverage that moved',
  factsChanged: 'Facts changed',
  contributionsAdded: 'Contributions added',
  decisionsAdded: 'Decisions taken',
  then: 'then',
  now: 'now',
  noFigure: 'no figure',
  actions: 'Open and overdue action items',
  actionsNone: 'No open action item.',
  overdueBy: 'overdue by',
  days: 'days',
  due: 'due',
  noDue: 'no due date',
  noOwner: 'No owner named',
  decisionsFollowUp: 'Decisions of the previous meeting and what became of them',
  decisionsNone: 'The previous meeting recorded no decisions.',
  pledgesNamed: 'Pledges named',
  actionItemsOf: 'Action items of that meeting',
  notes: 'Notes and sources',
  notesIntro: 'Every figure above refers to the records and sources listed here.',
  computedFrom: 'computed from',
  states: { certain: 'certain', possible: 'possible', inactive: 'inactive', absent: 'not on record' } as Record<string, string>,
  statuses: { open: 'open', done: 'done', dropped: 'dropped' } as Record<string, string>,
  pledgeStatuses: { announced: 'announced', offered: 'offered', committed: 'committed', approved: 'approved', delivered: 'delivered', withdrawn: 'withdrawn' } as Record<string, string>,
  areas: { any: 'anywhere', ua: 'Ukraine', 'ua.rear': 'Ukraine, away from the line of contact', 'ua.front': 'Ukraine, at the line of contact', 'ua.airspace': 'Ukrainian airspace', black_sea: 'Black Sea', outside_ua: 'outside Ukraine' } as Record<string, string>,
  factValues: { true: 'true', false: 'false', unknown: 'unknown' } as Record<string, string>,
  ifTrue: 'if true',
  pledgesImproved: 'pledges gain',
  noCoverageGain: 'no estimated need gains',
  levels: { public: 'PUBLIC', coalition: 'COALITION', restricted: 'RESTRICTED', bilateral: 'BILATERAL' } as Record<string, string>,
};

export type BriefingText = typeof EN;

const DE: BriefingText = {
  title: 'Sitzungsmappe',
  asOf: 'Stand: Ende des',
  place: 'Ort',
  format: 'Format',
  formats: { leaders: 'Staats- und Regierungschefs', ministers: 'Minister', nsa: 'Nationale Sicherheitsberater', other: 'Sonstiges' },
  inPerson: 'Vor Ort',
  online: 'Zugeschaltet',
  noneRecorded: 'keine erfasst',
  preparedFor: 'Erstellt für',
  generated: 'Erzeugt',
  previousMeeting: 'Vorige Sitzung',
  noPrevious: 'keine erfasst',
  contents: 'Inhalt',
  page: 'Seite',
  of: 'von',
  marking: 'Höchste enthaltene Vertraulichkeitsstufe',
  onlyVisible: 'Diese Mappe enthält nur die Datensätze, die ihr Empfänger sehen darf; die Mappe eines anderen Empfängers kann abweichen.',
  headline: 'Eckdaten',
  pledgesCounted: 'Berücksichtigte Zusagen',
  certain: 'sicher',
  possible: 'möglich',
  inactive: 'inaktiv',
  contributingParties: 'Parteien mit sicherer oder möglicher Zusage, von denen mit berücksichtigter Zusage',
  requirementsWithEstimate: 'Bedarfe mit Schätzung',
  estimatedNeedCovered: 'Gedeckter geschätzter Bedarf (sicher – möglich)',
  changesSince: 'Änderungen seit der vorigen Sitzung',
  purlContributed: 'PURL-Beiträge',
  coverage: 'Deckung je Bedarf',
  coverageIntro: 'Sicheres Angebot (dunkel) und mögliches Angebot (hell) gegenüber dem geschätzten Bedarf (Rahmen); die Lücke bleibt, auch wenn jede mögliche Zusage gegeben wird. Bedarfe ohne öffentliche Schätzung nennen nur das Angebot.',
  requirement: 'Bedarf',
  need: 'Bedarf',
  supply: 'Angebot',
  shortfall: 'Lücke',
  noEstimate: 'keine Schätzung',
  withoutFigure: 'Zusagen ohne Zahl',
  gapTitle: 'Zusicherungslücke und Gruppen, die aufeinander warten',
  gapNone: 'Keine Zusage liegt in der Zusicherungslücke: nichts käme nur zustande, wenn mehrere Parteien gemeinsam handeln.',
  gapIntro: 'Diese Zusagen kämen alle zustande, wenn die Parteien gemeinsam handeln, doch keine ist für sich allein sicher:',
  groupsIntro: 'Gruppen, die aufeinander warten (jede gibt nur, wenn die anderen geben):',
  groupsNone: 'Keine Gruppe von Parteien wartet aufeinander.',
  waitOn: 'warten aufeinander',
  analyses: 'Hebel und Wahrscheinlichkeit',
  unlockersIntro: 'Was am meisten freisetzen würde: jede noch nicht wahre Tatsache, nach der Deckung, die sie hinzufügt.',
  riskIntro: 'Wahrscheinlichkeit, dass jeder geschätzte Bedarf gedeckt ist, aus den erfassten Wahrscheinlichkeiten der Tatsachen',
  pMet: 'P(Bedarf gedeckt)',
  funds: 'PURL-Fonds und Finanzierungspläne',
  fund: 'Fonds',
  contributed: 'Beiträge',
  fundedPackages: 'Finanzierte Pakete',
  fundShortfall: 'Lücke',
  financingPlan: 'Finanzierungsplan',
  decided: 'beschlossen',
  notDecided: 'nicht beschlossen',
  noFunds: 'Kein Fonds erfasst.',
  sanctions: 'Seit der vorigen Sitzung beschlossene Sanktionen',
  sanctionsNone: 'Keine erfasst.',
  changes: 'Was sich seit der vorigen Sitzung geändert hat',
  changesNone: 'In den Datensätzen, die der Empfänger sehen darf, hat sich nichts geändert.',
  pledgesAdded: 'Neue Zusagen',
  pledgesChanged: 'Geänderte Zusagen',
  pledgesWithdrawn: 'Zurückgezogene Zusagen',
  pledgesSuperseded: 'Ersetzte Zusagen',
  supersededBy: 'ersetzt durch',
  coverageMoved: 'Veränderte Deckung',
  factsChanged: 'Geänderte Tatsachen',
  contributionsAdded: 'Neue Beiträge',
  decisionsAdded: 'Gefasste Beschlüsse',
  then: 'damals',
  now: 'jetzt',
  noFigure: 'ohne Zahl',
  actions: 'Offene und überfällige Aufgaben',
  actionsNone: 'Keine offene Aufgabe.',
  overdueBy: 'überfällig seit',
  days: 'Tagen',
  due: 'fällig',
  noDue: 'ohne Frist',
  noOwner: 'Ohne benannte Verantwortliche',
  decisionsFollowUp: 'Beschlüsse der vorigen Sitzung und was daraus wurde',
  decisionsNone: 'Die vorige Sitzung hat keine Beschlüsse erfasst.',
  pledgesNamed: 'Genannte Zusagen',
  actionItemsOf: 'Aufgaben dieser Sitzung',
  notes: 'Anmerkungen und Quellen',
  notesIntro: 'Jede Zahl oben verweist auf die hier genannten Datensätze und Quellen.',
  computedFrom: 'berechnet aus',
  states: { certain: 'sicher', possible: 'möglich', inactive: 'inaktiv', absent: 'nicht erfasst' },
  statuses: { open: 'offen', done: 'erledigt', dropped: 'fallen gelassen' },
  pledgeStatuses: { announced: 'angekündigt', offered: 'angeboten', committed: 'zugesagt', approved: 'genehmigt', delivered: 'geliefert', withdrawn: 'zurückgezogen' },
  areas: { any: 'überall', ua: 'Ukraine', 'ua.rear': 'Ukraine, abseits der Kontaktlinie', 'ua.front': 'Ukraine, an der Kontaktlinie', 'ua.airspace': 'ukrainischer Luftraum', black_sea: 'Schwarzes Meer', outside_ua: 'außerhalb der Ukraine' },
  factValues: { true: 'wahr', false: 'falsch', unknown: 'unbekannt' },
  ifTrue: 'wenn wahr',
  pledgesImproved: 'Zusagen gewinnen',
  noCoverageGain: 'kein geschätzter Bedarf gewinnt',
  levels: { public: 'ÖFFENTLICH', coalition: 'COALITION', restricted: 'RESTRICTED', bilateral: 'BILATERAL' },
};

/** The words of a language. */
export function briefingText(lang: BriefingLanguage): BriefingText {
  return lang === 'de' ? DE : EN;
}

// Intl formatters are costly to make and a pack formats hundreds of figures: one per language and style.
const numberFormats = new Map<string, Intl.NumberFormat>();
const dateFormats = new Map<string, Intl.DateTimeFormat>();
function remembered<F>(cache: Map<string, F>, key: string, make: () => F): F {
  let format = cache.get(key);
  if (format === undefined) cache.set(key, (format = make()));
  return format;
}
const locale = (lang: BriefingLanguage): string => (lang === 'de' ? 'de-DE' : 'en-GB');
const numberFormat = (lang: BriefingLanguage, digits: number): Intl.NumberFormat =>
  remembered(numberFormats, `${lang}:${digits}`, () => new Intl.NumberFormat(locale(lang), { maximumFractionDigits: digits, minimumFractionDigits: 0 }));

/** A date as `6 January 2026` / `6. Januar 2026`. */
export function formatLongDate(date: string, lang: BriefingLanguage): string {
  const format = remembered(dateFormats, `date:${lang}`, () => new Intl.DateTimeFormat(locale(lang), { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }));
  return format.format(new Date(`${date}T00:00:00Z`));
}

/** A date and time in UTC: `6 January 2026, 14:05 UTC`. */
export function formatDateTime(at: Date, lang: BriefingLanguage): string {
  const format = remembered(dateFormats, `time:${lang}`, () => new Intl.DateTimeFormat(locale(lang), { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'UTC', hourCycle: 'h23' }));
  const text = format.format(at);
  return `${text} UTC`;
}

/** A whole number with the language's separators. */
export function formatCount(value: number, lang: BriefingLanguage): string {
  return numberFormat(lang, 0).format(value);
}

/** A range `2,000–9,999` (or one figure). */
export function formatSpan(min: number, max: number, lang: BriefingLanguage): string {
  return min === max ? formatCount(min, lang) : `${formatCount(min, lang)}–${formatCount(max, lang)}`;
}

/** Money in minor units as `USD 4.3 bn` / `EUR 500 m` (DE: `4,3 Mrd. USD`). */
export function formatMoney(minor: number, currency: string, lang: BriefingLanguage): string {
  const units = minor / 100;
  const number = (value: number, digits: number) => numberFormat(lang, digits).format(value);
  if (Math.abs(units) >= 1e9) return lang === 'de' ? `${number(units / 1e9, 2)} Mrd. ${currency}` : `${currency} ${number(units / 1e9, 2)} bn`;
  if (Math.abs(units) >= 1e6) return lang === 'de' ? `${number(units / 1e6, 1)} Mio. ${currency}` : `${currency} ${number(units / 1e6, 1)} m`;
  return lang === 'de' ? `${number(units, 0)} ${currency}` : `${currency} ${number(units, 0)}`;
}

/** A share 0–1 as a whole percentage. */
export function formatShare(share: number, lang: BriefingLanguage): string {
  return lang === 'de' ? `${Math.round(share * 100)} %` : `${Math.round(share * 100)}%`;
}
