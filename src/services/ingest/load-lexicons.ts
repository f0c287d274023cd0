import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import countries from 'i18n-iso-countries';
import de from 'i18n-iso-countries/langs/de.json' with { type: 'json' };
import en from 'i18n-iso-countries/langs/en.json' with { type: 'json' };
import type { z } from 'zod';
import { InputError } from '../../contracts/input-error.js';
import {
  capabilitiesLexiconSchema,
  cuesLexiconSchema,
  numbersLexiconSchema,
  partiesLexiconSchema,
} from '../../contracts/ingest-lexicons.schema.js';
import type { RawLexicons } from '../../core/ingest/types.js';

// News ingestion's lexicons (docs/ingestion.md): data/lexicons/*.json, each checked, plus the country names
// in German and English from i18n-iso-countries. Read once per directory and kept.

/** The lexicon directory shipped with the package. */
export function defaultLexiconDirectory(): string {
  return fileURLToPath(new URL('../../../data/lexicons/', import.meta.url));
}

async function readChecked<S extends z.ZodType>(directory: string, file: string, schema: S): Promise<z.infer<S>> {
  const path = join(directory, file);
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    throw new InputError('input.invalid', `lexicon ${file}: ${error instanceof Error ? error.message : String(error)}`, [{ path: file, message: 'unreadable JSON' }]);
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => ({ path: `${file}:${issue.path.join('.')}`, message: issue.message }));
    throw new InputError('input.invalid', `lexicon ${file} is invalid: ${problems.map((p) => `${p.path} ${p.message}`).join('; ')}`, problems);
  }
  return parsed.data;
}

function countryNames(language: 'de' | 'en'): Record<string, string[]> {
  const names = countries.getNames(language, { select: 'all' });
  return Object.fromEntries(Object.entries(names).map(([code, list]) => [code, list.filter((name) => !/[,()]/.test(name))]));
}

const loaded = new Map<string, Promise<RawLexicons>>();

/** Read and check the lexicons of a directory (default: data/lexicons); cached per directory. */
export function loadLexicons(directory = defaultLexiconDirectory()): Promise<RawLexicons> {
  const known = loaded.get(directory);
  if (known) return known;
  const promise = readLexicons(directory);
  loaded.set(directory, promise);
  promise.catch(() => loaded.delete(directory));
  return promise;
}

async function readLexicons(directory: string): Promise<RawLexicons> {
  countries.registerLocale(de);
  countries.registerLocale(en);
  const [parties, capabilities, cues, numbers] = await Promise.all([
    readChecked(directory, 'parties.json', partiesLexiconSchema),
    readChecked(directory, 'capabilities.json', capabilitiesLexiconSchema),
    readChecked(directory, 'cues.json', cuesLexiconSchema),
    readChecked(directory, 'numbers.json', numbersLexiconSchema),
  ]);
  const groups: RawLexicons['parties']['groups'] = {};
  for (const [name, group] of Object.entries(parties.groups)) if (typeof group !== 'string') groups[name] = group;
  return {
    parties: { ...parties, groups },
    capabilities,
    cues,
    numbers,
    countryNames: { de: countryNames('de'), en: countryNames('en') },
  };
}
