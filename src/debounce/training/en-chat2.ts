/**
 * English chat templates of the fourth round, by a second author: prepositional verbs whose object is still
 * missing (i ran into / i ran into my ex) beside particle verbs that are finished (he showed up), questions
 * with a stranded preposition (who are you going with, where to), embedded questions with "to" (idk what to
 * do), pseudo-clefts (that's what i'm saying), afterthought tails (me too honestly), slang reactions, gaming
 * and work talk, things that fail (my laptop won't turn on), idioms that end in a preposition or a pronoun
 * (it's on me), story openers with a time (so yesterday…), amounts (it's 30 bucks), "anyone…" questions and
 * bursts of a reaction followed by the line that decides.
 */
import { en } from './en-lexicon.js';
import { enx } from './en-chat-lexicon.js';
import { en2 } from './en-chat2-lexicon.js';
import { statement } from './en-sentences.js';
import { chain, done, open, unsure, type Piece } from './pieces.js';
import { maybe, type Random } from './random.js';


/** A phrase whose first word cannot end it, whose middle words are unclear and whose last word can. */
function phrase(text: string): Piece[] {
  const words = text.split(' ');
  if (words.length === 1) return [done(text)];
  return words.map((word, index) => (index === 0 ? open(word) : index === words.length - 1 ? done(word) : unsure(word)));
}

/** A verb phrase after "to": the verb alone may already finish it ("what to do"), the last word does. */
function verbPhrase(text: string): Piece[] {
  const words = text.split(' ');
  return words.map((word, index) => (index === words.length - 1 ? done(word) : unsure(word)));
}

/** Stretches one word as people type for emphasis: so → sooo, bruh → bruhhh. */
function stretch(text: string, random: Random): string {
  if (!random.chance(0.2)) return text;
  const words = text.split(' ');
  const index = random.int(words.length);
  const word = words[index]!;
  if (word.length < 2) return text;
  const last = word.charAt(word.length - 1);
  if (!/[a-z]/u.test(last)) return text;
  words[index] = word + last.repeat(1 + random.int(4));
  return words.join(' ');
}

/** An object after a preposition: a fixed phrase, or a determiner (open) and a noun. */
function prepObject(random: Random): Piece[] {
  if (random.chance(0.55)) return [done(random.pick(en2.prepObjects))];
  return chain(open(random.pick(enx.determiners)), done(random.pick(enx.nouns)));
}

const subjects = ['i', 'i', 'we', 'he', 'she', 'they', 'my mom', 'my sister', 'jake', 'my friend', 'me and my friend', 'my roommate', 'lol i', 'ngl i', 'bro i'];
const tail = (random: Random): Piece | undefined =>
  random.chance(0.25) ? done(random.pick(['lol', 'today', 'yesterday', 'last night', 'again', 'at the mall', 'at work', 'finally', '😭', 'haha', 'tho', 'earlier'])) : undefined;

/** The preposition of these particle verbs can take an object too: "i gave up" is whole, "i gave up on" is not. */
const particleWith: Readonly<Record<string, string>> = {
  'gave up': 'on', 'ran out': 'of', 'broke up': 'with', 'made up': 'with', 'showed up': 'at', 'freaked out': 'about', 'came over': 'to',
  'caught up': 'on', 'moved on': 'from', 'dropped out': 'of', 'backed out': 'of', 'checked out': 'of', 'got over it': 'and',
};

