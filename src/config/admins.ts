/**
 * Who may run admin commands from a chat. An entry is `<platform>:<userId>` or a bare user id, which matches
 * the user on every platform.
 */

/** True when `senderId` on the platform of `sessionId` is listed in `admins`; pure. */
export function isAdmin(admins: readonly string[], sessionId: string, senderId: string): boolean {
  const platform = sessionId.split(':')[0] ?? '';
  return admins.includes(senderId) || admins.includes(`${platform}:${senderId}`);
}
