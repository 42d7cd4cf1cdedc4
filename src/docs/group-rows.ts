/**
 * Which transitions of the session machine are about group chats, for docs/machines/group.md: those whose
 * guard or actions name a group-only guard, action or timer.
 */
import type { TransitionRow } from './machine-diagram.js';

/** The group-only guards, actions and timers of the session machine. */
export const groupVocabulary = [
  'isGroupMessage',
  'isMemberMessage',
  'isGroupChat',
  'isJudgeResult',
  'isJoinApproved',
  'recordGroupMessage',
  'considerJudging',
  'settleCandidate',
  'startReadyJudgement',
  'recordJudgement',
  'planGroupProactive',
  'queueRebootReminder',
  'isCurrentTimer(judge)',
  'isCurrentTimer(silence)',
  'isPeriodicDue',
  'isPeriodicTurn',
  'planPeriodic',
  'beginPeriodic',
  'passPeriodic',
  'isCurrentTimer(periodic)',
] as const;

/** True when a transition row involves group chats; pure. */
export function isGroupRow(row: TransitionRow): boolean {
  const words = [row.guard ?? '', ...row.actions].join(' ');
  return groupVocabulary.some((word) => new RegExp(`(^|[^A-Za-z])${word.replace(/[()]/g, '\\$&')}($|[^A-Za-z])`).test(words));
}
