// Meetings (ANNOTATION.md M1–M6). A meeting noun or verb ("Treffen", "Gipfel", "met", "summit") anchors a
// meeting; weak nouns ("Gespräche", "talks") only with a date, a place or a format beside them. Mentions
// are merged into one meeting per event: the same date; a definite undated reference ("dem Treffen") is the
// meeting last spoken of; a call right after a meeting is part of it (those on the call join online).
// Sentences that only say who took part ("Anwesend waren …", "joined by video") add to the last meeting.

import { findIn, type ArticleContext, type SentenceView } from './article-context.js';
import { clauseOf, splitClauses } from './clauses.js';
import { findDates, type DateMention } from './resolve-dates.js';
import type { TermMatch } from './term-matcher.js';
import type { MeetingFormat, MeetingProposal } from './types.js';

interface Draft {
  proposal: MeetingProposal;
  sentence: number;
  call: boolean;
  formatSet: boolean;
}

interface Anchor {
  match: TermMatch<true>;
  call: boolean;
  definite: boolean;
  date: string | null;
  format: MeetingFormat | null;
  place: string | null;
}

const INDEFINITE = {
  de: /(?<![\p{L}])(ein|eine|einer|einem|einen|eines)\s+(\p{L}+\s+)?$/iu,
  en: /(?<![\p{L}])(a|an)\s+(\p{L}+\s+)?$/u,
};
const WITH = new Set(['mit', 'with', 'zwischen', 'between', 'an', 'at', 'bei', 'im', 'in']);
// "advisers from Germany", "Vertreter aus Polen": those who came from a party stand for it.
const FROM = new Set(['from', 'aus']);
const ENVOYS = /^(advis[eo]rs?|representatives?|delegations?|delegates?|leaders?|ministers?|officials?|envoys?|diplomats?|vertreter\p{L}*|berater\p{L}*|delegation\p{L}*|minister\p{L}*|diplomat\p{L}*|gesandte\p{L}*)$/iu;
const NOT_PARTICIPANTS = new Set(['RU', 'BY']);
// A meeting's place is a host country, not an institution ("at NATO headquarters in Brussels").
const INSTITUTIONS = new Set(['EU', 'EUCO', 'NATO']);

function sentenceDates(context: ArticleContext, view: SentenceView): DateMention[] {
  if (!context.articleDate) return [];
  return findDates({ article: context.text, start: view.sentence.start, end: view.sentence.end, articleDate: context.articleDate, language: context.language });
}

function findAnchors(context: ArticleContext, view: SentenceView): Anchor[] {
  const lexicon = context.lexicon;
  const text = context.text;
  const strong = [...findIn(view, lexicon.meetingNouns, text), ...findIn(view, lexicon.meetingVerbs, text)];
  const weak = findIn(view, lexicon.meetingWeakNouns, text);
  if (strong.length === 0 && weak.length === 0) return [];
  const formats = formatsIn(context, view);
  const dates = sentenceDates(context, view);
  const places = view.parties.filter(
    (party) => party.codes.every((code) => !INSTITUTIONS.has(code)) && (party.place || (party.via === 'capital' && !party.prepositional) || (party.via === 'capital' && strong.some((anchor) => anchor.first === party.last + 1))),
  );
  const all = [...strong, ...(dates.length > 0 || places.length > 0 || formats.length > 0 ? weak : [])].sort((a, b) => a.start - b.start);
  const hosts = view.parties.filter((party) => party.via === 'capital' && all.some((anchor) => anchor.first === party.last + 1)).map((party) => party.start);
  hostCapitals.set(view, new Set(hosts));
  const unique = all.filter((match, i) => !all.some((other, j) => j < i && other.start < match.end && match.start < other.end));
  const calls = findIn(view, lexicon.calls, text);
  const definites = findIn(view, lexicon.definite, text);
  return unique.map((match, i) => {
    const next = unique[i + 1];
    const windowEnd = next ? next.start : view.sentence.end;
    const date = dates.find((d) => d.start >= match.end && d.start < windowEnd) ?? (i === 0 ? [...dates].reverse().find((d) => d.end <= match.start) : undefined) ?? (unique.length === 1 ? dates[0] : undefined);
    const format = formats.find((f) => f.start >= match.start && f.start < windowEnd && f.start - match.end < 60) ?? [...formats].reverse().find((f) => f.end <= match.start && match.start - f.end < 60);
    const place = places.find((p) => (p.start >= match.end && p.start < windowEnd) || (p.end <= match.start && match.start - p.end <= 2)) ?? (unique.length === 1 ? places[0] : undefined);
    const determiner = definites.find((d) => d.last < match.first && match.first - d.last <= 2);
    const indefinite = INDEFINITE[context.language].test(text.slice(Math.max(view.sentence.start, match.start - 30), match.start));
    return {
      match,
      call: calls.some((c) => c.start <= match.start && match.end <= c.end) || calls.some((c) => c.start === match.start),
      definite: determiner !== undefined && !indefinite,
      date: date?.date ?? null,
      format: format?.payload ?? null,
      place: place?.codes[0] ?? null,
    };
  });
}

