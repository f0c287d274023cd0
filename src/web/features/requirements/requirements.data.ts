import type { RequirementCoverage } from '../../../core/coverage/compute-coverage.js';
import type { Requirement, RequirementPackage } from '../../../core/types.js';

// Requirements grouped by package, each with its coverage under the scenario.

export interface PackageGroup<R extends Requirement, P extends RequirementPackage> {
  package: P | null;
  rows: { requirement: R; coverage: RequirementCoverage | undefined }[];
}

/** Packages in their order, each with its requirements by priority; requirements without a package last. */
export function groupByPackage<R extends Requirement, P extends RequirementPackage>(
  requirements: readonly R[],
  packages: readonly P[],
  coverage: readonly RequirementCoverage[],
): PackageGroup<R, P>[] {
  const byRequirement = new Map(coverage.map((row) => [row.requirement, row]));
  const rowsOf = (list: readonly R[]) =>
    [...list].sort((a, b) => a.priority - b.priority || a.id.localeCompare(b.id)).map((requirement) => ({ requirement, coverage: byRequirement.get(requirement.id) }));
  const known = new Set(packages.map((pkg) => pkg.id));
  const groups: PackageGroup<R, P>[] = packages.map((pkg) => ({ package: pkg, rows: rowsOf(requirements.filter((requirement) => requirement.package === pkg.id)) }));
  const loose = requirements.filter((requirement) => requirement.package === undefined || !known.has(requirement.package));
  if (loose.length > 0) groups.push({ package: null, rows: rowsOf(loose) });
  return groups;
}

/** Parse the demand field: blank = no estimate (null), else a whole number ≥ 0; undefined when invalid. */
export function parseDemand(text: string): number | null | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  if (!/^\d{1,12}$/.test(trimmed)) return undefined;
  return Number(trimmed);
}
