import { describe, expect, it } from 'vitest';
import { checkConditionLive } from './pledge-editor.data.js';
import { conditionMessage } from './condition-messages.data.js';

describe('condition issues in the UI’s language', () => {
  const vocabulary = { facts: new Set(['us_backstop']), parties: new Set(['GB']), capabilities: new Set(['land.personnel']), areas: new Set(['ua.rear']) };
  const first = (text: string): string => {
    const check = checkConditionLive(text, vocabulary);
    if (check.ok) throw new Error('expected an issue');
    return check.issues[0]?.message ?? '';
  };

  it('keeps English as the checker writes it', () => {
    expect(conditionMessage('en', first('us_backstp'))).toBe("unknown fact 'us_backstp' at 1; did you mean 'us_backstop'?");
  });

  it('says the checker’s issues in German', () => {
    expect(conditionMessage('de', first('us_backstp'))).toBe("unbekannte Tatsache 'us_backstp' an Stelle 1; meinten Sie 'us_backstop'?");
    expect(conditionMessage('de', first('active(GB, sea.boats)'))).toMatch(/^unbekannte Fähigkeit 'sea.boats' an Stelle 12/);
    expect(conditionMessage('de', first('us_backstop # x'))).toBe("unerwartetes Zeichen '#' an Stelle 13");
    expect(conditionMessage('de', first(''))).toMatch(/^leere Bedingung/);
    expect(conditionMessage('de', first('us_backstop and'))).toMatch(/^Syntaxfehler: /);
  });
});
