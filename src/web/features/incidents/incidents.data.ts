// The Incidents page's data (pure): who monitors which area, and the derived `violation` in words.

export interface MonitoringPledge {
  id: string;
  party: string;
  capability: string;
  areas: string[];
  status: string;
}

/** Per area named by the monitoring pledges, the parties that pledged monitoring there (sorted), areas sorted. */
export function monitorsByArea(pledges: readonly MonitoringPledge[], capability: string): { area: string; parties: string[]; pledges: string[] }[] {
  const byArea = new Map<string, { parties: Set<string>; pledges: string[] }>();
  for (const pledge of pledges) {
    if (pledge.capability !== capability || pledge.status === 'withdrawn') continue;
    for (const area of pledge.areas) {
      const entry = byArea.get(area) ?? { parties: new Set<string>(), pledges: [] };
      entry.parties.add(pledge.party);
      entry.pledges.push(pledge.id);
      byArea.set(area, entry);
    }
  }
  return [...byArea.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([area, entry]) => ({ area, parties: [...entry.parties].sort(), pledges: entry.pledges.sort() }));
}

export interface DerivedFactView {
  value: unknown;
  derived?: { since: string | null; basis: { id: string; date: string; title?: string; confirmedOn?: string }[] };
}

/** The basis of a derived fact as one line per record: "title (date), verified on D". */
export function describeBasis(fact: DerivedFactView | undefined): { id: string; title: string; date: string; confirmedOn: string | undefined }[] {
  return (fact?.derived?.basis ?? []).map((basis) => ({ id: basis.id, title: basis.title ?? basis.id, date: basis.date, confirmedOn: basis.confirmedOn }));
}