/** Format words of a sentence, except a title before a name ("Prime Minister Mark Carney", "US-Außenminister Rubio"). */
function formatsIn(context: ArticleContext, view: SentenceView): TermMatch<MeetingFormat>[] {
  return findIn(view, context.lexicon.formats, context.text).filter((format) => {
    const next = view.tokens[format.last + 1];
    const gap = next ? context.text.slice(format.end, next.start) : '';
    return !(next && /^\s$/.test(gap) && /^\p{Lu}\p{Ll}/u.test(next.text) && !/^(der|des|von|in|im|am|of|the)$/iu.test(next.text));
  });
}

/** Those the sentence says joined remotely: the parties of the clause with the online cue. */
function onlineCodes(context: ArticleContext, view: SentenceView): string[] {
  const clauses = splitClauses(context, view);
  const cues = findIn(view, context.lexicon.online, context.text).map((cue) => clauseOf(clauses, cue.first));
  return participantsOf({ ...view, parties: view.parties.filter((party) => cues.includes(clauseOf(clauses, party.first))) }, true);
}

/** Capitals that name a meeting's place ("the Paris summit"), not a party taking part. */
const hostCapitals = new WeakMap<SentenceView, Set<number>>();

function participantsOf(view: SentenceView, exceptPlace: boolean): string[] {
  const codes = new Set<string>();
  for (const party of view.parties) {
    if (exceptPlace && (party.place || hostCapitals.get(view)?.has(party.start))) continue;
    const envoys = party.preposition !== null && FROM.has(party.preposition) && ENVOYS.test(view.tokens[party.first - 2]?.text ?? '');
    if (party.preposition !== null && !WITH.has(party.preposition) && !envoys) continue;
    for (const code of party.codes) if (!NOT_PARTICIPANTS.has(code)) codes.add(code);
  }
  return [...codes];
}

const addAll = (list: string[], codes: readonly string[]): void => {
  for (const code of codes) if (!list.includes(code)) list.push(code);
};

