import { settleWrittenRecord } from '../core/access/owned-parts.js';
import { canonicalJson } from '../core/audit/canonical-json.js';
import type { Principal } from '../core/access/principal.js';
import { decideSupersedes } from '../core/access/reference-rules.js';
import { prepareChangedDataset } from '../core/dataset/prepare-change.js';
import { type PreparedDataset, prepareDataset } from '../core/dataset/prepare-dataset.js';
import { findById, positionsOf } from '../core/dataset/record-positions.js';
import type { Problem } from '../core/errors.js';
import { inheritCompiled } from '../core/scenario/compiled-candidates.js';
import { conditionAreas, describePledgePreview, type PledgePreview } from '../core/scenario/preview-pledge.js';
import type { Pledge } from '../core/types.js';
import { InputError, inputProblemOf, type InputProblem } from '../contracts/input-error.js';
import { AccessDeniedError, type AccessPolicy, denialOf } from './access/access-policy.js';
import { runScenario, type ScenarioRequest } from './run-scenario.js';
import type { ScenarioService } from './scenarios.service.js';

// The pledge editor's preview (docs/api.md "Pledge preview"): a draft pledge evaluated under a scenario on what
// the caller may see, with the coverage it changes — nothing stored, nothing audited. The caller must be allowed to
// write the draft (the check pledge writes make); the draft is written into the caller's view of the dataset
// (ScenarioService: the view the evaluation runs on, so no total or explanation includes a pledge the caller may
// not see), checked as a save checks it (prepareChangedDataset: only what changed), and evaluated by the same core
// as the evaluation, its compiled network patched from the view's.

/** A preview request: the scenario as POST /api/scenarios/evaluate takes it, and the draft. */
export interface PledgePreviewRequest {
  scenario: ScenarioRequest;
  pledge: Pledge;
}

export class PledgePreviewService {
  private readonly areas = new WeakMap<PreparedDataset, string[]>();

  constructor(
    private readonly scenarios: ScenarioService,
    private readonly access: AccessPolicy,
  ) {}

  /** The draft's state and explanation under the scenario, and each requirement whose coverage it changes. */
  async preview(principal: Principal, request: PledgePreviewRequest): Promise<PledgePreview> {
    const { dataset, result: before } = await this.scenarios.evaluateWithDataset(principal, request.scenario);
    // A pledge the caller may not see is not in the view: a draft of its id is a new pledge here, and tells nothing.
    const stored = findById(dataset.pledges, request.pledge.id);
    const draft = settleWrittenRecord(principal, 'pledges', stored, request.pledge);
    this.access.assertCanWrite(principal, { name: 'pledges', confidential: true }, { id: draft.id, action: stored ? 'update' : 'create', before: stored, after: draft });
    assertMaySupersede(principal, draft, stored, dataset);
    const change = stored ? ({ kind: 'update', record: draft } as const) : ({ kind: 'create', record: draft } as const);
    // The stored pledge as it is (the editor's first preview): the evaluation it already has.
    if (stored && canonicalJson(stored) === canonicalJson(draft)) return describePledgePreview({ before, after: before, changed: dataset, id: draft.id, change: 'update', areas: this.areasOf(dataset) });
    const changed = checkDraft(dataset, draft, change);
    // The next evaluation patches (splices) what was compiled for the view instead of compiling anew.
    inheritCompiled(dataset, changed);
    const after = runScenario(changed, request.scenario, { derived: await this.scenarios.derivedFacts(principal, request.scenario.asOf) });
    return describePledgePreview({ before, after, changed, id: draft.id, change: change.kind, areas: this.areasOf(dataset) });
  }

  private areasOf(dataset: PreparedDataset): string[] {
    let areas = this.areas.get(dataset);
    if (!areas) this.areas.set(dataset, (areas = conditionAreas(dataset)));
    return areas;
  }
}

// A pledge may supersede only a pledge of its own party (pledge writes' rule, record-write-support.ts); a hidden one
// is not in the view and is answered as unknown by the dataset check, as a save answers it.
function assertMaySupersede(principal: Principal, draft: Pledge, stored: Pledge | undefined, dataset: PreparedDataset): void {
  if (draft.supersedes === undefined || draft.supersedes === stored?.supersedes) return;
  const target = findById(dataset.pledges, draft.supersedes);
  if (!target) return;
  const decision = decideSupersedes(principal, draft, target);
  if (!decision.ok) throw new AccessDeniedError('auth.forbidden', decision.message, denialOf(principal, stored ? 'update' : 'create', 'pledges', draft.id, decision.message));
}

/**
 * The view with the draft written into it, or the 422 a save gets (its codes, the draft's problems at paths of the
 * record). The draft's own references and condition are checked first against the view without its other pledges,
 * so that a draft citing an unknown source while it is typed costs the reference data, not the full check over every
 * pledge that prepareChangedDataset falls back to; what that quick look cannot judge alone (an area only other pledges
 * use, supersedes) goes to prepareChangedDataset.
 */
function checkDraft(view: PreparedDataset, draft: Pledge, change: { kind: 'create' | 'update'; record: Pledge }): PreparedDataset {
  const target = draft.supersedes === undefined ? undefined : findById(view.pledges, draft.supersedes);
  const alone = prepareDataset({ ...view, pledges: target && target.id !== draft.id ? [draft, target] : [draft] });
  if (!alone.ok) {
    const own = alone.problems.filter((problem) => inRecord(problem.path, 'pledges[0]'));
    const judged = own.every((problem) => problem.code !== 'condition.unknown_area' && problem.code !== 'dataset.supersedes_cycle' && !inRecord(problem.path, 'pledges[0].supersedes'));
    if (own.length > 0 && judged) throw inconsistent(draft.id, own, 0, []);
  }
  const prepared = prepareChangedDataset(view, 'pledges', change);
  if (prepared.ok) return prepared.value;
  const position = change.kind === 'create' ? view.pledges.length : (positionsOf(view.pledges).get(draft.id) ?? -1);
  throw inconsistent(draft.id, prepared.problems, position, view.pledges);
}

function inRecord(path: string, record: string): boolean {
  return path === record || path.startsWith(`${record}.`) || path.startsWith(`${record}[`);
}

// The 422 of an inconsistent draft: the draft's problems at paths inside it (`condition`), another pledge's named by
// its id (`pledges/fr-1.condition`; every pledge of the view is one the caller may see).
function inconsistent(id: string, problems: readonly Problem[], position: number, others: readonly Pledge[]): InputError {
  const own = `pledges[${position}]`;
  const mapped = problems.map((problem): InputProblem => {
    const path = inRecord(problem.path, own)
      ? problem.path.slice(own.length).replace(/^\./, '') || '(record)'
      : problem.path.replace(/^pledges\[(\d+)\]/, (whole, at: string) => (others[Number(at)] ? `pledges/${(others[Number(at)] as Pledge).id}` : whole));
    return inputProblemOf(problem, path);
  });
  return new InputError(problems[0]?.code ?? 'input.invalid', `pledges '${id}' would make the data inconsistent`, mapped);
}