/** i ran into my ex / i ran into; i'm looking forward to the trip; he showed up / he showed up at. */
export function prepVerbLine(random: Random): Piece[] {
  const subject = unsure(random.pick(subjects));
  const adverb = maybe(random, 0.25, () => open(random.pick(['just', 'literally', 'finally', 'never', 'accidentally', 'totally', 'kinda', 'actually'])));
  const roll = random.int(7);
  if (roll === 6) {
    const who = random.pick(['you know', 'remember', 'i met', 'i saw', 'i talked to', 'so', 'ok so', 'my friend dated', 'there was', "there's", 'i ran into']);
    const head = random.pick(['that guy', 'the girl', 'this place', 'my friend', 'the lady', 'some dude', 'the cafe', 'that teacher', 'the kid', 'a guy', 'the store', 'this girl']);
    const preposition = random.pick(['from', 'from', 'at', 'with', 'near', 'in', 'on', 'across from', 'next to', 'behind', 'who works at', 'we met at']);
    return chain(unsure(who), unsure(head), open(preposition), prepObject(random), tail(random));
  }
  if (roll === 0) {
    const be = unsure(random.pick(["i'm", 'im', 'i am', 'i was', "he's", "she's", "we're", "they're", "i'm so", "i'm kinda", "i'm lowkey", "i'm really", "ngl i'm", "i'm not", "i'm soo", 'been']));
    return chain(be, open(random.pick(en2.prepAdjectives)), prepObject(random), tail(random));
  }
  if (roll === 1) {
    const particle = random.pick(en2.particlePast);
    const preposition = particleWith[particle];
    if (preposition !== undefined && random.chance(0.4)) return chain(subject, adverb, done(particle), open(preposition), prepObject(random), tail(random));
    return chain(subject, adverb, done(particle), tail(random));
  }
  const [base = 'talk about', past = 'talked about', ing = 'talking about'] = random.pick(en2.prepVerbs).split(' / ');
  if (roll === 2 || roll === 3) return chain(subject, adverb, open(past), prepObject(random), tail(random));
  if (roll === 4) return chain(unsure(random.pick(["i'm", 'im', "we're", "he's", "she's", 'i was', 'we were', "i've been", 'been', 'still', 'currently', 'rn i\'m'])), open(ing), prepObject(random), tail(random));
  const modal = random.pick(['i need to', 'i have to', 'we should', 'i wanna', "i'm gonna", 'can we', "let's", 'i forgot to', "don't", "i can't", "i don't wanna", 'did you', 'do you wanna', 'you should', 'remind me to', 'i still need to']);
  const question = /^(can|did|do) /u.test(modal);
  return chain(open(modal), open(base), prepObject(random), question ? maybe(random, 0.4, () => done('?')) : tail(random));
}

/** who are you going with, what's it for, where to: a question is whole with its preposition at the end. */
export function strandedQuestion(random: Random): Piece[] {
  const mark = maybe(random, 0.35, () => done(random.pick(['?', '??', ' tho', ' lol', ' exactly', ' again', '?? lol', ' rn'])));
  const roll = random.int(10);
  if (roll < 3) return chain(maybe(random, 0.2, () => unsure(random.pick(['wait', 'ok', 'lol', 'oh', 'hmm', 'and', 'so', 'ooh', 'nice']))), done(random.pick(en2.shortQuestions)), mark);
  if (roll < 5) {
    return chain(unsure(random.pick(["what's", "where's", "who's", 'whats', 'wheres', 'what is', 'who is', 'where is'])), unsure(random.pick(['it', 'that', 'this', 'this one', 'that thing', 'the party', 'the money'])),
      done(random.pick(['for', 'from', 'about', 'at', 'like', 'with', 'called', 'made of', 'in', 'by'])), mark);
  }
  const [ing = 'looking at', base = 'look at'] = random.pick(en2.strandedVerbs).split(' / ');
  const wh = unsure(/from|to$|at$|with$/u.test(base) && random.chance(0.3) ? 'where' : random.pick(['what', 'who', 'what', 'who', 'which one', 'what exactly', 'who tf', 'wtf', 'whatd', 'what else']));
  if (random.chance(0.5) && !base.startsWith('be ')) {
    return chain(wh, unsure(random.pick(['did you', 'do you', 'did he', 'does she', 'should i', 'should we', 'can i', 'do we', 'would you', 'did u', 'do u', 'did they', 'will you', 'are you gonna', 'u gonna', 'did you guys'])), unsure(base), mark);
  }
  return chain(wh, unsure(random.pick(['are you', 'r u', 'are u', 'is he', 'is she', 'were you', 'was he', 'are they', 'are we', 'were they', 'you', 'u', "you're", 'is everyone'])), unsure(ing), mark);
}

