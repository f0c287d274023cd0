import type { AreaId, IsoDate, PartyId } from '../types.js';

// The monitoring log (DESIGN.md §3): incidents as reported, and whether they were verified. Verification takes
// two coordinators (four-eyes, docs/incidents.md); a verified incident of a violating kind sets the derived fact
// `violation` from its date.

export const INCIDENT_KINDS = ['shelling', 'air_strike', 'drone', 'missile', 'incursion', 'ceasefire_breach_other', 'other'] as const;
export type IncidentKind = (typeof INCIDENT_KINDS)[number];

export const INCIDENT_SEVERITIES = ['low', 'medium', 'high'] as const;
export type IncidentSeverity = (typeof INCIDENT_SEVERITIES)[number];

/** reported → verified (four-eyes) → disputed or dismissed. */
export const INCIDENT_STATUSES = ['reported', 'verified', 'disputed', 'dismissed'] as const;
export type IncidentStatus = (typeof INCIDENT_STATUSES)[number];

export interface Incident {
  id: string;
  title: string;
  /** The day it happened (UTC). */
  date: IsoDate;
  /** The time of day (UTC, HH:MM), where known. */
  time?: string;
  area: AreaId;
  location?: { lat: number; lon: number };
  kind: IncidentKind;
  severity: IncidentSeverity;
  /** The party that reported it. */
  reportedBy: PartyId;
  status: IncidentStatus;
  /** The day its verification was confirmed by the second coordinator (set by the service). */
  verifiedOn?: IsoDate;
  sources: string[];
  note?: string;
}
