import { beforeAll, describe, expect, it } from 'vitest';
import { describeEachStore } from '../../../test/support/stores.js';
import type { BriefingDocument } from '../../core/briefing/briefing-document.js';
import { financingPlanEntity, fundEntity } from '../../db/entities/funding-entities.js';
import { meetingEntity } from '../../db/entities/meeting-entities.js';
import { sanctionsPackageEntity } from '../../db/entities/sanctions-entities.js';
import { createServices, type Services } from '../create-services.js';
import { loadDemo } from '../load-demo.js';

// The briefing pack shows funds, financing plans and sanctions packages as they were recorded by the meeting's
// date (time travel by the audit log), not as they are now: the demo is loaded before the Paris meeting of
// 6 January 2026, and edited after it.

const MEETING = 'paris-2026-01-06';
const SYSTEM = { name: 'test' };

const sectionText = (document: BriefingDocument, title: string): string => JSON.stringify(document.sections.find((section) => section.title === title)?.blocks ?? null);

describeEachStore('briefing pack: funding and sanctions as of the meeting', (suite) => {
  let services: Services;
  let today = new Date('2025-12-20T12:00:00Z');

  beforeAll(async () => {
    services = createServices(suite.store(), () => today);
    await loadDemo(suite.store(), services.cache, () => today);
    // After the meeting: the plan decides otherwise, a fund is renamed, the EU's 20th package gets an adoption date
    // inside the window, and a package adopted before the meeting is first recorded now (it counts, by its date).
    today = new Date('2026-03-01T12:00:00Z');
    const plan = await services.records.get(SYSTEM, financingPlanEntity, 'ukraine-2026-27');
    await services.records.replace(SYSTEM, financingPlanEntity, { ...plan.record, decidedOption: 'reparations-loan' }, plan.version);
    const fund = await services.records.get(SYSTEM, fundEntity, 'purl-2026');
    await services.records.replace(SYSTEM, fundEntity, { ...fund.record, title: 'PURL 2026, renamed in March' }, fund.version);
    const eu20 = await services.records.get(SYSTEM, sanctionsPackageEntity, 'eu-20');
    await services.records.replace(SYSTEM, sanctionsPackageEntity, { ...eu20.record, adoptedOn: '2026-01-05' }, eu20.version);
    await services.records.create(SYSTEM, sanctionsPackageEntity, { id: 'uk-2026-01-05-late', jurisdiction: 'UK', adoptedOn: '2026-01-05', title: 'UK designations entered in March', alignment: [], exemptions: [], sources: [] });
  }, 120_000);

  describe('the 6 January 2026 pack', () => {
    let document: BriefingDocument;
    beforeAll(async () => {
      document = await services.briefing.document(SYSTEM, MEETING, { lang: 'en', generatedAt: today });
    });

    it('shows the financing plan decided as recorded then', () => {
      const funds = sectionText(document, 'PURL funds and financing plans');
      // The decided option by its short name in the pack's language.
      expect(funds).toContain('decided: EU borrowing backed by budget headroom');
      expect(funds).not.toContain('Reparations loan');
    });

    it("shows a fund's title as recorded then", () => {
      const funds = sectionText(document, 'PURL funds and financing plans');
      expect(funds).toContain('PURL 2026');
      expect(funds).not.toContain('renamed in March');
    });

    it('lists the sanctions adopted since 3 January as recorded then, and a package recorded later about that time', () => {
      const sanctions = sectionText(document, 'Sanctions adopted since the previous meeting');
      expect(sanctions).not.toContain('20th package');
      expect(sanctions).toContain('UK designations entered in March');
    });
  });

  it('a meeting before the plan was decided (18 December 2025) shows it as not decided, though it is recorded by then', async () => {
    const berlin = await services.briefing.document(SYSTEM, 'berlin-2025-12-15', { lang: 'de', generatedAt: today });
    const funds = sectionText(berlin, 'PURL-Fonds und Finanzierungspläne');
    expect(funds).toContain('Financing Ukraine 2026');
    expect(funds).toContain('nicht beschlossen');
    expect(funds).not.toContain('beschlossen: ');
  });

  it("a meeting on the edits' day sees them", async () => {
    await services.records.create(SYSTEM, meetingEntity, { id: 'review-2026-03-01', date: '2026-03-01', format: 'nsa', title: 'Review', inPerson: [], online: [], sources: [] });
    const later = await services.briefing.document(SYSTEM, 'review-2026-03-01', { lang: 'en', generatedAt: today });
    expect(sectionText(later, 'PURL funds and financing plans')).toContain('Reparations loan');
    expect(sectionText(later, 'PURL funds and financing plans')).toContain('renamed in March');
  });
});
