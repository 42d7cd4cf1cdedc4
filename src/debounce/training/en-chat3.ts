/**
 * English chat templates by a third author. Each finished ending comes with unfinished lines that end alike:
 * "what are you up to" (whole) beside "what are you going to" (open); teasers ("you won't believe what" open,
 * "you won't believe this" / "guess what" whole); casual auxiliaries ("gonna grab food" whole, "i'm gonna" open);
 * hedges ("kinda" and "it's kinda weird" whole, "it's kinda" open); texting leads ("tbh i", "wait so" open,
 * "wait so you're not coming" whole); lists cut after a comma or "and"; quotes cut before the quote ("she was like");
 * complaints cut before their object ("i'm so sick of"); and time tails that finish a line at its end
 * ("i'll call you after class") but open it in front ("when i get home").
 */
import { statement } from './en-sentences.js';
import { en3 } from './en-chat3-lexicon.js';
import { chain, done, open, subordinate, unsure, type Piece } from './pieces.js';
import { maybe, type Random } from './random.js';


/** Words of a phrase: all but the last unclear, the last one may end. */
function closing(text: string): Piece[] {
  const words = text.split(' ');
  return words.map((word, index) => (index === words.length - 1 ? done(word) : unsure(word)));
}

/** A phrase that cannot end the line, kept whole: a cut inside it ("i'm" of "i'm so sick of") is not taught. */
function opening(text: string): Piece[] {
  return [open(text)];
}

const mark = (random: Random): Piece | undefined => (random.chance(0.35) ? done(random.pick(['?', '??', ' lol', ' tho', ' rn', ' tonight', ' haha', ' 👀'])) : undefined);
const lead = (random: Random, probability = 0.2): Piece | undefined =>
  random.chance(probability) ? unsure(random.pick(['so', 'ok', 'yo', 'hey', 'lol', 'wait', 'omg', 'bro', 'hmm', 'haha', 'ok but', 'and'])) : undefined;

/** what are you up to / what are you looking at (whole) against what are you going to / what are you guys (open). */
export function whatAreYou(random: Random): Piece[] {
  const what = random.pick(['what are you', 'what are you', 'what r u', 'what are u', "what're you", 'what r you', 'whatre you']);
  const roll = random.int(5);
  if (roll < 2) return chain(lead(random), opening(what), closing(random.pick(en3.whatAreYouEnds)), mark(random));
  if (roll < 4) {
    const [middle = 'going to', ends = 'do'] = random.pick(en3.whatAreYouOpen).split(' > ');
    return chain(lead(random), opening(what), opening(middle), closing(random.pick(ends.split(' / '))), mark(random));
  }
  // what do you think, what did you get (whole) against what do you, what should i (open).
  return chain(lead(random), opening(random.pick(en3.whLeads)), closing(random.pick(en3.whLeadEnds)), mark(random));
}

/** you won't believe what (open) against you won't believe what happened / you won't believe this / guess what (whole). */
export function teaser(random: Random): Piece[] {
  const roll = random.int(6);
  if (roll === 0) return chain(lead(random, 0.3), done(random.pick(['guess what', 'guess who', 'guess what happened', 'guess who i saw', 'guess where i am', "you'll never guess"])), maybe(random, 0.3, () => done(random.pick(['lol', '👀', '!!', '😭', '?']))));
  const teaserLead = random.pick(en3.teaserLeads);
  if (roll === 1) return chain(lead(random), opening(teaserLead), done(random.pick(['this', 'it', 'me', 'my luck', 'what i just saw', 'who texted me', 'how much it was', 'the news'])), maybe(random, 0.3, () => done(random.pick(['lol', '😭', '💀', '!!', 'omg']))));
  if (roll === 2) {
    // i can't believe he did that: a whole clause after the lead; the clause's own open cuts stay open.
    return chain(lead(random), opening(teaserLead), maybe(random, 0.3, () => open('that')), statement(random));
  }
  if (roll === 3) return chain(lead(random), open(random.pick(['the craziest thing just', 'something crazy just', 'the weirdest thing just', 'you know what just', 'omg something just', 'the funniest thing just'])), done(random.pick(['happened', 'happened lol', 'happened at work', 'happened to me'])));
  return chain(lead(random), opening(teaserLead), open(random.pick(en3.teaserWh)), closing(random.pick(en3.teaserEnds)), maybe(random, 0.25, () => done(random.pick(['lol', '😭', 'today', 'at work', 'last night', '💀']))));
}

