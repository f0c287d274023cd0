import { type Language, type MessageKey, translate } from '../../i18n/messages.js';

// The condition checker (src/core/conditions) reports in English; the editor says its issues in the UI's
// language. Known sentences are matched and said again; anything else keeps the checker's words after a
// translated "syntax error".

const KINDS: Readonly<Record<string, MessageKey>> = { fact: 'condition.kind.fact', party: 'condition.kind.party', capability: 'condition.kind.capability', area: 'condition.kind.area' };

/** A condition issue's message in the language ("unknown fact 'x' at 15; did you mean 'y'?" → "unbekannte Tatsache …"). */
export function conditionMessage(language: Language, message: string): string {
  if (language === 'en') return message;
  const unknown = /^unknown (fact|party|capability|area) '([^']*)' at (\d+)(?:; did you mean '([^']*)'\?)?$/.exec(message);
  if (unknown) {
    const [, kind = '', name = '', column = '', suggestion] = unknown;
    const what = KINDS[kind];
    const text = translate(language, 'condition.unknown', { what: what ? translate(language, what) : kind, name, column });
    return suggestion === undefined ? text : `${text}; ${translate(language, 'condition.didYouMean', { name: suggestion })}`;
  }
  const character = /^unexpected character '(.)' at (\d+)$/.exec(message);
  if (character) return translate(language, 'condition.unexpectedCharacter', { character: character[1] ?? '', column: character[2] ?? '' });
  if (message.startsWith('empty condition')) return translate(language, 'condition.empty');
  return translate(language, 'condition.syntax', { message });
}