/** Meetings stated in an article, merged per event. */
export function extractMeetings(context: ArticleContext): { proposal: MeetingProposal; sentence: number }[] {
  const lexicon = context.lexicon;
  const text = context.text;
  const drafts: Draft[] = [];
  let last: Draft | null = null;
  let lastSentence = -10;
  context.sentences.forEach((view, index) => {
    const anchors = findAnchors(context, view);
    // "join PURL", "joined the coalition": membership, not attendance.
    const members = [...view.parties, ...findIn(view, lexicon.purl, text), ...findIn(view, lexicon.coalition, text)];
    const membership = (cue: TermMatch<true>): boolean =>
      members.some((m) => m.first === cue.last + 1 || (m.first === cue.last + 2 && /^(the|die|der|den|dem)$/iu.test(view.tokens[cue.last + 1]?.text ?? '')));
    const participation = findIn(view, lexicon.participation, text).some((cue) => !membership(cue));
    const online = findIn(view, lexicon.online, text).length > 0;
    const coalitionNear = [index - 1, index, index + 1].some((i) => {
      const other = context.sentences[i];
      return other !== undefined && findIn(other, lexicon.coalition, text).length > 0;
    });
    const dated = anchors.some((anchor) => anchor.date !== null);
    const kept = anchors.filter((anchor) => !(dated && anchor.date === null));
    if (kept.length === 0) {
      if (last && (participation || online) && index - lastSentence <= 3) {
        const codes = participantsOf(view, true);
        addAll(last.proposal.participants, codes);
        if (online) addAll(last.proposal.online, onlineCodes(context, view));
        if (!last.formatSet) {
          const format = formatsIn(context, view)[0];
          if (format) {
            last.proposal.format = format.payload;
            last.formatSet = true;
          }
        }
        lastSentence = index;
      }
      return;
    }
    const handled = new Set<Draft>();
    for (const anchor of kept) {
      const sameDate = anchor.date ? drafts.find((draft) => draft.proposal.date === anchor.date) : undefined;
      const undated = drafts.filter((draft) => draft.proposal.date === null);
      const compatible = undated.find((draft) => !anchor.place || !draft.proposal.place || draft.proposal.place === anchor.place);
      let target: Draft | undefined = sameDate;
      let dating = false;
      if (!target && anchor.date === null) {
        if (anchor.definite && last) target = last;
        else if (anchor.call && last && index - lastSentence <= 1) target = last;
        else target = compatible;
      } else if (!target && handled.size === 0) {
        // A dated mention right after an undated one (a headline, then the lead) or a definite one ("the
        // summit on Thursday") dates the meeting already spoken of.
        // A headline may name two meetings: the latest recent undated one that fits in format and place, or
        // any undated one of the same format and place ("Paris summit" in the headline, "a summit in Paris next Tuesday").
        const fits = (draft: Draft): boolean =>
          draft.proposal.date === null &&
          (draft === last || index - draft.sentence <= 2 || (anchor.format !== null && anchor.place !== null && draft.formatSet && draft.proposal.place === anchor.place)) &&
          (!anchor.format || !draft.formatSet || draft.proposal.format === anchor.format) &&
          (!anchor.place || !draft.proposal.place || draft.proposal.place === anchor.place);
        const recent = [...drafts].reverse().find(fits);
        if (recent) {
          target = recent;
          target.proposal.date = anchor.date;
          dating = true;
        }
      }
      const codes = participantsOf(view, true);
      if (!target) {
        if (codes.length > 0 && codes.every((code) => code === 'US') && view.parties.some((party) => party.codes.includes('RU'))) continue;
        if (codes.length === 0 && view.parties.some((party) => party.codes.includes('RU'))) continue;
        if (codes.length === 0 && !anchor.place && !anchor.date) continue;
        const format = anchor.format ?? (coalitionNear ? 'leaders' : null);
        target = {
          proposal: {
            kind: 'meeting',
            date: anchor.date,
            format: format ?? 'other',
            place: anchor.call ? null : anchor.place,
            online: online ? onlineCodes(context, view) : [],
            participants: [...codes],
            quote: view.sentence.text,
          },
          sentence: index,
          call: anchor.call,
          formatSet: format !== null,
        };
        drafts.push(target);
      } else {
        const callers = anchor.call ? participantsOf({ ...view, parties: view.parties.filter((party) => party.start > anchor.match.end) }, true) : [];
        if (participation || online || dating) addAll(target.proposal.participants, codes);
        addAll(target.proposal.participants, callers);
        if (online) addAll(target.proposal.online, onlineCodes(context, view));
        if (!target.call || target.proposal.place) addAll(target.proposal.online, callers);
        if (!target.proposal.place && anchor.place && !anchor.call) target.proposal.place = anchor.place;
        if (!target.formatSet && anchor.format) {
          target.proposal.format = anchor.format;
          target.formatSet = true;
        }
      }
      handled.add(target);
      last = target;
      lastSentence = index;
    }
  });
  return drafts.map((draft) => ({ proposal: { ...draft.proposal, online: [...draft.proposal.online].sort(), participants: [...draft.proposal.participants].sort() }, sentence: draft.sentence }));
}
