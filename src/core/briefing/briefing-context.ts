import type { Pledge, Requirement, Source } from '../types.js';
import { NoteRegistry } from './briefing-document.js';
import { type BriefingLanguage, type BriefingText, briefingText, formatLongDate, formatSpan } from './briefing-text.js';

// What every section of the briefing needs: the words, party and capability names in the language, and notes
// that name the records and sources a figure comes from.

export interface BriefingLookups {
  parties: ReadonlyMap<string, { en: string; de: string }>;
  capabilities: ReadonlyMap<string, { en: string; de: string }>;
  sources: ReadonlyMap<string, Source>;
  /** Requirements, with their short name in each language where the record has one. */
  requirements: ReadonlyMap<string, Requirement & { name?: { en: string; de: string } | undefined }>;
  /** Facts' names in each language, where the record has one. */
  facts: ReadonlyMap<string, { en: string; de: string }>;
  pledges: ReadonlyMap<string, Pledge>;
}

export class BriefingContext {
  readonly t: BriefingText;
  readonly notes = new NoteRegistry();

  constructor(
    readonly lang: BriefingLanguage,
    private readonly lookups: BriefingLookups,
  ) {
    this.t = briefingText(lang);
  }

  /** A party's name in the language (its id if unknown). */
  party(id: string): string {
    return this.lookups.parties.get(id)?.[this.lang] ?? id;
  }

  /** A requirement's short label: its name, else its capability's name and its area, in words. */
  requirement(id: string): string {
    const requirement = this.lookups.requirements.get(id);
    if (!requirement) return id;
    const own = requirement.name?.[this.lang];
    if (own) return own;
    const name = this.lookups.capabilities.get(requirement.capability)?.[this.lang] ?? requirement.capability;
    return `${name} (${this.area(requirement.area)})`;
  }

  /** An area in words ("Ukraine, away from the line of contact"); an area a dataset adds by its id. */
  area(id: string): string {
    return this.t.areas[id] ?? id;
  }

  /** A fact by its name in the language, else its id. */
  fact(id: string): string {
    return this.lookups.facts.get(id)?.[this.lang] ?? id;
  }

  /** A pledge in words: `France: land personnel 2,000–9,999 (fr-1)`. */
  pledge(id: string): string {
    const pledge = this.lookups.pledges.get(id);
    if (!pledge) return id;
    const capability = this.lookups.capabilities.get(pledge.capability)?.[this.lang] ?? pledge.capability;
    const quantity = pledge.quantity === null ? this.t.noFigure : formatSpan(pledge.quantity.min, pledge.quantity.max, this.lang);
    return `${this.party(pledge.party)}: ${capability} ${quantity} (${id})`;
  }

  /** A date in long form. */
  date(date: string): string {
    return formatLongDate(date, this.lang);
  }

  /** A note citing sources by id: publisher, date, address. */
  sourcesText(ids: readonly string[]): string {
    return [...new Set(ids)]
      .map((id) => {
        const source = this.lookups.sources.get(id);
        if (!source) return id;
        return `${source.publisher}, ${source.date}${source.url ? `, ${source.url}` : ''}`;
      })
      .join('; ');
  }

  /** Cite a requirement: its title and the sources of its estimate. */
  citeRequirement(id: string): number {
    const requirement = this.lookups.requirements.get(id);
    const title = requirement?.title ?? id;
    const sources = requirement && requirement.sources.length > 0 ? ` ${this.sourcesText(requirement.sources)}.` : '';
    return this.notes.cite(`${this.t.requirement}: ${this.requirement(id)} — ${title}${sources}`);
  }

  /** Cite a pledge: who, what, and its sources. */
  citePledge(id: string): number {
    const pledge = this.lookups.pledges.get(id);
    const sources = pledge && pledge.sources.length > 0 ? ` — ${this.sourcesText(pledge.sources)}` : '';
    return this.notes.cite(`${this.pledge(id)}${sources}.`);
  }

  /** Cite records of some other kind with their sources. */
  citeRecord(label: string, sources: readonly string[]): number {
    return this.notes.cite(sources.length > 0 ? `${label} — ${this.sourcesText(sources)}.` : `${label}.`);
  }
}
