/**
 * docs/machines/session.md shows the machine as it is: its diagram and event table are what
 * `src/docs/machine-diagram.ts` renders from today's definition (run `npm run docs:machines` after a change).
 */
import { readFileSync } from 'node:fs';
import { setup } from 'xstate';
import { describe, expect, it } from 'vitest';
import { sessionMachine } from '../../machines/session-machine.js';
import { groupVocabulary, isGroupRow } from '../../src/docs/group-rows.js';
import { stateNodesOf, toEventTable, toMermaid, toStateActionTable, transitionRowsOf } from '../../src/docs/machine-diagram.js';

const doc = readFileSync(new URL('../../docs/machines/session.md', import.meta.url), 'utf8');

function between(name: string): string {
  const match = new RegExp(`<!-- ${name}:start -->\\n([\\s\\S]*?)<!-- ${name}:end -->`).exec(doc);
  if (match === null) throw new Error(`docs/machines/session.md has no ${name} markers`);
  return match[1] ?? '';
}

describe('docs/machines/session.md', () => {
  it('shows the diagram of today\'s machine (npm run docs:machines regenerates it)', () => {
    const diagram = /```mermaid\n([\s\S]*?)```/.exec(between('diagram'))?.[1];
    expect(diagram).toBe(toMermaid(sessionMachine));
  });

  it('shows the event and entry/exit tables of today\'s machine', () => {
    const events = between('events');
    expect(events).toContain(toEventTable(sessionMachine));
    expect(events).toContain(toStateActionTable(sessionMachine));
  });

  it('describes each of the six states by name', () => {
    for (const state of ['idle', 'buffering', 'awaiting-llm', 'waiting', 'timed-out', 'proactive']) {
      expect(doc).toContain(`| \`${state}\` |`);
    }
  });
});

describe('docs/machines/group.md', () => {
  const groupDoc = readFileSync(new URL('../../docs/machines/group.md', import.meta.url), 'utf8');

  it('shows today\'s group transitions (npm run docs:machines regenerates them)', () => {
    const table = /<!-- group-events:start -->\n([\s\S]*?)<!-- group-events:end -->/.exec(groupDoc)?.[1] ?? '';
    expect(table).toContain(toEventTable(sessionMachine, isGroupRow));
  });

  it('names every group-only guard, action and timer of the machine, and each appears in a transition', () => {
    const rows = transitionRowsOf(sessionMachine).filter(isGroupRow);
    for (const word of groupVocabulary) {
      expect(groupDoc, word).toContain(word.replace(/^isCurrentTimer\((\w+)\)$/, '`$1`'));
    }
    const entries = stateNodesOf(sessionMachine).flatMap((node) => node.entry.map((action) => (typeof action === 'string' ? action : '')));
    const mentioned = new Set([...rows.flatMap((row) => [row.guard ?? '', ...row.actions]), ...entries].join(' ').match(/[A-Za-z]+(\([a-z]+\))?/g));
    for (const word of groupVocabulary) expect(mentioned.has(word) || [...mentioned].some((item) => item.startsWith(word)), word).toBe(true);
  });
});

describe('toMermaid', () => {
  const diagram = toMermaid(sessionMachine);

  it('starts at the initial state and labels edges with their event and guard', () => {
    expect(diagram.startsWith('stateDiagram-v2\n  [*] --> idle\n')).toBe(true);
    expect(diagram).toContain('idle --> buffering : message.received [isConversational]');
    expect(diagram).toContain('waiting --> timed_out : timer.fired [isCurrentTimer(wait)]');
  });

  it('gives hyphenated states Mermaid-safe ids with their real names as labels', () => {
    expect(diagram).toContain('state "awaiting-llm" as awaiting_llm');
    expect(diagram).not.toMatch(/--> awaiting-llm/);
  });

  it('draws eventless transitions, but neither root handlers nor transitions that stay put', () => {
    expect(diagram).toContain('buffering --> awaiting_llm : always [isUtteranceComplete and not hasSettleWindow]');
    expect(diagram).not.toContain('settings.changed');
    expect(diagram).not.toContain('session.opened');
  });

  it('merges transitions sharing an edge, spells out higher-order guards and marks inline ones', () => {
    const machine = setup({
      types: { events: {} as { type: 'go' } | { type: 'stop' } },
      guards: { isReady: () => true, isLate: () => false },
    }).createMachine({
      initial: 'a',
      on: { stop: { target: '.c' } },
      states: {
        a: {
          on: {
            go: [
              { guard: 'isReady', target: 'b' },
              { guard: ({ event }) => event.type === 'go', target: 'b' },
            ],
          },
        },
        b: { on: { go: { target: 'a' } } },
        c: { type: 'final' },
      },
    });
    const text = toMermaid(machine);
    expect(text).toContain('a --> b : go [isReady or (inline)]');
    expect(text).toContain('b --> a : go\n');
    expect(text).toContain('c --> [*]');
    expect(text).not.toContain('stop');
  });
});
