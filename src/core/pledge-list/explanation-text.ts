import type { Explanation } from '../activation/explanation-chain.js';
import { type ExplanationTemplate, type ExplanationTexts, renderExplanation } from '../activation/render-explanation.js';
import type { PledgeListLanguage, PledgeTexts } from './pledge-row-text.js';

// An explanation chain (core/activation/explanation-chain.ts) as the sentence the pledge table's "Why" column
// shows, in English or German with parties, capabilities and areas by name — the export writes what the page
// shows. Rendered by the page's renderer (render-explanation.ts) with the server's copy of the web's message
// tables' words (the core cannot read the web's; a web test holds the two equal).

const WORDS = {
  en: {
    pledge: '{id} {state}: {reasons}',
    gap: '{id} certain only if the coalition commits together: {reasons}',
    false: 'condition is false',
    fact: 'needs {fact} ({value})',
    factNegated: 'needs not {fact} ({fact} is {value})',
    area: ' in {area}',
    total: 'needs {op} {threshold} {capability}{area} from others, they have {value}',
    count: 'needs {op} {threshold} other parties with {capability}, {value} have one',
    countOne: 'needs {op} {threshold} other parties with {capability}, {value} has one',
    anyOf: 'needs one of: {options}',
    or: 'or',
    waitsNone: 'waits for {what} (no pledge from {party})',
    waitsState: 'waits for {what} ({pledge} {state}{more})',
    waitsCycle: 'waits for {what} ({pledge}: waiting in a cycle{more})',
    waitsCoalition: 'waits for {what} ({pledge} waits for the coalition to move together{more})',
    waitsChain: 'waits for {what} ({chain}{more})',
    more: '; {count} more',
    withdrawn: 'withdrawn',
    withdrawnOn: 'withdrawn on {date}',
    superseded: 'superseded by {by}',
    notYetAnnounced: 'announced on {announcedOn}, after {asOf}',
    belowMinStatus: 'status {status} is below the minimum {minStatus}',
    factValues: { true: 'true', false: 'false', unknown: 'unknown' },
  },
  de: {
    pledge: '{id} {state}: {reasons}',
    gap: '{id} nur sicher, wenn die Koalition gemeinsam zusagt: {reasons}',
    false: 'Bedingung ist falsch',
    fact: 'erfordert {fact} ({value})',
    factNegated: 'erfordert nicht {fact} ({fact} ist {value})',
    area: ' in {area}',
    total: 'erfordert {op} {threshold} {capability}{area} von anderen, sie haben {value}',
    count: 'erfordert {op} {threshold} andere Parteien mit {capability}, {value} haben welche',
    countOne: 'erfordert {op} {threshold} andere Parteien mit {capability}, {value} hat welche',
    anyOf: 'erfordert eines von: {options}',
    or: 'oder',
    waitsNone: 'wartet auf {what} (keine Zusage von {party})',
    waitsState: 'wartet auf {what} ({pledge} {state}{more})',
    waitsCycle: 'wartet auf {what} ({pledge}: wartet im Kreis{more})',
    waitsCoalition: 'wartet auf {what} ({pledge} wartet darauf, dass die Koalition gemeinsam handelt{more})',
    waitsChain: 'wartet auf {what} ({chain}{more})',
    more: '; {count} weitere',
    withdrawn: 'zurückgezogen',
    withdrawnOn: 'zurückgezogen am {date}',
    superseded: 'ersetzt durch {by}',
    notYetAnnounced: 'angekündigt am {announcedOn}, nach dem {asOf}',
    belowMinStatus: 'Status {status} liegt unter dem Mindeststatus {minStatus}',
    factValues: { true: 'wahr', false: 'falsch', unknown: 'unbekannt' },
  },
} as const;

/** The explanation words of a language, as the web's message tables hold them (`explain.*`, `fact.*`). */
export function explanationWords(language: PledgeListLanguage): (typeof WORDS)[PledgeListLanguage] {
  return WORDS[language];
}

/** Renders chains in one language: parties, capabilities and areas named by `texts`, facts by `fact`. */
export function explanationRenderer(language: PledgeListLanguage, texts: PledgeTexts, fact: (id: string) => string): (explanation: Explanation) => string {
  const words: Record<ExplanationTemplate, string> & { factValues: Record<string, string> } = WORDS[language];
  const number = new Intl.NumberFormat(language === 'de' ? 'de-DE' : 'en-GB', { maximumFractionDigits: 1 });
  const t = (key: ExplanationTemplate, vars: Record<string, string | number> = {}): string => words[key].replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
  const rendering: ExplanationTexts = {
    t,
    number: (value) => number.format(value),
    state: texts.state,
    factValue: (value) => words.factValues[value] as string,
    party: texts.party,
    capability: texts.capability,
    area: texts.area,
    fact,
  };
  return (explanation) => renderExplanation(explanation, rendering);
}