/** gonna grab food / i'm gonna head out (whole) against i'm gonna / we're tryna (open). */
export function casualAux(random: Random): Piece[] {
  if (random.chance(0.15)) return chain(lead(random), done(random.pick(['gotta go', 'gotta run', 'gotta bounce', 'wanna?', 'wanna come?', 'u wanna?', 'you gonna?', 'gonna try', 'not gonna lie', 'gonna be late', 'wanna hang', 'tryna sleep', 'finna eat'])), maybe(random, 0.3, () => done(random.pick(['lol', 'bye', 'ttyl', 'tho', '😭', 'rn']))));
  const aux = random.pick(en3.casualAux);
  // gonna / tryna / about to follow a form of "be" (or nothing); wanna / gotta / might follow a bare subject.
  const beAux = /^(gonna|tryna|finna|bout to|abt to|about to|trying to|planning to|hoping to|supposed to|prob gonna|def gonna)$/u.test(aux);
  const subjects = en3.casualSubjects.filter((subject) => /'|^(im|i am|ur|i was|we were)$/u.test(subject) === beAux);
  const subject = random.chance(0.3) || subjects.length === 0 ? undefined : unsure(random.pick(subjects));
  return chain(lead(random, 0.15), subject, maybe(random, 0.2, () => open(random.pick(['lowkey', 'just', 'really', 'kinda', 'still']))), opening(aux), closing(random.pick(en3.casualVerbs)),
    maybe(random, 0.3, () => done(random.pick(['lol', 'rn', 'soon', 'tonight', 'later', 'tho', 'ngl', 'tbh', 'after this', 'in a bit', 'ig']))));
}

/** it's kinda weird (whole) against it's kinda / i'm sort of (open); a hedge alone answers. */
export function hedged(random: Random): Piece[] {
  if (random.chance(0.2)) return chain(maybe(random, 0.4, () => unsure(random.pick(['yeah', 'eh', 'lol', 'hmm', 'i mean', 'honestly', 'ngl']))), done(random.pick(['kinda', 'kind of', 'sort of', 'sorta', 'a bit', 'a little', 'lowkey', 'kinda yeah', 'pretty much'])), maybe(random, 0.3, () => done(random.pick(['lol', 'tbh', 'ig', 'why', '?', 'ngl']))));
  const hedge = random.pick(en3.hedges);
  const tail = random.chance(0.25) ? chain(open(random.pick(['a', 'like a', 'kind of a'])), done(random.pick(['mess', 'vibe', 'lot', 'scam', 'joke', 'flex', 'red flag', 'disaster', 'waste']))) : [done(random.pick(en3.hedgeAdjectives))];
  return chain(lead(random), unsure(random.pick(en3.hedgeLeads)), opening(hedge), tail, maybe(random, 0.3, () => done(random.pick(['lol', 'tbh', 'ngl', 'honestly', 'tho', 'ig', 'rn', '😭', 'not gonna lie']))));
}

/** tbh i don't care / ngl this slaps (whole) against tbh i / ngl this (open). */
export function textingLead(random: Random): Piece[] {
  const textLead = random.pick(en3.textLeads);
  if (random.chance(0.35)) {
    // wait so you're not coming (whole) against wait so / wait so are you (open); "wait what" is whole.
    const head = random.pick(['wait so', 'so wait', 'wait so like', 'ok wait so', 'hold on so', 'wait', 'so']);
    if (random.chance(0.12)) return chain(done(random.pick(['wait what', 'wait really', 'wait for real', 'wait why', 'wait how', 'wait who', 'wait where', 'wait huh', 'so what'])), maybe(random, 0.3, () => done(random.pick(['?', '??', 'lol', '😭']))));
    const headPieces = head === 'wait' || head === 'so' ? [unsure(head)] : opening(head);
    if (random.chance(0.4)) {
      const [middle = 'are you', ends = 'coming'] = random.pick(en3.waitSoOpen).split(' > ');
      return chain(headPieces, opening(middle), closing(random.pick(ends.split(' / '))), mark(random));
    }
    return chain(headPieces, closing(random.pick(en3.waitSoWhole)), mark(random));
  }
  const subject = random.pick(en3.textSubjects);
  // The rest has to fit its subject: "tbh i don't care", "ngl this slaps", "honestly it's kinda mid".
  const rests = /^(this|that|it|he|she|my mom|the food)$/u.test(subject)
    ? en3.textRests.filter((rest) => /^(is|was|looks|sounds|slaps|sucks|ate|did|isn't)\b/u.test(rest))
    : /'s$|'m$|^this is$/u.test(subject)
      ? en3.hedgeAdjectives
      : en3.textRests.filter((rest) => !/^(is|was|looks|sounds|slaps|sucks|isn't|am)\b/u.test(rest));
  return chain(unsure(textLead), open(subject), closing(random.pick(rests)), maybe(random, 0.25, () => done(random.pick(['lol', 'tbh', 'ngl', 'honestly', 'fr', 'tho', '😭', 'haha']))));
}

/** we need eggs, milk and bread (whole) against we need eggs, milk, / and also (open). */
export function listLine(random: Random): Piece[] {
  if (random.chance(0.15)) return chain(maybe(random, 0.3, () => unsure(random.pick(['ok', 'oh', 'wait', 'yeah']))), done(random.pick(["that's it", "that's all", 'anything else?', 'what else', 'anything else', 'and?', 'what else do we need', "that's everything", 'is that all'])));
  const items = [...en3.listItems];
  random.shuffle(items);
  const comma = (): Piece => open(random.pick([',', ',', ' ,', '', '']));
  const pieces: Piece[] = [unsure(random.pick(en3.listLeads))];
  pieces.push(done(items[0]!));
  if (random.chance(0.6)) pieces.push(comma(), done(items[1]!));
  pieces.push(random.chance(0.5) ? comma() : open(''), ...opening(random.pick(en3.listJoins)), done(items[2]!));
  return chain(lead(random, 0.1), pieces.filter((piece) => piece.text !== ''), maybe(random, 0.25, () => done(random.pick(['pls', 'thx', 'lol', 'too', 'if they have it', 'i think', 'for tonight']))));
}

/** she was like no way (whole) against she was like / he texted me saying (open). */
export function quoteCut(random: Random): Piece[] {
  const quoteLead = random.pick(en3.quoteLeads);
  const content = /(that|if|why)$/u.test(quoteLead) ? statement(random) : random.chance(0.6) ? closing(random.pick(en3.quotes)) : statement(random);
  return chain(maybe(random, 0.3, () => open(random.pick(['and', 'so', 'then', 'lol', 'and then', 'anyway']))), opening(quoteLead), maybe(random, 0.2, () => open(random.pick([',', ' "', ':', ' -']))), content, maybe(random, 0.25, () => done(random.pick(['lol', '💀', '😭', 'like ok', 'and left', 'haha']))));
}

/** i'm so sick of this (whole) against i'm so sick of / i hate when (open). */
export function complaintLine(random: Random): Piece[] {
  const complaintLead = random.pick(en3.complaintLeads);
  const ugh = maybe(random, 0.3, () => unsure(random.pick(['ugh', 'omg', 'bro', 'honestly', 'man', 'lol', 'ngl', 'seriously'])));
  let rest: Piece[];
  if (/always$/u.test(complaintLead)) rest = closing(random.pick(en3.complaintVerbs));
  else if (/(when|is|that)$/u.test(complaintLead)) rest = statement(random);
  else if (/than$/u.test(complaintLead)) rest = closing(random.pick(['waiting', 'traffic', 'mondays', 'wet socks', 'group projects', 'this']));
  else rest = random.chance(0.7) ? closing(random.pick(en3.complaintObjects)) : chain(open(random.pick(['people', 'him', 'my boss', 'everyone'])), closing(random.pick(['being late', 'ignoring me', 'acting like that', 'asking me that', 'complaining'])));
  return chain(ugh, opening(complaintLead), rest, maybe(random, 0.3, () => done(random.pick(['lol', '😤', '😭', 'fr', 'honestly', 'smh', 'tbh', 'man']))));
}

/** i'll call you after class (whole) against when i get home / after class i (open). */
export function timeTail(random: Random): Piece[] {
  if (random.chance(0.5)) return chain(statement(random), maybe(random, 0.3, () => unsure(',')), closing(random.pick(en3.timeTails)), maybe(random, 0.2, () => done(random.pick(['ok', 'lol', 'promise', '👍', 'maybe']))));
  const fronted = random.pick(en3.frontedClauses);
  // "if it rains tomorrow": a time word after the fronted clause still leaves the main clause to come.
  return chain(lead(random, 0.15), opening(fronted), maybe(random, 0.35, () => open(random.pick(['tomorrow', 'tonight', 'later', 'again', 'first', 'today', 'this weekend', 'next week', 'in time']))), maybe(random, 0.4, () => open(random.pick([',', '...', ' -']))), maybe(random, 0.2, () => open(random.pick(['then', 'maybe', 'i guess']))), statement(random));
}

/** Every template of this file with its relative weight, to add to the English templates. */
export const enChat3Templates: ReadonlyArray<readonly [number, (random: Random) => Piece[]]> = [
  [0.7, whatAreYou], [0.5, teaser], [0.5, casualAux], [0.5, hedged], [0.6, textingLead], [0.3, listLine], [0.4, quoteCut], [0.4, complaintLine], [0.4, timeTail],
];
