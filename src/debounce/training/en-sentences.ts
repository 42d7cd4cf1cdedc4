/**
 * English sentence templates: statements in several tenses, questions, requests, conditionals, reported
 * thoughts, openers, chained clauses and short replies, as pieces marked with where they may stop.
 */
import { en, verbForms } from './en-lexicon.js';
import { chain, done, open, subordinate, unsure, type Piece } from './pieces.js';
import type { Random } from './random.js';

type Form = 'base' | 'past' | 'ing';

/** A verb phrase in `form`, split into words: function words cannot end it, the last word can. */
function verbPhrase(random: Random, form: Form): Piece[] {
  const [verb = 'go', ...rest] = random.pick(en.verbPhrases).split(' ');
  const [past, ing] = verbForms(verb);
  const head = form === 'base' ? verb : form === 'past' ? past : ing;
  const words = [head, ...rest];
  return words.map((word, index) => {
    if (index === words.length - 1) return done(word);
    if (en.function.includes(word)) return open(word);
    return unsure(word);
  });
}

/** An adjective, possibly with its complement ("proud of you"): the preposition inside cannot end it. */
function adjective(random: Random): Piece[] {
  const words = random.pick(en.adjectives).split('_');
  return words.map((word, index) => (index === words.length - 1 ? done(word) : index === 0 ? unsure(word) : open(word)));
}

function subjectOf(random: Random): string {
  return random.pick(en.subjects);
}

function be(subject: string, random: Random): string {
  if (subject === 'i') return random.pick(["i'm", 'i am', 'im', 'i was']);
  if (subject === 'you' || subject === 'we' || subject === 'they') return `${subject} ${random.pick(['are', 're', 'were'])}`.replace(' re', "'re");
  return `${subject} ${random.pick(['is', 'was', "'s"])}`.replace(" 's", "'s");
}

/** A statement: past, progressive, future, modal or adjective predicate. */
export function statement(random: Random): Piece[] {
  const subject = subjectOf(random);
  // A bare subject can be an answer ("you", "my mom"), so it is never used as an unfinished example on its own.
  const lead = random.chance(0.15) && subject === 'i' ? [] : [unsure(subject)];
  const time = random.chance(0.15) ? done(random.pick(en.times)) : undefined;
  switch (random.int(11)) {
    case 9: {
      const verb = random.pick(en.intransitive);
      if (random.chance(0.4)) return chain(open(subject), random.chance(0.3) ? open(random.pick(['just', 'already', 'finally', 'never', 'totally'])) : undefined, done(verbForms(verb)[0]), time);
      const third = subject !== 'i' && subject !== 'you' && subject !== 'we' && subject !== 'they';
      const form = third ? (verb.endsWith('s') || verb.endsWith('sh') ? `${verb}es` : verb.endsWith('y') && !/[aeiou]y$/u.test(verb) ? `${verb.slice(0, -1)}ies` : `${verb}s`) : verb;
      return chain(open(subject), random.chance(0.3) ? open(random.pick(['always', 'never', 'really', 'totally', 'kinda', 'still'])) : undefined, done(form), time);
    }
    case 10:
      if (random.chance(0.3)) return chain(open(subject), open(random.pick(['wants me to', 'told me to', 'asked me to', 'needs me to', 'wants us to', 'expects me to', 'made me'])), verbPhrase(random, 'base'));
      return chain(lead, open(random.pick(["can't", 'should', 'should totally', 'will', 'gonna', 'have to', "don't wanna", 'might', 'need to', 'wanna', "won't", "i'm not gonna", 'could'])), done(random.pick(en.intransitive)), time);
    case 6:
      if (random.chance(0.25)) return chain(open(random.pick(['it', "it's", 'it was', 'it might', 'it will', "it didn't"])), done(random.pick(['snow', 'snowing', 'cold', 'hot', 'fine', 'work', 'matter', 'late'])), time);
      return chain(lead, random.chance(0.4) ? open(random.pick(["don't", 'do', 'really', 'totally', 'still', "didn't", 'kinda', 'already', 'just', "don't even", 'even', 'honestly'])) : undefined, done(random.pick(en.shortPredicates)));
    case 7:
      if (random.chance(0.4)) return chain(lead, open(random.pick(en.speech)), open('that'), statement(random));
      return chain(lead, open(random.pick(en.speech)), random.chance(0.4) ? done(random.pick(['something', 'sorry', 'thanks', 'the same thing', 'hi', 'no', 'goodbye', 'congrats'])) : undefined);
    case 8:
      return chain(open(random.pick(["that's", 'thats', "it's", "you're", "he's", "she's", 'this is', "we're"])), random.chance(0.4) ? open(random.pick(en.degree)) : undefined, adjective(random));
    case 0:
      return chain(lead, random.chance(0.3) ? open(random.pick(['just', 'finally', 'already', 'totally', 'accidentally'])) : undefined, verbPhrase(random, 'past'), time);
    case 1:
      return chain(open(be(subject, random)), random.chance(0.2) ? open('not') : undefined, random.chance(0.3) ? done(verbForms(random.pick(en.intransitive))[1]) : verbPhrase(random, 'ing'), random.chance(0.2) ? done(random.pick(['rn', 'right now', 'now', 'again'])) : undefined);
    case 2:
      return chain(lead, open(random.pick(['will', 'gonna', "i'll", "we'll", "you'll", 'am gonna', 'should', 'have to', 'need to', 'want to', 'wanna', "can't", 'might', 'could'])), random.chance(0.2) ? open(random.pick(['definitely', 'really', 'just', 'totally', 'maybe', 'also'])) : undefined, verbPhrase(random, 'base'), time);
    case 3:
      return chain(open(subject === 'i' ? random.pick(["i'm", 'im', 'i feel', 'i was']) : be(subject, random)), random.chance(0.6) ? open(random.pick(en.degree)) : undefined, adjective(random));
    case 4:
      return chain(open(random.pick(["it's", 'this is', 'that was', 'the food was', 'the movie was', 'work is', 'today was', 'that sounds', 'the weather is'])), random.chance(0.6) ? open(random.pick(en.degree)) : undefined, adjective(random));
    default:
      if (random.chance(0.3)) return chain(open("i can't believe"), statement(random));
      // "i didn't" alone is a fine reply, so it is never used as an unfinished example.
      return chain(unsure(random.pick(["i don't", "i didn't", "we didn't", "he doesn't", "she won't"])), verbPhrase(random, 'base'));
  }
}

