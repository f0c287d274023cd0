import type { Language, MessageKey } from './messages.js';
import { translate } from './messages.js';

// The funding API's warnings come as English sentences (src/core/funding: allocate-fund.ts,
// compute-financing-shares.ts). Each known sentence is matched and said again in the UI's language, with
// parties by name; a sentence not known here is shown as it is (in English).

interface Pattern {
  match: RegExp;
  key: MessageKey;
  vars: (groups: string[], party: (id: string) => string) => Record<string, string>;
}

const PATTERNS: Pattern[] = [
  { match: /^contribution '(.+)' is earmarked for unknown package '(.+)': it joins the pool$/, key: 'warning.unknownPackage', vars: ([contribution = '', pkg = '']) => ({ contribution, package: pkg }) },
  { match: /^contribution '(.+)' exceeds what package '(.+)' still needed: the rest joins the pool$/, key: 'warning.exceeds', vars: ([contribution = '', pkg = '']) => ({ contribution, package: pkg }) },
  { match: /^package '(.+)' is recorded as (\w+) but the contributions cover only (\d+) of (\d+)$/, key: 'warning.underfunded', vars: ([pkg = '', status = '', funded = '', price = '']) => ({ package: pkg, status, funded, price }) },
  { match: /^a custom key needs keyWeights: nobody carries this option$/, key: 'warning.customKey', vars: () => ({}) },
  { match: /^no GNI figures are available: GDP is used as the key instead$/, key: 'warning.noGni', vars: () => ({}) },
  { match: /^(\S+) has no weight in the custom key: it carries nothing$/, key: 'warning.noWeight', vars: ([party = ''], name) => ({ party: name(party) }) },
  { match: /^(\S+) has no GDP figure: it carries nothing$/, key: 'warning.noGdp', vars: ([party = ''], name) => ({ party: name(party) }) },
  { match: /^no participant has a key figure: the amount is not shared$/, key: 'warning.notShared', vars: () => ({}) },
];

/** A funding warning in the language, or the server's English sentence when it is not a known one. */
export function translateWarning(language: Language, text: string, party: (id: string) => string): { text: string; translated: boolean } {
  for (const pattern of PATTERNS) {
    const found = pattern.match.exec(text);
    if (found) return { text: translate(language, pattern.key, pattern.vars(found.slice(1), party)), translated: true };
  }
  return { text, translated: false };
}