/** idk what to do, not sure where to go, tell me what to bring: the "to" needs its verb. */
export function embeddedQuestion(random: Random): Piece[] {
  const lead = unsure(random.pick(en2.whLeads));
  const after = maybe(random, 0.25, () => done(random.pick(['lol', 'tbh', 'honestly', 'tho', 'anymore', 'rn', 'tonight', 'tomorrow', 'for her birthday', 'here', 'at this point', 'ngl', '😭'])));
  if (random.chance(0.6)) {
    const wh = unsure(random.pick(['what', 'what', 'where', 'how', 'when', 'who', 'which one', 'what else', 'how much', 'what time', 'whether']));
    return chain(lead, wh, open('to'), verbPhrase(random.pick(en2.whInfinitives)), after);
  }
  const finite = random.pick(en2.whFinite);
  const wh = /^(i|he|she|you|it|that|they|we)\b/u.test(finite) ? random.pick(['what', 'where', 'why', 'how', 'when', 'who']) : 'what';
  return chain(lead, unsure(wh), phrase(finite), after);
}

/** that's what i'm saying, that's all i wanted: a cleft is whole once its verb (or preposition) arrives. */
export function cleftLine(random: Random): Piece[] {
  return chain(maybe(random, 0.25, () => unsure(random.pick(['yeah', 'exactly', 'yes', 'lol', 'see', 'right', 'no', 'ok', 'omg', 'bro']))), unsure(random.pick(en2.cleftLeads)), phrase(random.pick(en2.cleftEnds)),
    maybe(random, 0.2, () => done(random.pick(['lol', 'tho', 'earlier', 'too', 'all along', 'the whole time', '😂', 'tbh']))));
}

/** me too honestly, we should hang out more, he left already i think: an afterthought closes the line. */
export function tailedLine(random: Random): Piece[] {
  const reply = random.chance(0.3);
  const base = reply ? [done(random.pick(en.replies))] : statement(random);
  const tails = reply ? en2.tails : [...en2.tails, 'i think', 'i guess', 'i hope', 'if you want', 'if u want', 'if you need me', "if that's ok", 'if that helps', "if you're free", 'if u need anything', 'if you can'];
  return chain(base, done(stretch(random.pick(tails), random)), maybe(random, 0.15, () => done(random.pick(['lol', 'haha', '😭', 'tho', 'fr']))));
}

/** kinda, bruh, heard, gg, say what: slang reactions that are whole messages. */
export function reactionLine(random: Random): Piece[] {
  return chain(maybe(random, 0.2, () => unsure(random.pick(['lol', 'ok', 'yeah', 'nah', 'omg', 'bro', 'lmao', 'wait', 'ngl', 'haha', 'i mean']))), done(stretch(random.pick(en2.reactions), random)),
    maybe(random, 0.2, () => done(random.pick(['lol', '😭', '💀', '😂', 'fr', 'tho', '!!', 'haha', 'ngl', 'tbh']))));
}

const workDeterminers = ['the', 'my', 'your', 'a', 'that', 'this', 'our', 'his', 'her', 'their', 'the new'];

