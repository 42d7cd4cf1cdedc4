/**
 * What the bot says or thinks when the model cannot be asked: inner thoughts by how far into the wait they
 * come (seed 002's fallback bands), and a plain reminder.
 */

/** A canned inner thought for a point `progress` (0–1) into a wait; pure. */
export function cannedThought(progress: number): string {
  if (progress < 0.3) return 'They will probably answer soon.';
  if (progress < 0.6) return 'Maybe they are busy right now.';
  if (progress < 0.85) return 'I wonder whether they saw my message.';
  return 'It has been a while; maybe I should do something else for now.';
}

/** The reminder text when the model cannot word it; pure. */
export function plainReminder(text: string): string {
  return `⏰ ${text}`;
}
