/**
 * Further English frames: existentials (there's a…), comparisons (better than…), relative clauses (the guy
 * who…), tag questions (…right?) and short stance replies (i'm in, count me in).
 */
import { en } from './en-lexicon.js';
import { chain, done, open, unsure, type Piece } from './pieces.js';
import type { Random } from './random.js';

const nouns = `cafe place guy girl movie song game show store dog party meeting deal bug thing problem idea video`.split(' ');

/** there's a new cafe downtown, there was this guy at the party. */
export function existential(random: Random): Piece[] {
  return chain(open(random.pick(["there's", 'there is', 'there was', 'there are', "there's this", 'there was this'])), open(random.pick(['a', 'a new', 'this', 'some', 'another'])), done(random.pick(nouns)), random.chance(0.4) ? open(random.pick(['at', 'in', 'near', 'on'])) : undefined, random.chance(0.4) ? done(random.pick(['work', 'the mall', 'my street', 'school', 'tv', 'town'])) : undefined);
}

/** this one is better than the old one, she's taller than me. */
export function comparison(random: Random): Piece[] {
  return chain(open(random.pick(['this one is', "she's", "it's", 'the new one is', 'your idea is', 'mine is'])), unsure(random.pick(['better', 'worse', 'bigger', 'cheaper', 'way better', 'faster'])), open(random.pick(['than', 'than the'])), done(random.pick(['me', 'yours', 'before', 'last time', 'i thought', 'old one', 'that'])));
}

/** the guy who sold me the phone, the place where we met: open until the relative clause has its verb. */
export function relative(random: Random): Piece[] {
  const head = unsure(random.pick(['the guy', 'the girl', 'the place', 'the song', 'the movie', 'that cafe', 'the teacher']));
  const marker = open(random.pick(['who', 'that', 'where', 'we']));
  return chain(open(random.pick(['remember', 'i saw', 'i love', 'i hate', 'did you see'])), head, marker, open(random.pick(['we', 'i', 'you', 'she'])), done(random.pick(['met', 'talked about', 'went to', 'liked', 'told you about', 'saw'])), random.chance(0.3) ? done('?') : undefined);
}

/** A statement with a tag: it's cold today right?, you're coming, aren't you. */
export function tagged(random: Random): Piece[] {
  return chain(done(random.pick(["you're coming", "it's friday", 'we have class', 'that was funny', "you're free", 'he left'])), unsure(random.pick([',', ''])), done(random.pick(['right', 'right?', 'huh', "aren't you", "isn't it", 'yeah?', 'no?'])));
}

/** Short stance replies: i'm in, count me in, i'm good, works for me. */
export function stance(random: Random): Piece[] {
  const lead = random.pick(["i'm", 'im', "we're", 'totally', 'sounds', 'works', 'count me']);
  const tail = random.pick(['in', 'down', 'good', 'out', 'fine', 'for me', 'great', 'ok with it']);
  return [unsure(lead), done(tail)];
}

/** An English subordinate clause joined in front of a reply: when you're free, text me. */
export function adverbial(random: Random): Piece[] {
  const subordinator = open(random.pick(en.subordinators));
  return chain(subordinator, open(random.pick(["you're", "i'm", "it's", 'we get', 'you get'])), open(random.pick(['free', 'home', 'done', 'there', 'back', 'ready'])), unsure(','), done(random.pick(['text me', 'call me', 'let me know', "we'll go", 'ping me', 'tell me'])));
}

/** Leave-taking with a time: see you on monday, talk to you later. */
export function farewell(random: Random): Piece[] {
  const lead = random.pick(['see you', 'see ya', 'talk to you', 'catch you', 'ttyl', 'bye', 'night', 'speak to you', 'meet you there']);
  const when = random.pick(['later', 'tomorrow', 'soon', 'tonight', 'next week', 'on monday', 'on friday', 'at 8', 'in a bit', 'then', 'there']);
  return chain(done(lead), random.chance(0.7) ? done(when) : undefined, random.chance(0.3) ? done(random.pick(['!', ' 👋', ' :)', ' xx'])) : undefined);
}

/** Every frame with its relative weight, to add to the English templates. */
export const enConstructions: ReadonlyArray<readonly [number, (random: Random) => Piece[]]> = [
  [0.5, existential], [0.4, farewell], [0.4, comparison], [0.4, relative], [0.4, tagged], [0.4, stance], [0.4, adverbial],
];