/** pushed the fix, can you review my pr, anyone on, my laptop won't turn on, blocked on design. */
export function workLine(random: Random): Piece[] {
  switch (random.int(6)) {
    case 0:
      return chain(maybe(random, 0.3, () => unsure(random.pick(['i', 'just', 'we', 'i just', 'finally', 'ok', 'ok i', 'he', 'someone']))), unsure(random.pick(en2.workVerbs)), open(random.pick(workDeterminers)), done(random.pick(en2.workNouns)),
        maybe(random, 0.25, () => done(random.pick(['lol', 'finally', '🎉', 'btw', 'just now', 'earlier', 'yesterday', 'for you', 'again', 'to main', 'to prod', 'fyi']))));
    case 1:
      return chain(open(random.pick(['can you', 'could you', 'can u', 'pls', 'please', 'can someone', 'could someone', 'would you mind', 'can you quickly', 'someone pls', 'lmk if you can'])), unsure(random.pick(en2.workAsks)), open(random.pick(workDeterminers)), done(random.pick(en2.workNouns)),
        maybe(random, 0.35, () => done(random.pick(['?', ' when you get a chance', ' pls', ' asap', ' today', ' before eod', ' thx', ' real quick', ' when ur free']))));
    case 2:
      return chain(done(random.pick(en2.workLines)), maybe(random, 0.25, () => done(random.pick(['?', 'lol', 'rn', 'pls', 'anyone', 'tonight', 'after this', 'brb', '😭', 'again']))));
    case 3:
      return chain(unsure(random.pick(en2.failingThings)), phrase(random.pick(en2.failures)), maybe(random, 0.3, () => done(random.pick(['again', 'lol', 'ugh', 'rn', 'today', 'smh', '😭', 'wtf', 'every time', 'this morning']))));
    case 4:
      return chain(open(random.pick(["i'm stuck on", 'blocked on', 'waiting on', 'still waiting on', "i'm working on", "can't get past", "we're blocked on", 'ping me about', 'almost done with', 'halfway through', 'just finished'])),
        random.chance(0.5) ? chain(open(random.pick(workDeterminers)), done(random.pick(en2.workNouns))) : done(random.pick(['design', 'review', 'legal', 'qa', 'him', 'the client', 'approval', 'their api', 'that bug', 'this level', 'the boss fight', 'level 3', 'it', 'you'])));
    default:
      return chain(open(random.pick(['anyone wanna', 'who wants to', 'need one more for', 'we need one more for', 'anyone up for', 'can someone carry me in', 'wanna play', 'wanna run', 'u down for', 'you down for', 'down for'])),
        done(random.pick(['ranked', 'a game', 'duos', 'squads', 'a raid', 'the dungeon', 'valorant', 'league', 'fortnite', 'minecraft', 'apex', 'val', 'one more', 'customs', 'comp', 'the boss', 'a match'])),
        maybe(random, 0.35, () => done(random.pick(['?', ' tonight', ' rn', ' later', ' after dinner', ' in 10']))));
  }
}

/** anyone want food, anyone awake, has anyone seen my charger, anyone know how to fix the wifi. */
export function anyoneQuestion(random: Random): Piece[] {
  const mark = maybe(random, 0.35, () => done(random.pick(['?', '??', ' lol', ' rn', ' tonight', ' pls'])));
  switch (random.int(4)) {
    case 0:
      return chain(unsure(random.pick(['anyone', 'anybody', 'is anyone', 'who', 'who else', "y'all", 'u guys', 'you guys', 'yall', 'everyone'])), done(random.pick(['awake', 'up', 'free', 'around', 'home', 'here', 'on', 'online', 'alive', 'else', 'down', 'hungry', 'coming', 'in'])), mark);
    case 1:
      return chain(open(random.pick(['anyone', 'anybody', 'does anyone', 'who', 'who else', 'any of you', 'does somebody'])), open(random.pick(['want', 'wanna get', 'need', 'have', 'got', 'down for', 'tryna get', 'wanna split', 'up for'])), prepObject(random), mark);
    case 2:
      return chain(open(random.pick(['has anyone', 'did anyone', 'anyone', 'has anybody', 'did u guys'])), open(random.pick(['seen', 'watched', 'tried', 'heard from', 'played', 'used', 'found'])), prepObject(random), mark);
    default:
    {
      const lead = open(random.pick(['anyone know', 'does anyone know', 'anybody know', 'do u guys know', 'who knows']));
      if (random.chance(0.5)) return chain(lead, open(random.pick(['how to', 'where to', 'when to'])), verbPhrase(random.pick(['fix the wifi', 'get there', 'cancel an order', 'reset my password', 'park', 'sign up', 'get tickets', 'apply', 'do this', 'beat this level'])), mark);
      return chain(lead, open(random.pick(['if', 'what time', 'where', 'why', 'when'])), random.chance(0.4) ? phrase(random.pick(['the store closes', 'the bus comes', 'it starts', 'class is', 'we meet', 'he left'])) : statement(random), mark);
    }
  }
}

