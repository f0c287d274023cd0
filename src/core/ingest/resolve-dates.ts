// Dates in a sentence with chrono-node, resolved against the article date (ANNOTATION.md G4): a weekday
// alone is the nearest such day in the direction of the sentence's tense; a date without a year is the
// nearest such date (news reports the recent past and the near future). German compounds ("Dienstagabend", "heutigen") are split first.

import * as chrono from 'chrono-node';
import type { Language } from './types.js';

export interface DateMention {
  start: number;
  end: number;
  date: string;
}

const DAY_PARTS = /(montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonnabend|sonntag)(abend|morgen|nachmittag|vormittag|mittag|nacht|früh)/giu;
const ADJECTIVES: [RegExp, string][] = [
  [/\bheutig(?:e|en|er|es|em)\b/giu, 'heute'],
  [/\bgestrig(?:e|en|er|es|em)\b/giu, 'gestern'],
  [/\bmorgig(?:e|en|er|es|em)\b/giu, 'morgen'],
];
const FUTURE = {
  de: /\b(wird|werden|soll|sollen|sollte|will|wollen|geplant|plant|planen|kommende[nmrs]?|nächste[nmrs]?|bevorstehende[nmrs]?|anberaumt|ankündigt|angekündigt)\b/iu,
  en: /\b(will|shall|is to|are to|plans?|planned|scheduled|next|upcoming|expected to|is due|are due|would)\b/iu,
};

// A weekday right after a past reporting verb is when it was said, whatever the reported clause's tense
// ("said on Thursday that Poland will give …", "kündigte am Sonntag an, Kanada werde …").
const PAST_REPORTING = {
  de: /\b(sagte|sagten|erklärte|erklärten|kündigte|kündigten|teilte|teilten|betonte|bestätigte|berichtete|versprach|versicherte|sagte zu|gab bekannt)\b[^.;:]{0,40}$/iu,
  en: /\b(said|announced|told|stated|confirmed|declared|reported|added|promised|pledged|wrote)\b[^.;:,]{0,40}$/iu,
};

/** Keep the length: replace the matched compound's tail or the adjective by spaces, so offsets stay true. */
function prepare(text: string): string {
  let prepared = text.replace(DAY_PARTS, (_all, day: string, part: string) => day + ' '.repeat(part.length));
  for (const [pattern, word] of ADJECTIVES) prepared = prepared.replace(pattern, (all: string) => word + ' '.repeat(all.length - word.length));
  return prepared;
}

const MONTH = /(jan|feb|mär|mar|apr|mai|may|jun|jul|aug|sep|okt|oct|nov|dez|dec|jänner)/iu;
const WEEKDAY = /(montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonnabend|sonntag|monday|tuesday|wednesday|thursday|friday|saturday|sunday)/iu;
// A cheap test before chrono: a digit, a month or weekday name, or a word for today, yesterday, tomorrow, now.
const MAYBE_DATE = /\d|jan|feb|mär|mar|apr|mai|may|jun|jul|aug|sep|okt|oct|nov|dez|dec|jänner|tag|day|heut|gestern|morgen|jetzt|today|yesterday|tomorrow|tonight|now|mittwoch|sonnabend|wednesday|thursday/iu;
const iso = (date: Date): string => date.toISOString().slice(0, 10);
const utc = (year: number, month: number, day: number): Date => new Date(Date.UTC(year, month - 1, day));

/** Whether the sentence speaks of the future (else the past, the news default). */
export function isFutureTense(text: string, language: Language): boolean {
  return FUTURE[language].test(text);
}

/** Dates stated in a sentence (offsets into the article), resolved against the article date (YYYY-MM-DD). */
export function findDates(options: { article: string; start: number; end: number; articleDate: string; language: Language }): DateMention[] {
  const text = options.article.slice(options.start, options.end);
  const reference = new Date(`${options.articleDate}T12:00:00Z`);
  const parser = options.language === 'de' ? chrono.de : chrono.en;
  const future = isFutureTense(text, options.language);
  const mentions: DateMention[] = [];
  if (!MAYBE_DATE.test(text)) return [];
  const prepared = prepare(text);
  for (const result of parser.parse(prepared, { instant: reference, timezone: 0 })) {
    const after = prepared[result.index + result.text.length] ?? ' ';
    if (/\p{L}/u.test(after) || result.text.trim().length <= 3) continue;
    const start = result.start;
    const weekday = start.get('weekday');
    let date: Date | null = null;
    const deictic = /^(am\s+|on\s+)?(heute|jetzt|gestern|morgen|vorgestern|übermorgen|today|now|yesterday|tomorrow|tonight)/iu.test(result.text.trim());
    const stated = /\d/.test(result.text) || MONTH.test(result.text);
    if (stated && start.isCertain('day') && start.isCertain('month')) {
      const month = start.get('month') ?? 1;
      const day = start.get('day') ?? 1;
      if (start.isCertain('year')) date = utc(start.get('year') ?? reference.getUTCFullYear(), month, day);
      else date = nearestYear(reference, month, day);
    } else if (start.isCertain('weekday') && weekday !== null && WEEKDAY.test(result.text)) {
      date = nearestWeekday(reference, weekday, future && !PAST_REPORTING[options.language].test(text.slice(Math.max(0, result.index - 50), result.index)));
    } else if (deictic) {
      date = utc(start.get('year') ?? 0, start.get('month') ?? 1, start.get('day') ?? 1);
    }
    if (!date || Number.isNaN(date.getTime())) continue;
    mentions.push({ start: options.start + result.index, end: options.start + result.index + result.text.length, date: iso(date) });
  }
  return mentions;
}

function nearestWeekday(reference: Date, weekday: number, future: boolean): Date {
  const today = reference.getUTCDay();
  const delta = future ? (weekday - today + 7) % 7 : -((today - weekday + 7) % 7);
  return new Date(Date.UTC(reference.getUTCFullYear(), reference.getUTCMonth(), reference.getUTCDate() + delta));
}

function nearestYear(reference: Date, month: number, day: number): Date {
  const year = reference.getUTCFullYear();
  const candidates = [year - 1, year, year + 1].map((y) => utc(y, month, day));
  return candidates.reduce((best, date) => (Math.abs(date.getTime() - reference.getTime()) < Math.abs(best.getTime() - reference.getTime()) ? date : best));
}
