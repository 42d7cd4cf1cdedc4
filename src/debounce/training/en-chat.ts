/**
 * English chat templates added in the third round of the generator: a verb with a determiner and an object
 * noun (i forgot my umbrella / i forgot my), requests with a person and a thing (can u send me the link),
 * how-questions about a thing, status lines without a subject (just landed), frames that keep a clause open
 * (he keeps saying, we ended up, i'm not sure whether) with the clauses that finish them, and fixed replies
 * and abbreviations that end in words the other templates leave open (i think so, yes please, hbu).
 */
import { en } from './en-lexicon.js';
import { enx } from './en-chat-lexicon.js';
import { chain, done, open, unsure, type Piece } from './pieces.js';
import type { Random } from './random.js';
import { statement } from './en-sentences.js';

type Form = 0 | 1 | 2;

function verb(random: Random, form: Form): string {
  const forms = random.pick(enx.transitive).split(' ');
  // Phrasal verbs ("pick up") have two words per form.
  if (forms.length === 6) return `${forms[form * 2]} ${forms[form * 2 + 1]}`;
  return forms[form] ?? forms[0]!;
}

/** A determiner and a noun: the determiner alone cannot end the utterance. */
function objectPhrase(random: Random): Piece[] {
  const adjective = random.chance(0.15) ? open(random.pick(['new', 'old', 'last', 'other', 'big', 'whole', 'same', 'extra'])) : undefined;
  return chain(open(random.pick(enx.determiners)), adjective, done(random.pick(enx.nouns)));
}

function subjectPiece(random: Random): Piece {
  return unsure(random.pick(en.subjects));
}

/** i forgot my umbrella, we need more milk, she's cooking the pasta: the object slot is open until the noun. */
export function objectStatement(random: Random): Piece[] {
  const subject = subjectPiece(random);
  switch (random.int(4)) {
    case 0:
      return chain(subject, random.chance(0.3) ? open(random.pick(['just', 'finally', 'already', 'totally', 'accidentally', 'never'])) : undefined, unsure(verb(random, 1)), objectPhrase(random), random.chance(0.2) ? done(random.pick(['again', 'today', 'yesterday', 'lol', 'last night'])) : undefined);
    case 1:
      return chain(subject, open(random.pick(['need', 'want', 'have to', 'gotta', 'wanna', 'should', 'will', 'can', "can't", "don't wanna", 'need to', 'forgot to', 'still have to'])), unsure(verb(random, 0)), objectPhrase(random));
    case 2:
      return chain(open(random.pick(["i'm", 'im', "we're", "she's", "he's", "they're", 'i was', 'we were'])), unsure(verb(random, 2)), objectPhrase(random), random.chance(0.2) ? done(random.pick(['rn', 'now', 'right now', 'tonight'])) : undefined);
    default:
      return chain(subject, open(random.pick(['need', 'needs', 'want', 'have', 'got', 'bought', 'ordered', 'lost', 'found'])), open(random.pick(['more', 'some', 'a new', 'another', 'a few', 'two', 'no'])), done(random.pick(enx.nouns)));
  }
}

/** can u send me the link, could you grab some milk, did you get my text: a request or question with an object. */
export function objectQuestion(random: Random): Piece[] {
  const lead = open(random.pick(['can you', 'can u', 'could you', 'could u', 'will you', 'would you', 'did you', 'did u', 'have you', 'pls', 'please', 'can we', 'should we', 'wanna', 'do you wanna', 'mind if i']));
  const mark = random.chance(0.35) ? done(random.pick(['?', '??', ' pls', ' please', ' thx', ' lol'])) : undefined;
  if (random.chance(0.4)) {
    const person = random.pick(['me', 'him', 'her', 'us', 'them', 'my mom']);
    return chain(lead, unsure(random.pick(enx.ditransitive)), open(person), objectPhrase(random), mark);
  }
  if (random.chance(0.2)) return chain(lead, done(random.pick(['reschedule', 'talk', 'hang out', 'go', 'come', 'help', 'call', 'wait', 'stay', 'meet up', 'swap', 'skip it'])), mark);
  const form: Form = lead.text === 'have you' ? 1 : 0;
  return chain(lead, unsure(verb(random, form)), objectPhrase(random), mark);
}

/** how was the interview, where's my charger, what's the wifi password. */
export function howQuestion(random: Random): Piece[] {
  const mark = random.chance(0.4) ? done(random.pick(['?', '??', ' tho', ' lol'])) : undefined;
  return chain(open(random.pick(enx.howLeads)), objectPhrase(random), random.chance(0.15) ? done(random.pick(['password', 'thing', 'situation', 'plan'])) : undefined, mark);
}

/** Status lines with the subject dropped: just landed, heading out, can't sleep. */
export function statusLine(random: Random): Piece[] {
  const line = random.pick(enx.statusLines);
  return chain(done(line), random.chance(0.25) ? done(random.pick(['lol', 'rn', 'finally', 'ugh', 'haha', '!', '😴', 'again'])) : undefined);
}

