import type { MessageKey } from '../../i18n/messages.js';
import type { DemoAccount } from '../../session/session.data.js';

// How a demo account is described on the sign-in page.

/** "coordinator", "delegate of Germany" … with the password to type; `party` names a party id. */
export function describeAccount(account: DemoAccount, t: (key: MessageKey, vars?: Record<string, string | number>) => string, party: (id: string) => string = (id) => id): string {
  const role = account.role === 'delegate' ? t('role.delegate', { party: account.party ? party(account.party) : '?' }) : t(`role.${account.role}`);
  return `${role} — ${account.name} / ${account.password}`;
}

/** Where to go after signing in on /login: the `next` path when it is one of this app's own, else the overview. */
export function safeNext(next: string | null): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/login')) return '/';
  return next;
}