/** so yesterday…, ok so last night…, when i got home…: the story has not been told yet. A bare time is an answer. */
export function storyOpener(random: Random): Piece[] {
  if (random.chance(0.15)) return chain(done(random.pick(en2.storyTimes.filter((time) => !time.startsWith('when')))), maybe(random, 0.3, () => done(random.pick(['lol', 'i think', 'why', '?', 'probably', 'ish']))));
  const comma = () => maybe(random, 0.3, () => open(random.pick([',', '...', ' -'])));
  // The time right after the lead is the cut that matters ("so yesterday"), so it is often the only one offered.
  // Leads that also stand alone as a message (ngl, anyway, bro) are unclear cut points; the rest are open.
  const lead = (text: string): Piece => (/^(ngl|anyway|wait|omg|bro|dude|guys|yo|welp|update|ok update|also|fun fact)$/u.test(text) ? unsure(text) : open(text));
  if (random.chance(0.3)) return chain(lead(random.pick(['so', 'ok so', 'and', 'but', 'and then', 'lol so', 'so like', 'anyway', 'wait', 'omg'])), comma(), open(random.pick(en2.storyTimes)));
  if (random.chance(0.3)) return chain(maybe(random, 0.4, () => lead(random.pick(en2.storyLeads))), open(random.pick(en2.storyClauses)), comma(), statement(random));
  return chain(lead(random.pick(en2.storyLeads)), comma(), open(random.pick(en2.storyTimes)), comma(), statement(random));
}

const moneyFrames = ["it's", 'it was', "it's like", 'it was like', 'it costs', 'it cost me', 'i paid', "that's", 'only', 'the ticket was', 'rent is', 'she charged me', 'they want', 'lunch was', 'dinner was', "it's only", 'tickets are', 'i owe you'];
const timeFrames = ['be there in', 'gimme', 'give me', 'it took', 'i slept', "i've been waiting", "we're like", "i'm like", "i'm", "we're", "it's like", 'another', 'only', 'back in', 'done in', 'maybe', 'like'];
const clockFrames = ['it starts at', "we're leaving at", "it's at", 'meet at', 'the game is at', "dinner's at", 'my flight is at', 'class starts at', 'i get off at', 'come by at', "let's do", 'how about', 'maybe', 'around', 'by'];
const countFrames = ['i got', 'scored', 'i have', 'we have', 'only', "there's like", 'there were like', 'we need', 'i ate', 'i drank', "i've watched", "it's", 'like', 'maybe'];

