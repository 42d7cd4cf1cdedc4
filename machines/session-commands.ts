/**
 * Chat commands a session answers itself, outside the conversation: `/reminders` lists the pending reminders,
 * `/reminders cancel <id>` cancels one; `/status` and `/reset` (admins only, `admin-commands.ts`) describe
 * the session and start it over; in groups `/heartflow` shows the judge's state and `/heartflow_reset`
 * (admins only) clears it. Pure.
 */
import { formatLocalDateTime } from './local-time.js';
import type { Reminder } from './session-types.js';

export type SessionCommand =
  | { command: 'reminders.list' }
  | { command: 'reminders.cancel'; id: number }
  | { command: 'heartflow.status' }
  | { command: 'heartflow.reset' }
  | { command: 'status' }
  | { command: 'reset' }
  | { command: 'unknown'; text: string };

/** Parses a command, or returns null for ordinary text; pure. */
export function parseCommand(text: string): SessionCommand | null {
  const trimmed = text.trim();
  if (/^\/status\s*$/iu.test(trimmed)) return { command: 'status' };
  if (/^\/reset\s*$/iu.test(trimmed)) return { command: 'reset' };
  if (/^\/heartflow\s*$/iu.test(trimmed)) return { command: 'heartflow.status' };
  if (/^\/heartflow_reset\s*$/iu.test(trimmed)) return { command: 'heartflow.reset' };
  if (/^\/heartflow(_\w*)?\b/iu.test(trimmed)) return { command: 'unknown', text: trimmed };
  if (!/^\/reminders\b/iu.test(trimmed)) return null;
  const cancel = /^\/reminders\s+cancel\s+#?(\d+)\s*$/iu.exec(trimmed);
  if (cancel !== null) return { command: 'reminders.cancel', id: Number(cancel[1]) };
  if (/^\/reminders\s*$/iu.test(trimmed)) return { command: 'reminders.list' };
  return { command: 'unknown', text: trimmed };
}

/** The notice listing reminders with their local times; pure. */
export function describeReminders(reminders: readonly Reminder[], timeZone: string): string {
  if (reminders.length === 0) return 'No reminders.';
  const lines = reminders.map((reminder) => `#${reminder.id} ${formatLocalDateTime(reminder.dueAt, timeZone)} ${reminder.text}`);
  return `Reminders:\n${lines.join('\n')}\nCancel one with /reminders cancel <id>.`;
}
