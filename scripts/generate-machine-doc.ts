/**
 * `npm run docs:machines`: regenerates the parts of docs/machines/session.md that are read off the machine
 * definition — the Mermaid diagram between `<!-- diagram:start -->` / `<!-- diagram:end -->` and the event
 * and entry/exit tables between `<!-- events:start -->` / `<!-- events:end -->` — and the table of group
 * transitions in docs/machines/group.md (`<!-- group-events:… -->`), keeping the hand-written text around them.
 * test/unit/machine-doc.test.ts fails when a committed page is out of date.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { sessionMachine } from '../machines/session-machine.js';
import { isGroupRow } from '../src/docs/group-rows.js';
import { toEventTable, toMermaid, toStateActionTable } from '../src/docs/machine-diagram.js';

const docPath = fileURLToPath(new URL('../docs/machines/session.md', import.meta.url));
const groupDocPath = fileURLToPath(new URL('../docs/machines/group.md', import.meta.url));

function replaceBetween(text: string, name: string, content: string, path = docPath): string {
  const start = `<!-- ${name}:start -->`;
  const end = `<!-- ${name}:end -->`;
  const from = text.indexOf(start);
  const to = text.indexOf(end);
  if (from < 0 || to < from) throw new Error(`${path} has no "${start}" … "${end}" markers`);
  return `${text.slice(0, from + start.length)}\n${content}${text.slice(to)}`;
}

const diagram = `\n\`\`\`mermaid\n${toMermaid(sessionMachine)}\`\`\`\n\n`;
const events = `\n${toEventTable(sessionMachine)}\nEntry and exit actions:\n\n${toStateActionTable(sessionMachine)}\n`;

function update(path: string, transform: (text: string) => string): void {
  const before = readFileSync(path, 'utf8');
  const after = transform(before);
  if (after === before) {
    console.log(`${path} is up to date`);
  } else {
    writeFileSync(path, after);
    console.log(`${path} regenerated`);
  }
}

update(docPath, (text) => replaceBetween(replaceBetween(text, 'diagram', diagram), 'events', events));
update(groupDocPath, (text) => replaceBetween(text, 'group-events', `\n${toEventTable(sessionMachine, isGroupRow)}\n`, groupDocPath));
