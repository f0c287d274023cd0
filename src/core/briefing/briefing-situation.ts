import type { ScenarioResult } from '../scenario/evaluate-scenario.js';
import type { BriefingSection } from './briefing-document.js';
import type { BriefingContext } from './briefing-context.js';
import type { BriefingAnalyses, BriefingInput } from './build-briefing.js';
import { type BriefingLanguage, formatCount, formatMoney, formatShare, formatSpan } from './briefing-text.js';

// The situation at the meeting's date: headline figures, coverage per requirement, the assurance gap and the
// groups that wait on each other, and the analyses where they ran.

/** Headline figures, each citing what it is computed from. */
export function headlineSection(context: BriefingContext, input: BriefingInput): BriefingSection {
  const { t, lang } = context;
  const { summary, coverage } = input.scenario;
  const counted = input.scenario.pledges.filter((pledge) => pledge.candidate);
  const pledgeNotes = counted.map((pledge) => context.citePledge(pledge.id));
  const estimated = coverage.filter((row) => row.demand !== null && row.demand > 0);
  const demand = estimated.reduce((sum, row) => sum + (row.demand ?? 0), 0);
  const covered = (key: 'supplyMin' | 'supplyMax') => estimated.reduce((sum, row) => sum + Math.min(row[key], row.demand ?? 0), 0);
  const requirementNotes = estimated.map((row) => context.citeRequirement(row.requirement));
  // Which parties would give something under the scenario (a certain or possible pledge), out of those with a
  // counted pledge at all — named when few, so a lone "1" says who it is.
  const contributing = counted.filter((pledge) => pledge.state !== 'inactive');
  const contributingNames = [...new Set(contributing.map((pledge) => pledge.party))].map((party) => context.party(party)).sort((a, b) => a.localeCompare(b, lang));
  const contributingValue = `${formatCount(summary.contributingParties, lang)} ${t.of} ${formatCount(summary.candidateParties.length, lang)}${contributingNames.length > 0 && contributingNames.length <= 6 && contributingNames.length === summary.contributingParties ? ` (${contributingNames.join(', ')})` : ''}`;
  const rows = [
    { label: t.pledgesCounted, value: `${formatCount(summary.candidates, lang)} (${formatCount(summary.certain, lang)} ${t.certain}, ${formatCount(summary.possible, lang)} ${t.possible}, ${formatCount(summary.candidates - summary.certain - summary.possible, lang)} ${t.inactive})`, notes: pledgeNotes },
    { label: t.contributingParties, value: contributingValue, notes: contributing.map((pledge) => context.citePledge(pledge.id)) },
    { label: t.requirementsWithEstimate, value: `${formatCount(estimated.length, lang)} / ${formatCount(coverage.length, lang)}`, notes: requirementNotes },
  ];
  if (demand > 0) {
    rows.push({
      label: t.estimatedNeedCovered,
      value: `${formatShare(covered('supplyMin') / demand, lang)} – ${formatShare(covered('supplyMax') / demand, lang)} (${formatSpan(covered('supplyMin'), covered('supplyMax'), lang)} / ${formatCount(demand, lang)})`,
      notes: [...requirementNotes, ...pledgeNotes],
    });
  }
  if (input.changes) {
    const c = input.changes;
    const count = c.pledges.added.length + c.pledges.changed.length + c.pledges.withdrawn.length + c.pledges.superseded.length + c.decisions.added.length + c.contributions.added.length + c.facts.changed.length;
    rows.push({ label: t.changesSince, value: formatCount(count, lang), notes: [] });
  }
  for (const fund of input.funds) {
    rows.push({ label: `${t.purlContributed}: ${fund.title}`, value: formatMoney(fund.contributed, fund.currency, lang), notes: [context.citeRecord(`${fund.title} (${fund.id}), ${fund.contributions} ${t.contributionsAdded.toLowerCase()}`, fund.sources)] });
  }
  return { title: t.headline, blocks: [{ kind: 'figures', rows }] };
}