/** he keeps calling me, we ended up staying, she's been working: the frame alone is unfinished. */
export function openFrame(random: Random): Piece[] {
  const frame = random.pick(enx.openFrames);
  const subject = random.pick(['he', 'she', 'i', 'we', 'they', 'my mom', 'my boss', 'my roommate', 'he said he', 'she told me she', 'i thought you']);
  const joined = frame.startsWith("'") ? `${subject}${frame}` : `${subject} ${frame}`;
  if (random.chance(0.3)) {
    const speech = random.pick(enx.speechIng);
    return chain(open(joined), open(speech), random.chance(0.5) ? open(random.pick(['me', 'us', 'everyone', 'that', 'about'])) : undefined, statement(random));
  }
  const base = /\bto$|would|could|should|will|might|can|must|rather/u.test(frame);
  const rest = base ? random.pick(['call', 'come', 'go', 'stay', 'help', 'leave', 'wait', 'try', 'do it', 'tell you', 'be there', 'pay']) : random.pick(enx.frameVerbs);
  return chain(open(joined), done(rest), random.chance(0.2) ? done(random.pick(['again', 'lol', 'all day', 'anyway', 'tho'])) : undefined);
}

/** i'm not sure whether we should go: the question word keeps the clause open until its clause ends. */
export function whetherClause(random: Random): Piece[] {
  return chain(unsure(random.pick(enx.whetherLeads)), open(random.pick(enx.whetherWords)), statement(random));
}

/** the problem is that…, the thing is…: a "that" after the frame cannot end it. */
export function thatFrame(random: Random): Piece[] {
  const lead = random.pick(['the problem is', 'the thing is', 'the point is', 'the reason is', 'the truth is', 'the good news is', 'the bad news is', 'all i know is', 'my guess is', 'the funny part is', 'it turns out', 'i just realized', 'i heard', 'he told me', 'she said', 'they said', 'i noticed']);
  return chain(open(lead), open('that'), statement(random));
}

/** Fixed replies and chat abbreviations that are complete on their own. */
export function fixedReply(random: Random): Piece[] {
  const text = random.chance(0.6) ? random.pick(enx.fixedReplies) : random.pick(enx.abbreviations);
  return chain(random.chance(0.15) ? done(random.pick(['ok', 'yeah', 'lol', 'haha', 'oh', 'hmm', 'yep', 'nah'])) : undefined, done(text));
}

/** he said no, my mom says hi: a speech verb with a one-word answer is a finished report. */
export function saidReply(random: Random): Piece[] {
  const who = random.pick(['he', 'she', 'they', 'my mom', 'my boss', 'the teacher', 'my dad', 'she just', 'he finally', 'everyone']);
  return chain(open(`${who} ${random.pick(['said', 'says', 'texted', 'replied', 'told me'])}`), done(random.pick(['no', 'yes', 'ok', 'maybe', 'sure', 'hi', 'thanks', 'sorry', 'hello', 'nope', 'fine', 'not yet', 'later', 'congrats'])), random.chance(0.2) ? done(random.pick(['lol', '!', 'again', 'haha'])) : undefined);
}

/** my train is delayed, the printer is broken again, this traffic is insane: a noun subject and its state. */
export function thingState(random: Random): Piece[] {
  const subject = chain(open(random.pick(['the', 'my', 'your', 'our', 'this', 'that', 'his', 'her'])), unsure(random.pick(enx.nouns)));
  const verb = open(random.pick(['is', 'was', "'s", 'got', 'is still', 'was so', 'is so', 'is kinda', 'has been', 'is already', 'was really', 'looks', 'seems', 'is getting']));
  const state = done(random.pick(['delayed', 'cancelled', 'broken', 'closed', 'sold out', 'late', 'ready', 'gone', 'done', 'over', 'open', 'full', 'empty',
    'dead', 'stuck', 'fixed', 'here', 'cold', 'amazing', 'insane', 'terrible', 'fine', 'weird', 'expensive', 'cheap', 'great', 'down', 'back', 'missing',
    'lost', 'on fire', 'packed', 'wet', 'dirty', 'clean', 'perfect', 'so good', 'the worst', 'the best', 'overrated', 'mid', 'too loud']));
  const glued = verb.text.startsWith("'") ? chain(unsure(`${subject.map((piece) => piece.text).join(' ')}${verb.text}`)) : chain(subject, verb);
  return chain(glued, state, random.chance(0.25) ? done(random.pick(['again', 'lol', 'rn', 'today', 'tho', 'ugh'])) : undefined);
}

/** Every template of this file with its relative weight, to add to the English templates. */
export const enChatTemplates: ReadonlyArray<readonly [number, (random: Random) => Piece[]]> = [
  [1.5, objectStatement], [1.2, objectQuestion], [0.5, howQuestion], [0.8, statusLine], [1, openFrame], [0.5, whetherClause],
  [0.4, thatFrame], [1, fixedReply], [0.3, saidReply], [0.7, thingState],
];
