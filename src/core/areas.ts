import type { AreaId } from './types.js';

/** The areas of DESIGN.md §3; datasets may add finer ones below them (`ua.rear.west`). */
export const KNOWN_AREAS: readonly AreaId[] = ['any', 'ua', 'ua.rear', 'ua.front', 'ua.airspace', 'black_sea', 'outside_ua'];

/** True when a pledge allowed in `allowed` may serve `target`: same area, a parent of it, or `any`. */
export function coversArea(allowed: AreaId, target: AreaId): boolean {
  if (allowed === 'any' || target === 'any' || allowed === target) return true;
  return target.length > allowed.length && target.startsWith(allowed) && target.charCodeAt(allowed.length) === 46; // '.'
}

/** True when any of a pledge's allowed areas covers `target`. */
export function anyAreaCovers(allowed: readonly AreaId[], target: AreaId): boolean {
  for (const area of allowed) if (coversArea(area, target)) return true;
  return false;
}
