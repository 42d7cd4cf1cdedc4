/**
 * `npm run docs:machines`: regenerates the parts of docs/machines/session.md that are read off the machine
 * definition — the Mermaid diagram between `<!-- diagram:start -->` / `<!-- diagram:end -->` and the event
 * and entry/exit tables between `<!-- events:start -->` / `<!-- events:end -->` — and keeps the hand-written
 * text around them. test/unit/machine-doc.test.ts fails when the committed page is out of date.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { sessionMachine } from '../machines/session-machine.js';
import { toEventTable, toMermaid, toStateActionTable } from '../src/docs/machine-diagram.js';

const docPath = fileURLToPath(new URL('../docs/machines/session.md', import.meta.url));

function replaceBetween(text: string, name: string, content: string): string {
  const start = `<!-- ${name}:start -->`;
  const end = `<!-- ${name}:end -->`;
  const from = text.indexOf(start);
  const to = text.indexOf(end);
  if (from < 0 || to < from) throw new Error(`${docPath} has no "${start}" … "${end}" markers`);
  return `${text.slice(0, from + start.length)}\n${content}${text.slice(to)}`;
}

const diagram = `\n\`\`\`mermaid\n${toMermaid(sessionMachine)}\`\`\`\n\n`;
const events = `\n${toEventTable(sessionMachine)}\nEntry and exit actions:\n\n${toStateActionTable(sessionMachine)}\n`;

const before = readFileSync(docPath, 'utf8');
const after = replaceBetween(replaceBetween(before, 'diagram', diagram), 'events', events);
if (after === before) {
  console.log(`${docPath} is up to date`);
} else {
  writeFileSync(docPath, after);
  console.log(`${docPath} regenerated`);
}
