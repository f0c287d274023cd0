import { confirmDonor, decideDonorConfirmation, isConfirmed } from '../../core/access/owned-parts.js';
import { isUser, type Principal } from '../../core/access/principal.js';
import { InputError } from '../../contracts/input-error.js';
import type { Contribution } from '../../contracts/records.schema.js';
import { contributionEntity } from '../../db/entities/funding-entities.js';
import type { Versioned } from '../../db/record.repository.js';
import type { RecordService } from '../records.service.js';
import { AccessDeniedError, type AccessPolicy, denialOf } from './access-policy.js';

// A donor confirms its part of a contribution another donor's delegate recorded (DESIGN.md §2): until then
// that part is `confirmed: false` and no funding total, allocation or burden figure counts it. The
// confirmation names the version it confirms (like any write), is written as an update of the contribution by
// the confirming user, and so is in the audit log.

export class DonorConfirmationService {
  constructor(
    private readonly records: RecordService,
    private readonly policy: AccessPolicy,
  ) {}

  /** Confirm `party`'s part (default: the delegate's own party) of a contribution still at version `expected`. */
  async confirm(principal: Principal, id: string, options: { party?: string | undefined; expected: number }): Promise<Versioned<Contribution>> {
    const current = await this.records.get(principal, contributionEntity, id);
    return this.policy.logDenials(async () => {
      const party = options.party ?? (isUser(principal) && principal.role === 'delegate' ? (principal.party ?? undefined) : undefined);
      if (party === undefined) throw new InputError('input.invalid', 'name the donor whose part you confirm', [{ path: 'body.party', message: 'required: a donor party of the contribution' }]);
      const donor = current.record.donors.find((item) => item.party === party);
      if (!donor) throw new InputError('input.invalid', `${party} is not a donor of contributions '${id}'`, [{ path: 'body.party', message: `must be one of ${current.record.donors.map((item) => item.party).join(', ')}` }]);
      const decision = decideDonorConfirmation(principal, current.record, party);
      if (!decision.ok) throw new AccessDeniedError('auth.forbidden', decision.message, denialOf(principal, 'approve', 'contributions', id, decision.message));
      if (isConfirmed(donor) && current.version === options.expected) return current;
      return this.records.writeConfirmedPart(principal, contributionEntity, confirmDonor(current.record, party), options.expected);
    });
  }
}
