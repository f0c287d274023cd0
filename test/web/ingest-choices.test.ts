import { describe, expect, it } from 'vitest';
import { CONTRIBUTION_STATUSES as CONTRACT_STATUSES, MEETING_FORMATS as CONTRACT_FORMATS } from '../../src/contracts/field-schemas.js';
import { MAX_ARTICLE_CHARACTERS } from '../../src/contracts/ingest.schema.js';
import { CONTRIBUTION_STATUSES, MEETING_FORMATS } from '../../src/web/features/ingest/ingest-form.data.js';
import { MAX_CHARACTERS } from '../../src/web/features/ingest/ingest.data.js';

// The Ingest page restates a few of the API's limits and choices (the browser bundle stays without zod): they
// must agree with the contracts.

describe('the Ingest page and the API', () => {
  it('agree on the article limit, the meeting formats and the contribution statuses', () => {
    expect(MAX_CHARACTERS).toBe(MAX_ARTICLE_CHARACTERS);
    expect([...MEETING_FORMATS]).toEqual([...CONTRACT_FORMATS]);
    expect([...CONTRIBUTION_STATUSES]).toEqual([...CONTRACT_STATUSES]);
  });
});