/** Coverage per requirement: a bar chart of those with an estimate, a table of all. */
export function coverageSection(context: BriefingContext, scenario: ScenarioResult): BriefingSection {
  const { t, lang } = context;
  const noteOf = (requirement: string, allocations: readonly { pledge: string }[], unquantified: readonly string[]) => [
    context.citeRequirement(requirement),
    ...[...allocations.map((allocation) => allocation.pledge), ...unquantified].map((id) => context.citePledge(id)),
  ];
  const estimated = scenario.coverage.filter((row) => row.demand !== null && row.demand > 0);
  const bars = estimated.map((row) => ({
    label: context.requirement(row.requirement),
    demand: row.demand ?? 0,
    min: row.supplyMin,
    max: row.supplyMax,
    caption: `${formatSpan(row.supplyMin, row.supplyMax, lang)} / ${formatCount(row.demand ?? 0, lang)} · ${t.shortfall} ${formatSpan(row.shortfallMin ?? 0, row.shortfallMax ?? 0, lang)}`,
    notes: noteOf(row.requirement, row.allocations, row.unquantifiedPledges),
  }));
  const rows = scenario.coverage.map((row) => ({
    cells: [
      context.requirement(row.requirement),
      row.demand === null ? t.noEstimate : formatCount(row.demand, lang),
      `${formatSpan(row.supplyMin, row.supplyMax, lang)}${row.unquantifiedPledges.length > 0 ? ` + ${row.unquantifiedPledges.length} ${t.withoutFigure}` : ''}`,
      row.shortfallMin === null || row.shortfallMax === null ? '–' : formatSpan(row.shortfallMin, row.shortfallMax, lang),
    ],
    notes: noteOf(row.requirement, row.allocations, row.unquantifiedPledges),
  }));
  return {
    title: t.coverage,
    blocks: [
      { kind: 'paragraph', text: t.coverageIntro },
      ...(bars.length > 0 ? [{ kind: 'bars' as const, rows: bars, legend: { certain: t.certain, possible: t.possible, need: t.need } }] : []),
      {
        kind: 'table',
        columns: [
          { title: t.requirement, width: 0.42 },
          { title: t.need, width: 0.14, align: 'right' },
          { title: `${t.supply} (${t.certain}–${t.possible})`, width: 0.26, align: 'right' },
          { title: t.shortfall, width: 0.18, align: 'right' },
        ],
        rows,
      },
    ],
  };
}

/** The assurance gap and the waiting groups in words. */
export function gapSection(context: BriefingContext, scenario: ScenarioResult): BriefingSection {
  const { t } = context;
  const blocks: BriefingSection['blocks'] = [];
  if (scenario.assuranceGap.length === 0) blocks.push({ kind: 'paragraph', text: t.gapNone });
  else {
    blocks.push({ kind: 'paragraph', text: t.gapIntro });
    blocks.push({ kind: 'list', items: scenario.assuranceGap.map((id) => ({ text: context.pledge(id), notes: [context.citePledge(id)] })) });
  }
  if (scenario.waitingGroups.length === 0) blocks.push({ kind: 'paragraph', text: t.groupsNone });
  else {
    blocks.push({ kind: 'paragraph', text: t.groupsIntro });
    blocks.push({
      kind: 'list',
      items: scenario.waitingGroups.map((group) => {
        const parties = [...new Set(group.map((id) => scenario.pledges.find((pledge) => pledge.id === id)?.party ?? id))].map((party) => context.party(party));
        return { text: `${parties.join(' ↔ ')} ${t.waitOn}: ${group.join(', ')}`, notes: group.map((id) => context.citePledge(id)) };
      }),
    });
  }
  return { title: t.gapTitle, blocks };
}

/** Unlockers and P(met), where the analyses ran. */
export function analysesSection(context: BriefingContext, analyses: BriefingAnalyses): BriefingSection {
  const { t, lang } = context;
  const blocks: BriefingSection['blocks'] = [{ kind: 'paragraph', text: t.unlockersIntro }];
  blocks.push({
    kind: 'list',
    items: analyses.unlockers.map((unlocker) => {
      const gains = unlocker.coverage.filter((row) => row.supplyMinDelta !== 0 || row.supplyMaxDelta !== 0);
      const said = gains.length === 0 ? t.noCoverageGain : gains.map((row) => `${context.requirement(row.requirement)} ${formatGain(row.supplyMinDelta, row.supplyMaxDelta, lang)}`).join('; ');
      const from = t.factValues[String(unlocker.from)] ?? String(unlocker.from);
      return { text: `${context.fact(unlocker.fact)} (${from} → ${t.factValues.true}): ${said}; ${formatCount(unlocker.pledgesImproved, lang)} ${t.pledgesImproved}` };
    }),
  });
  const risk = analyses.risk.filter((row) => row.pMetMin !== null);
  if (risk.length > 0) {
    blocks.push({ kind: 'paragraph', text: `${t.riskIntro} (${formatCount(analyses.samples, lang)}):` });
    blocks.push({
      kind: 'table',
      columns: [{ title: t.requirement, width: 0.6 }, { title: t.pMet, width: 0.4, align: 'right' }],
      rows: risk.map((row) => ({
        cells: [context.requirement(row.requirement), `${formatShare(row.pMetMin ?? 0, lang)} – ${formatShare(row.pMetMax ?? 0, lang)}`],
        notes: [context.citeRequirement(row.requirement)],
      })),
    });
  }
  return { title: t.analyses, blocks };
}

// A change of supply in the language: "+15,000" or "+0–15,000" (certain–possible).
function formatGain(min: number, max: number, lang: BriefingLanguage): string {
  const sign = (value: number): string => (value < 0 ? '−' : '+');
  if (min === max) return `${sign(min)}${formatCount(Math.abs(min), lang)}`;
  return `${sign(Math.min(min, max))}${formatCount(Math.abs(min), lang)}–${formatCount(Math.abs(max), lang)}`;
}
