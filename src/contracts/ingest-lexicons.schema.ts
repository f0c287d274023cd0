import { z } from 'zod';

// The lexicon files of news ingestion (data/lexicons/*.json, docs/ingestion.md), checked when they are read.

const terms = z.array(z.string().min(1));
const byLanguage = <T extends z.ZodType>(schema: T) => z.object({ de: schema, en: schema });
const codeTable = z.record(z.string(), terms);
const domain = z.enum(['land', 'air', 'maritime', 'air_defence', 'training', 'monitoring', 'logistics', 'intelligence', 'industry', 'finance']);
const unit = z.enum(['persons', 'systems', 'platforms', 'brigade_sets', 'money']);
const withComment = <T extends z.ZodRawShape>(shape: T) => z.object({ $comment: z.string().optional(), ...shape });

export const partiesLexiconSchema = withComment({
  names: byLanguage(codeTable),
  adjectives: byLanguage(codeTable),
  capitals: codeTable,
  persons: codeTable,
  groups: z.record(z.string(), z.union([z.string(), z.object({ terms, members: z.array(z.string()) })])),
  groupWords: withComment({ de: terms, en: terms }),
  nonProviders: z.array(z.string()),
});

export const capabilitiesLexiconSchema = withComment({
  terms: z.array(z.object({ domain, unit: unit.nullable(), terms })),
  weak: withComment({ terms }),
});

export const cuesLexiconSchema = withComment({
  negation: byLanguage(terms),
  meeting: z.object({
    nouns: byLanguage(terms),
    weakNouns: withComment({ de: terms, en: terms }),
    verbs: byLanguage(terms),
    calls: withComment({ de: terms, en: terms }),
    formats: z.object({ leaders: terms, ministers: terms, nsa: terms, other: terms }),
    participation: byLanguage(terms),
    online: byLanguage(terms),
    coalition: terms,
    definite: byLanguage(terms),
  }),
  contribution: z.object({ verbs: byLanguage(terms), totals: byLanguage(terms), purl: terms, programmeAnaphora: byLanguage(terms) }),
  pledge: z.object({
    commit: byLanguage(terms),
    refusal: byLanguage(terms),
    discussed: byLanguage(terms),
    backing: withComment({ de: terms, en: terms }),
    undecided: byLanguage(terms),
  }),
  reporting: withComment({ de: terms, en: terms }),
  territory: withComment({ de: terms, en: terms }),
  subordinators: byLanguage(terms),
  clauseBreaks: byLanguage(terms),
  conditions: z.object({ ceasefire: terms, us_backstop: terms, parliament: terms }),
  conditionMarkers: withComment({ de: terms, en: terms }),
  concessive: withComment({ de: terms, en: terms }),
  partyConditions: z.array(z.object({ condition: z.enum(['ceasefire', 'us_backstop', 'parliament']), party: z.string().min(1), terms })),
  estimate: z.object({ cues: byLanguage(terms), by: byLanguage(terms) }),
  sanctions: z.object({
    nouns: byLanguage(terms),
    adopted: byLanguage(terms),
    notAdopted: byLanguage(terms),
    jurisdictions: codeTable,
    measures: z.array(z.object({ label: z.string().min(1), terms })),
  }),
  facts: withComment({ rules: z.array(z.object({ fact: z.string().min(1), value: z.boolean().nullable(), all: z.array(terms).min(1), none: z.array(terms).optional() })) }),
  boilerplate: withComment({ lines: terms }),
  language: byLanguage(terms),
});

export const numbersLexiconSchema = withComment({
  words: byLanguage(z.record(z.string(), z.number())),
  scales: byLanguage(z.record(z.string(), z.number())),
  currencies: codeTable,
  ambiguousCurrencies: z.array(z.object({ terms, byParty: z.record(z.string(), z.string().regex(/^[A-Z]{3}$/)) })),
  vague: withComment({ de: terms, en: terms }),
  personUnits: terms,
});
