import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { AppError, problemsFromZod } from '../../contracts/input-error.js';
import { partyIdSchema } from '../../contracts/domain.schema.js';
import { currencySchema, minorUnitsSchema } from '../../contracts/records.schema.js';

// Reference data shipped with the package (data/reference/): GDP per state, and the bundled ECB rates (2024-01-02
// to 2026-04-13; `coalition rates import` loads the full or a newer file). Also the demo's publicly reported PURL
// running totals (data/demo/purl-reported-totals.json), figures to compare against rather than records.

const REFERENCE = new URL('../../../data/reference/', import.meta.url);
const DEMO = new URL('../../../data/demo/', import.meta.url);

/** The bundled ECB reference-rate file (eurofxref-hist.csv layout, trimmed to 2024-01-02 … 2026-04-13). */
export const BUNDLED_RATES_FILE = fileURLToPath(new URL('eurofxref-hist.csv', REFERENCE));

const gdpFileSchema = z.object({
  unit: z.string(),
  referenceYear: z.number().int(),
  countries: z.array(z.object({ party: partyIdSchema, name: z.string(), wbLatestUsdBn: z.number().positive(), imf2025eUsdBn: z.number().positive(), wb2023UsdBn: z.number().positive() })),
});

export interface GdpTable {
  /** GDP in USD bn (World Bank, latest year: 2024 for the large economies) per party. */
  usdBn: ReadonlyMap<string, number>;
  referenceYear: number;
  source: string;
}

let gdpCache: Promise<GdpTable> | undefined;

/** The GDP table of data/reference/gdp.json (FACTS.md §5.1), read once. */
export function loadGdpTable(): Promise<GdpTable> {
  gdpCache ??= (async () => {
    const parsed = gdpFileSchema.safeParse(JSON.parse(await readFile(new URL('gdp.json', REFERENCE), 'utf8')));
    if (!parsed.success) throw new AppError('internal', 'data/reference/gdp.json is invalid', problemsFromZod(parsed.error));
    return {
      usdBn: new Map(parsed.data.countries.map((country) => [country.party, country.wbLatestUsdBn])),
      referenceYear: parsed.data.referenceYear,
      source: 'World Bank GDP, current US$, latest year (data/reference/gdp.json, FACTS.md §5.1)',
    };
  })();
  return gdpCache;
}

const reportedTotalSchema = z.strictObject({
  fund: z.string(),
  date: z.iso.date(),
  amount: minorUnitsSchema,
  /** null: the reports disagree on the currency (e.g. Rutte's "4 billion", EUR in one report, USD in another). */
  currency: currencySchema.nullable(),
  approximate: z.boolean(),
  atLeast: z.boolean().optional(),
  countries: z.number().int().positive().optional(),
  what: z.string(),
  sources: z.array(z.string()),
});

export type ReportedTotal = z.output<typeof reportedTotalSchema>;

let reportedCache: Promise<ReportedTotal[]> | undefined;

/** Publicly reported running totals of the demo funds (data/demo/purl-reported-totals.json). */
export function loadReportedTotals(): Promise<ReportedTotal[]> {
  reportedCache ??= (async () => {
    const raw: unknown = JSON.parse(await readFile(new URL('purl-reported-totals.json', DEMO), 'utf8'));
    const parsed = z.array(reportedTotalSchema).safeParse(raw);
    if (!parsed.success) throw new AppError('internal', 'data/demo/purl-reported-totals.json is invalid', problemsFromZod(parsed.error));
    return parsed.data;
  })();
  return reportedCache;
}
