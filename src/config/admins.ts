/**
 * Who may run admin commands from a chat. An entry is `<platform>:<userId>` or a bare user id, which matches
 * the user on every platform.
 */

/** The user ids that are admins on the platform of `sessionId`; pure. */
export function adminIdsFor(admins: readonly string[], sessionId: string): string[] {
  return adminIdsOn(admins, sessionId.split(':')[0] ?? '');
}

/** The user ids that are admins on `platform`; pure. */
export function adminIdsOn(admins: readonly string[], platform: string): string[] {
  // Every entry matches as it is; a `<platform>:` entry of this platform also matches without its prefix.
  const ids = admins.flatMap((entry) => (entry.startsWith(`${platform}:`) ? [entry, entry.slice(platform.length + 1)] : [entry]));
  return [...new Set(ids)];
}

/** True when `senderId` on the platform of `sessionId` is listed in `admins`; pure. */
export function isAdmin(admins: readonly string[], sessionId: string, senderId: string): boolean {
  return adminIdsFor(admins, sessionId).includes(senderId);
}
