// `npm run bench:ingest`: proposals for a 10,000-word article (German and English), target ≤ 300 ms
// (DESIGN.md §9, issue 28). The article is built from news-like sentences rich in cues (meetings, amounts,
// pledges, dates), repeated; the first run includes compiling the lexicons, the median is of warm runs.

import { availableParallelism, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { extractProposals } from '../src/core/ingest/extract-proposals.js';
import { loadLexicons } from '../src/services/ingest/load-lexicons.js';
import { median } from './bench-support.js';

const PARAGRAPHS = {
  de: [
    'Die Staats- und Regierungschefs der „Koalition der Willigen“ berieten am Dienstagabend in Paris über Sicherheitsgarantien für die Ukraine.',
    'Bundeskanzler Friedrich Merz war per Video zugeschaltet, anschließend gab es ein Telefonat mit US-Präsident Donald Trump.',
    'Frankreich ist bereit, nach einem Waffenstillstand bis zu 2.000 Soldaten in die Ukraine zu entsenden, sagte Präsident Emmanuel Macron.',
    'Italien schließt die Entsendung von Bodentruppen aus, will aber mit Ausbildung und Monitoring außerhalb der Ukraine beitragen.',
    'Für die PURL-Initiative geben Schweden, Dänemark und Norwegen jetzt gemeinsam 500 Millionen Euro.',
    'Nach Schätzungen des Internationalen Währungsfonds braucht die Ukraine im kommenden Jahr rund 60 Milliarden Dollar.',
    'Die EU hat am Donnerstag ihr 19. Sanktionspaket gegen Russland beschlossen, das sich gegen die Schattenflotte richtet.',
    'Ein Waffenstillstand ist nicht in Sicht, und konkrete Zusagen aus Washington gab es nicht.',
    'Deutschland hat zugesagt, die Lieferung von Luftverteidigungssystemen zu erhöhen und Ausrüstung für vier Brigaden bereitzustellen.',
    'Die Gespräche sollen im neuen Jahr fortgesetzt werden; ein Treffen der Außenminister ist für den 3. Jänner in Kiew geplant.',
  ],
  en: [
    'Leaders of the coalition of the willing met in Paris on Tuesday evening to discuss security guarantees for Ukraine.',
    'German Chancellor Friedrich Merz joined by video, and the leaders then held a call with US President Donald Trump.',
    'Britain will send up to 5,000 troops to Ukraine after a ceasefire, Prime Minister Keir Starmer said on Monday.',
    'Italy ruled out sending troops but offered to help with training and monitoring outside Ukraine.',
    'Sweden, Denmark and Norway will jointly give $500 million to the PURL initiative, the ministers announced.',
    'According to the International Monetary Fund, Ukraine will need about $60 billion next year.',
    'The EU adopted its 19th sanctions package against Russia on Thursday, targeting the shadow fleet and LNG.',
    'A ceasefire is nowhere in sight, and Washington has given no security guarantee for the force so far.',
    'Germany has pledged to increase deliveries of air defence systems and to equip four brigades.',
    'The talks are to continue in the new year; a meeting of foreign ministers is planned for 3 January in Kyiv.',
  ],
};

function buildArticle(sentences: readonly string[], words: number): string {
  const parts: string[] = [];
  let count = 0;
  for (let i = 0; count < words; i += 1) {
    const sentence = sentences[i % sentences.length] ?? '';
    parts.push(sentence);
    count += sentence.split(/\s+/).length;
    if (i % 5 === 4) parts.push('\n\n');
  }
  return parts.join(' ');
}

const lexicons = await loadLexicons();
const RUNS = 9;
process.stdout.write(`load average ${loadavg().map((x) => x.toFixed(1)).join(' ')} on ${availableParallelism()} cores (wall time on a busy host overstates the cost; CPU time is given beside it)\n`);
let failed = false;
for (const language of ['de', 'en'] as const) {
  const text = buildArticle(PARAGRAPHS[language], 10_000);
  const words = text.split(/\s+/).filter(Boolean).length;
  const times: number[] = [];
  const cpu: number[] = [];
  let proposals = 0;
  for (let run = 0; run <= RUNS; run += 1) {
    const start = performance.now();
    const startCpu = process.cpuUsage();
    const result = extractProposals({ text, articleDate: '2025-11-20', lexicons });
    const usage = process.cpuUsage(startCpu);
    times.push(performance.now() - start);
    cpu.push((usage.user + usage.system) / 1000);
    proposals = result.ok ? result.proposals.length : -1;
  }
  const warm = median(times.slice(1));
  failed ||= median(cpu.slice(1)) > 300;
  process.stdout.write(
    `${language}: ${words.toLocaleString('en')} words, ${text.length.toLocaleString('en')} characters, ${proposals} proposals — ` +
      `first run ${(times[0] ?? 0).toFixed(0)} ms (${(cpu[0] ?? 0).toFixed(0)} ms CPU; lexicons compiled), ` +
      `median of ${RUNS} warm runs ${warm.toFixed(0)} ms (${median(cpu.slice(1)).toFixed(0)} ms CPU); target ≤ 300 ms\n`,
  );
}
process.exitCode = failed ? 1 : 0;
