import type { MessageKey } from '../../i18n/messages.js';
import type { DemoAccount } from '../../session/session.data.js';

// How a demo account is described on the sign-in page.

/** "coordinator", "delegate of DE" … with the password to type. */
export function describeAccount(account: DemoAccount, t: (key: MessageKey, vars?: Record<string, string | number>) => string): string {
  const role = account.role === 'delegate' ? t('role.delegate', { party: account.party ?? '?' }) : t(`role.${account.role}`);
  return `${role} — ${account.name} / ${account.password}`;
}