/** A question: did you…, are you…, wh-questions, can you…. */
export function question(random: Random): Piece[] {
  const mark = random.chance(0.5) ? done('?') : random.chance(0.2) ? done(random.pick(['yet', 'already', 'today', 'lol', 'tho', 'again'])) : undefined;
  switch (random.int(5)) {
    case 0:
      return chain(open(random.pick(['did you', 'did u', 'do you', 'do u wanna', 'can you', 'could you', 'will you', 'should we', 'wanna'])), verbPhrase(random, 'base'), mark);
    case 1:
      return chain(open(random.pick(['are you', 'r u', 'is he', 'are we', 'were you'])), verbPhrase(random, 'ing'), mark);
    case 2: {
      const wh = random.pick(['what', 'where', 'when', 'why', 'how', 'who']);
      const aux = random.pick(['are you', 'did you', 'do we', 'should i', 'r u', 'is she', 'are they', 'is he']);
      // "where are you", "how r u", "who is he" are whole questions; "what are you", "why did you" are not.
      const whole = /^(where|how|who)$/u.test(wh) && /^(are|r|is) /u.test(aux);
      return chain(open(wh), whole ? done(aux) : open(aux), random.chance(0.5) ? done(random.pick(['doing', 'going', 'up to', 'say', 'mean', 'think', ...en.intransitive])) : verbPhrase(random, 'base'), mark);
    }
    case 3:
      return chain(done(random.pick(['where are you', 'what time is it', "what's up", 'how are you', 'how was your day', 'you there', 'are you free', 'you up', 'u ok', 'what happened', 'who is this', 'how much is it'])), mark);
    default:
      return chain(open(random.pick(['is it ok if', 'do you know if', 'do you think', 'have you ever'])), open(subjectOf(random)), verbPhrase(random, 'past'), mark);
  }
}

/** Requests and suggestions: call me later, let's grab food, don't forget my keys. */
export function request(random: Random): Piece[] {
  const lead = random.pick(["let's", 'pls', 'please', "don't", 'go', 'just', 'remember to', "don't forget to", 'we should', 'you should', 'let me', 'hold on let me', 'wait let me', 'lemme']);
  return chain(open(lead), verbPhrase(random, 'base'), random.chance(0.3) ? done(random.pick(['later', 'tonight', 'tomorrow', 'pls', 'asap', 'with me'])) : undefined);
}

/** A subordinate clause and its main clause, in either order: if it rains, we'll stay in. */
export function conditional(random: Random): Piece[] {
  const condition = subordinate(chain(open(random.pick(en.subordinators)), statement(random)));
  const comma = random.chance(0.5) ? open(',') : undefined;
  if (random.chance(0.3)) return chain(condition, comma);
  if (random.chance(0.4)) return chain(statement(random), random.chance(0.3) ? unsure(',') : undefined, condition.map((piece, index) => (index === condition.length - 1 ? done(piece.text) : piece)));
  return chain(condition, comma, random.chance(0.3) ? open('then') : undefined, statement(random));
}

/** Reported thoughts and speech: i think she's mad, my mom said i should come home. */
export function reported(random: Random): Piece[] {
  return chain(open(random.pick(en.thinking)), random.chance(0.3) ? open('that') : undefined, statement(random));
}

/** An opener and the clause it announces: so basically i lost my keys. */
export function opened(random: Random): Piece[] {
  return chain(open(random.pick(en.openers)), random.chance(0.3) ? open(random.pick([',', '...', ':'])) : undefined, statement(random));
}

/** Two clauses joined by a continuer: i was tired but i went anyway. */
export function chained(random: Random): Piece[] {
  const separator = random.pick([',', '', '', '.', '!']);
  const joint = separator === '.' || separator === '!' ? done(separator) : separator === '' ? undefined : open(separator);
  const continuer = random.chance(0.8) || joint === undefined ? open(random.pick(en.continuers)) : undefined;
  return chain(statement(random), joint, continuer, statement(random));
}

/** A short reply, complete on its own. */
export function reply(random: Random): Piece[] {
  return [done(random.pick(en.replies))];
}

/** Every English template with its relative weight. */
export const enTemplates: ReadonlyArray<readonly [number, (random: Random) => Piece[]]> = [
  [5, statement], [3, question], [2, request], [2, conditional], [2, reported], [2, opened], [2, chained], [2, reply],
];