/** it's 30 bucks, be there in 10, starts at 8, i got 85 on it: a number finishes the line that announced it. */
export function amountLine(random: Random): Piece[] {
  const roll = random.int(4);
  const [frames, numbers, units] =
    roll === 0 ? [moneyFrames, ['5', '10', '12', '15', '20', '30', '40', '50', '100', '200', '8', '25', '60'], ['bucks', 'dollars', '', '', 'each', 'a month', 'per person', 'total']]
      : roll === 1 ? [timeFrames, ['2', '3', '5', '10', '15', '20', '30', '45', '1', '4', 'a few', 'like 5'], ['min', 'mins', 'minutes', 'hours', 'hrs', 'days', 'sec', 'more min', 'min away', 'mins out', 'stops away', 'more hours', '']]
        : roll === 2 ? [clockFrames, ['7', '8', '9', '6', '10', '7:30', '8:30', '6:45', '11', 'noon', '3'], ['', 'pm', 'am', 'ish', 'tonight', 'tomorrow', 'sharp']]
          : [countFrames, ['2', '3', '5', '10', '85', '90', '12', '40', '100', 'like 6', 'only 2'], ['more', 'left', 'ppl', 'people', 'of them', 'episodes', 'slices', 'tickets', 'percent', '%', 'on the test', 'points', 'kills', '']];
  const frame = random.pick(frames);
  const framePiece = /( at| in| like| costs| cost me| charged me| want| took| waiting| scored| is| was| are| about| give me| owe you)$|^(gimme|another)$/u.test(frame) ? open(frame) : unsure(frame);
  const money = roll === 0 && random.chance(0.4);
  const number = `${money ? '$' : ''}${random.pick(numbers)}`;
  const unit = money ? '' : random.pick(units);
  const numberPiece = unit === '' ? done(number) : unsure(number);
  return chain(maybe(random, 0.15, () => unsure(random.pick(['lol', 'ok', 'yeah', 'ugh', 'omg', 'bro', 'wait']))), framePiece, numberPiece, unit === '' ? undefined : done(unit),
    maybe(random, 0.2, () => done(random.pick(['lol', 'tho', 'total', 'max', 'tops', 'ish', 'or so', 'i think', 'already', '🙃', 'for real']))));
}

/** it's on me, i'm over it, he really said that, i miss u: idioms that end in a preposition or a pronoun. */
export function idiomLine(random: Random): Piece[] {
  return chain(maybe(random, 0.2, () => unsure(random.pick(['lol', 'ok', 'yeah', 'nah', 'aw', 'omg', 'bro', 'haha', 'dude', 'ugh', 'wait', 'no', 'lmao']))), done(stretch(random.pick(en2.idioms), random)),
    maybe(random, 0.2, () => done(random.pick(['lol', '❤️', '😭', 'fr', 'tho', '!', 'haha', '💀', 'tbh', 'honestly', 'too']))));
}

/** kinda, not really, a little: a hedge or degree word on its own answers a question. */
export function hedgeAnswer(random: Random): Piece[] {
  return chain(maybe(random, 0.35, () => unsure(random.pick(['yeah', 'ya', 'nah', 'um', 'i mean', 'lol', 'hmm', 'well', 'ok', 'yes', 'no', 'eh', 'mm']))),
    done(stretch(random.pick(['kinda', 'kinda', 'sorta', 'a little', 'kind of', 'sort of', 'not really', 'a bit', 'pretty much', 'somewhat', 'barely', 'definitely', 'maybe',
      'absolutely', 'not at all', 'not exactly', 'more or less', 'slightly', 'kinda yeah', 'a lot', 'too much', 'not much', 'not that much', 'hardly', 'obviously']), random)),
    maybe(random, 0.3, () => done(random.pick(['lol', 'tbh', 'ig', 'haha', '?', 'why', 'ngl', 'i guess', 'lmao', '😅']))));
}

/** A reaction and then the line that decides: "lol ok so", "omg wait did you hear about". */
export function burstLine(random: Random): Piece[] {
  const first = random.chance(0.5) ? done(random.pick(en.replies)) : done(random.pick(en2.reactions));
  const joint = maybe(random, 0.4, () => done(random.pick(['!', '.', '?', ' 😂', ' lol', ' haha'])));
  const next = random.pick([statement, prepVerbLine, storyOpener, strandedQuestion, embeddedQuestion, workLine, idiomLine, amountLine]);
  return chain(first, joint, next(random));
}

/** Every template of this file with its relative weight, to add to the English templates. */
export const enChat2Templates: ReadonlyArray<readonly [number, (random: Random) => Piece[]]> = [
  [0.8, prepVerbLine], [1, strandedQuestion], [0.3, hedgeAnswer], [0.5, embeddedQuestion], [0.3, cleftLine], [0.6, tailedLine], [0.5, reactionLine],
  [0.6, workLine], [0.3, anyoneQuestion], [0.6, storyOpener], [0.4, amountLine], [0.4, idiomLine], [0.4, burstLine],
];
