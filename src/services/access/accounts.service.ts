import { randomUUID } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import type { UserPrincipal } from '../../core/access/principal.js';
import { type NewUser, newUserSchema, passwordSchema } from '../../contracts/access.schema.js';
import { AppError, parseInput } from '../../contracts/input-error.js';
import { deleteUserSessions, deleteUserTokens, findUserByName, insertApiToken, insertUser, listUsers, updateUser, type UserRow } from '../../db/access.repository.js';
import { lockAuditHead } from '../../db/audit.repository.js';
import { partyEntity } from '../../db/entities/dataset-entities.js';
import type { Database, Store } from '../../db/open-store.js';
import { findRecord } from '../../db/record.repository.js';
import { appendAudit } from '../audit/append-audit.js';
import { createSecret, hashToken } from './secrets.js';
import { inTransaction } from '../../db/in-transaction.js';

// User accounts (DESIGN.md §2): add, list, disable, reset; passwords as argon2id hashes, API tokens shown once
// and stored hashed. Every change is an audit entry (entity `users`, without any secret).

export interface UserView {
  name: string;
  role: UserPrincipal['role'];
  party: string | null;
  disabled: boolean;
  lastLoginAt: string | null;
}

// Verified when the account is unknown, so a wrong name takes as long as a wrong password.
let dummyHash: Promise<string> | undefined;

export class AccountService {
  private readonly revocationListeners: (() => void)[] = [];

  constructor(
    private readonly store: Store,
    private readonly now: () => Date,
  ) {}

  /** Call `listener` whenever sessions or tokens are revoked (caches of resolved credentials drop theirs). */
  onRevoke(listener: () => void): void {
    this.revocationListeners.push(listener);
  }

  /** Add a user; without a password one is generated and returned (shown once). */
  async add(input: unknown, actor: string): Promise<{ user: UserView; password?: string }> {
    const user: NewUser = parseInput(newUserSchema, input, 'user');
    if (user.party !== undefined && !(await findRecord(this.store.db, partyEntity, user.party))) {
      throw new AppError('dataset.unknown_reference', `unknown party '${user.party}'`, [{ path: 'party', message: `no party '${user.party}' in the store` }]);
    }
    if (await findUserByName(this.store.db, user.name)) throw new AppError('conflict', `a user '${user.name}' exists already`);
    const password = user.password ?? createSecret(18);
    const passwordHash = await hash(password);
    const row = await this.audited(actor, 'create', async (tx) => {
      const at = this.now();
      return insertUser(tx, { id: randomUUID(), name: user.name, role: user.role, party: user.party ?? null, passwordHash, createdAt: at, updatedAt: at });
    }, null);
    return user.password === undefined ? { user: viewOf(row), password } : { user: viewOf(row) };
  }

  /** Every user (no secrets). */
  async list(): Promise<UserView[]> {
    return (await listUsers(this.store.db)).map(viewOf);
  }

  /** Disable a user: no more logins; sessions and tokens are revoked. */
  async disable(name: string, actor: string): Promise<UserView> {
    const existing = await this.require(name);
    const row = await this.audited(actor, 'update', async (tx) => {
      await deleteUserSessions(tx, existing.id);
      await deleteUserTokens(tx, existing.id);
      return updateUser(tx, existing, { disabled: true }, this.now());
    }, existing);
    this.revoked();
    return viewOf(row);
  }

  /** Re-enable a disabled user. */
  async enable(name: string, actor: string): Promise<UserView> {
    const existing = await this.require(name);
    return viewOf(await this.audited(actor, 'update', (tx) => updateUser(tx, existing, { disabled: false }, this.now()), existing));
  }

  /** A new password (given, or generated and returned) for a user; their sessions end. */
  async resetPassword(name: string, actor: string, given?: string): Promise<{ user: UserView; password?: string }> {
    const existing = await this.require(name);
    const password = given === undefined ? createSecret(18) : parseInput(passwordSchema, given, 'password');
    const passwordHash = await hash(password);
    const row = await this.audited(actor, 'update', async (tx) => {
      await deleteUserSessions(tx, existing.id);
      return updateUser(tx, existing, { passwordHash }, this.now());
    }, existing);
    this.revoked();
    return given === undefined ? { user: viewOf(row), password } : { user: viewOf(row) };
  }

  /** A new API token for a user (shown once; stored hashed); with `replace`, the user's other tokens are revoked. */
  async issueToken(name: string, options: { replace?: boolean } = {}): Promise<string> {
    const existing = await this.require(name);
    const token = `clt_${createSecret(32)}`;
    await inTransaction(this.store.db, async (tx) => {
      if (options.replace) await deleteUserTokens(tx, existing.id);
      await insertApiToken(tx, { tokenHash: hashToken(token), userId: existing.id, createdAt: this.now() });
    });
    if (options.replace) this.revoked();
    return token;
  }

  /** The user whose name and password match (and who is enabled), or undefined. */
  async verifyCredentials(name: string, password: string): Promise<UserRow | undefined> {
    const row = await findUserByName(this.store.db, name);
    if (!row || row.disabled || row.passwordHash === null) {
      dummyHash ??= hash(createSecret(18));
      await verify(await dummyHash, password).catch(() => false);
      return undefined;
    }
    const ok = await verify(row.passwordHash, password).catch(() => false);
    return ok ? row : undefined;
  }

  /** Note a successful login. */
  async recordLogin(row: UserRow): Promise<void> {
    await updateUser(this.store.db, row, { lastLoginAt: this.now() }, this.now());
  }

  /** The user of this name, or not_found. */
  async require(name: string): Promise<UserRow> {
    const row = await findUserByName(this.store.db, name);
    if (!row) throw new AppError('not_found', `no user '${name}'`);
    return row;
  }

  private async audited(actor: string, action: 'create' | 'update', work: (tx: Database) => Promise<UserRow>, before: UserRow | null): Promise<UserRow> {
    return inTransaction(this.store.db, async (tx) => {
      const head = await lockAuditHead(tx);
      const row = await work(tx);
      await appendAudit(tx, { actor, action, entity: 'users', entityId: row.name, before: before ? auditedView(before) : null, after: auditedView(row) }, this.now(), head);
      return row;
    });
  }

  private revoked(): void {
    for (const listener of this.revocationListeners) listener();
  }
}

/** A user as a principal. */
export function principalOfUser(row: UserRow): UserPrincipal {
  return { kind: 'user', userId: row.id, name: row.name, role: row.role as UserPrincipal['role'], party: row.party };
}

function viewOf(row: UserRow): UserView {
  return { name: row.name, role: row.role as UserView['role'], party: row.party, disabled: row.disabled, lastLoginAt: row.lastLoginAt?.toISOString() ?? null };
}

function auditedView(row: UserRow): Record<string, unknown> {
  return { name: row.name, role: row.role, party: row.party, disabled: row.disabled, version: row.version };
}
