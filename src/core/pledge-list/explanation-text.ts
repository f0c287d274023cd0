import type { ExclusionReason } from '../activation/candidates.js';
import type { ChainReason, Explanation, PledgeChain, WaitTarget } from '../activation/explanation-chain.js';
import type { PledgeListLanguage, PledgeTexts } from './pledge-row-text.js';

// An explanation chain (core/activation/explanation-chain.ts) as the sentence the pledge table's "Why" column
// shows, in English or German with parties, capabilities and areas by name — the export writes what the page
// shows. The words are the web's message tables' (web/i18n/explanations.data.ts renders the page's; a web test
// holds the two equal).

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

type Template = Exclude<keyof (typeof WORDS)['en'], 'factValues'>;

/** The explanation words of a language, as the web's message tables hold them (`explain.*`, `fact.*`). */
export function explanationWords(language: PledgeListLanguage): (typeof WORDS)[PledgeListLanguage] {
  return WORDS[language];
}

/** Renders chains in one language: parties, capabilities and areas named by `texts`, facts by `fact`. */
export function explanationRenderer(language: PledgeListLanguage, texts: PledgeTexts, fact: (id: string) => string): (explanation: Explanation) => string {
  const words = WORDS[language];
  const number = new Intl.NumberFormat(language === 'de' ? 'de-DE' : 'en-GB', { maximumFractionDigits: 1 });
  const t = (key: Template, vars: Record<string, string | number> = {}): string => words[key].replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
  const chainText = (chain: PledgeChain): string => t('pledge', { id: chain.id, state: texts.state(chain.state), reasons: reasonsText(chain.reasons) });
  const reasonsText = (reasons: readonly ChainReason[]): string => reasons.map(reasonText).join('; ');
  const reasonText = (reason: ChainReason): string => {
    switch (reason.kind) {
      case 'excluded':
        return exclusionText(reason.exclusion);
      case 'false':
        return t('false');
      case 'fact': {
        const value = words.factValues[String(reason.value) as 'true' | 'false' | 'unknown'];
        return t(reason.negated ? 'factNegated' : 'fact', { fact: fact(reason.fact), value });
      }
      case 'threshold': {
        const vars = {
          capability: texts.capability(reason.capability),
          area: reason.area === undefined ? '' : t('area', { area: texts.area(reason.area) }),
          op: reason.op === '>' ? '>' : '≥',
          threshold: number.format(reason.threshold),
          value: number.format(reason.value),
        };
        if (reason.aggregate === 'total') return t('total', vars);
        return t(reason.value === 1 ? 'countOne' : 'count', vars);
      }
      case 'waits': {
        const party = texts.party(reason.party);
        const what = reason.capability === undefined ? party : `${party} (${texts.capability(reason.capability)})`;
        return waitText(reason.target, what, party);
      }
      case 'any_of':
        return t('anyOf', { options: reason.options.map((option) => `[${reasonsText(option)}]`).join(` ${t('or')} `) });
    }
  };
  const waitText = (target: WaitTarget, what: string, party: string): string => {
    if (target.kind === 'no_pledge') return t('waitsNone', { what, party });
    const more = target.more > 0 ? t('more', { count: target.more }) : '';
    switch (target.kind) {
      case 'state':
        return t('waitsState', { what, pledge: target.pledge, state: texts.state(target.state), more });
      case 'cycle':
        return t('waitsCycle', { what, pledge: target.pledge, more });
      case 'coalition':
        return t('waitsCoalition', { what, pledge: target.pledge, more });
      case 'chain':
        return t('waitsChain', { what, chain: chainText(target.chain), more });
    }
  };
  const exclusionText = (exclusion: ExclusionReason): string => {
    switch (exclusion.kind) {
      case 'withdrawn':
        return exclusion.on === undefined ? t('withdrawn') : t('withdrawnOn', { date: exclusion.on });
      case 'superseded':
        return t('superseded', { by: exclusion.by });
      case 'not_yet_announced':
        return t('notYetAnnounced', { announcedOn: exclusion.announcedOn, asOf: exclusion.asOf });
      case 'below_min_status':
        return t('belowMinStatus', { status: exclusion.status, minStatus: exclusion.minStatus });
    }
  };
  return (explanation) => (explanation.kind === 'gap' ? t('gap', { id: explanation.id, reasons: reasonsText(explanation.reasons) }) : chainText(explanation));
}
