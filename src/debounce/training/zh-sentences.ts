/**
 * Chinese sentence templates built from clauses: questions, requests, paired connectives (如果…就…),
 * reported thoughts (我觉得…), openers (说真的…), chained clauses, time clauses, topics and short replies.
 */
import { chain, done, open, subordinate, unsure, type Piece } from './pieces.js';
import { clause, objectNoun, predicate, subject, verbOrPhrase, type ZhContext } from './zh-clauses.js';
import { zh } from './zh-lexicon.js';

function withoutParticle(pieces: Piece[]): Piece[] {
  const last = pieces[pieces.length - 1];
  return last !== undefined && zh.particles.includes(last.text) ? pieces.slice(0, -1) : pieces;
}

/** Yes/no and wh-questions: 你吃饭了吗, 你在哪, 几点出发, 为什么不去, 你去不去. */
export function question(context: ZhContext): Piece[] {
  const { random } = context;
  const who = open(random.pick(['你', '你', '你们', '他', '她', '咱们', subject(context)]));
  switch (random.int(8)) {
    case 0:
      return chain(withoutParticle(clause(context)), done(random.pick(zh.questionParticles)));
    case 1:
      return chain(who, open(random.pick(['在', '现在在', '今天在'])), done(random.pick(['干嘛', '干什么', '哪', '哪里', '哪儿', '忙什么'])), unsure(random.pick(['呢', '啊', ''])));
    case 2:
      return chain(who, open(random.pick(['什么时候', '几点', '怎么', '为什么', '为啥', '打算怎么', '到底要不要'])), withoutParticle(predicate(context)), unsure(random.pick(['啊', '呢', ''])));
    case 3:
      if (random.chance(0.4)) return chain(open(random.pick(['这个', '那个', '这道题', '这道菜', '这件事', '那首歌', objectNoun(context)])), open(random.pick(['怎么', '在哪', '什么时候', '去哪', '要怎么', '该怎么'])), done(random.pick(['做', '买', '用', '弄', '办', '写', '说', '修', '学', '选', '吃'])), unsure(random.pick(['啊', '呀', '呢', ''])));
      return chain(open(objectNoun(context)), done(random.pick(['多少钱', '在哪买的', '好吃吗', '怎么样', '是谁的', '还有吗', '哪来的'])));
    case 4: {
      const verb = random.pick(['去', '要', '吃', '来', '喝', '买', '走', '看', '玩', '睡']);
      return chain(who, done(`${verb}不${verb}`), unsure(random.pick(['啊', '呀', '嘛', ''])));
    }
    case 5:
      return chain(who, open(random.pick(['是不是', '有没有', '是不是又', '能不能', '会不会', '要不要'])), withoutParticle(predicate(context)), unsure(random.pick(['啊', '呀', ''])));
    case 6:
      if (random.chance(0.3)) return chain(open(random.pick(['为什么', '为啥', '怎么', '凭什么', '难怪'])), open(random.pick(['他', '你', '她', '我们', '他们', subject(context)])), withoutParticle(predicate(context)), unsure(random.pick(['啊', '呢', ''])));
      return chain(who, withoutParticle(predicate(context)), done(random.pick(['了没', '了没有', '没', '了吗', '过吗'])));
    default:
      return chain(open(random.pick(['谁', '哪个', '什么东西'])), withoutParticle(predicate(context)), unsure(random.pick(['啊', '了', ''])));
  }
}

/** Requests and suggestions: 帮我看一下, 别熬夜了, 一起去吃火锅吧, 记得带伞. */
export function request(context: ZhContext): Piece[] {
  const { random } = context;
  const action = done(verbOrPhrase(context));
  switch (random.int(5)) {
    case 0:
      return chain(open(random.pick(['帮我', '你帮我', '麻烦帮我', '能帮我'])), open(random.pick(zh.transitive)), done('一下'), unsure(objectNoun(context)), unsure(random.pick(['呗', '吧', '', '吗'])));
    case 1:
      return chain(open(random.pick(['别', '少', '你别', '别再'])), action, done('了'), unsure(random.pick(['啊', '哦', '好不好', ''])));
    case 2:
      return chain(random.chance(0.3) ? unsure(random.pick(['要不要一起', '一起吗', '一起不'])) : open(random.pick(['一起', '我们', '走，'])), action, done('吧'));
    case 3:
      return chain(open(random.pick(['记得', '你先', '快', '赶紧', '你去'])), action, unsure(random.pick(['哦', '啊', '吧', '呀', ''])));
    default:
      if (random.chance(0.5)) return chain(open(random.pick(['那', '那你', '那就', '行那', '好那', '那我们', '那我'])), random.chance(0.3) ? open(random.pick(zh.times)) : undefined, random.chance(0.5) ? open(random.pick(['早点', '先', '赶紧', '再', '慢慢'])) : undefined, done(random.pick([...zh.predicates, ...zh.shortVerbs])), unsure(random.pick(['吧', '哦', '啊', ''])));
      return chain(done(random.pick(['等我一下', '等等我', '来一下', '过来', '快来', '你说', '说吧', '你猜', '猜猜看', '别急', '慢点'])), unsure(random.pick(['', '哈', '嘛'])));
  }
}

/** Paired connectives: the first clause and the connectives are unfinished until the second clause ends. */
export function pairedClauses(context: ZhContext): Piece[] {
  const { random } = context;
  const [first, second] = random.pick(zh.pairs);
  if (first === '一边') {
    const [left, right] = [done(random.pick(zh.predicates)), done(random.pick(zh.predicates))];
    return chain(open(subject(context)), open('一边'), subordinate([left]), open('一边'), right);
  }
  const condition = subordinate(chain(open(first), withoutParticle(clause(context))));
  const link = random.chance(0.4) ? [open(random.pick(['，', ',', ' ']))] : [];
  const tail = random.chance(0.3) && first.match(/如果|要是|假如|万一/u) ? [open('的话')] : [];
  if (random.chance(0.15)) return chain(condition, tail, link);
  if (second === '怎么办') return chain(condition, tail, done(second));
  if (/^(就|也|都|还|还是|才|再)$/u.test(second) && random.chance(0.5)) {
    return chain(condition, tail, link, open(subject(context)), open(second), predicate(context));
  }
  const main = clause(context, { dropSubject: random.chance(0.5) });
  return chain(condition, tail, link, second === '' ? undefined : open(second), main);
}

/** Reported thoughts and speech: 我觉得他不会来了, 我妈说明天下雨, 醒来才知道下雪了. */
export function reported(context: ZhContext): Piece[] {
  const { random } = context;
  const lead = random.chance(0.7)
    ? open(subject(context))
    : open(random.pick([...zh.times, '回家', '到了', '打开手机', '出门', '后来', '一看']));
  return chain(lead, open(random.pick(zh.thinking)), random.chance(0.2) ? open('，') : undefined, clause(context));
}

/** What someone did or said, then what it is: 我说的是真的, 他买的是假货, 我想说的是…. */
export function cleft(context: ZhContext): Piece[] {
  const { random } = context;
  const lead = open(`${subject(context)}${random.pick(['说的', '想说的', '买的', '要的', '喜欢的', '担心的', '最怕的', '想问的', '点的'])}`);
  const rest = random.chance(0.5) ? [done(random.pick(['真的', '假的', '这个', '对的', '你', '奶茶', '实话', '这件事']))] : clause(context);
  return chain(lead, open('是'), rest);
}

/** A noun phrase that is only the topic, with the predicate after it: 这个月的房租…还没交. */
export function nounPhrase(context: ZhContext): Piece[] {
  const { random } = context;
  const owner = open(random.pick(['我们', '你们', '他们', '我们公司', '上周', '昨天', '学校', '我家', '隔壁', '那个', '这个', '刚才那个', '你上次说的', '我买的', '他发的']));
  const noun = random.chance(0.4) ? ` ${random.pick(zh.loanwords)} ` : random.pick([...zh.nounHeads, objectNoun(context)]);
  const position = random.chance(0.3) ? open(random.pick(['上', '的', '那边', '的话', '这块'])) : undefined;
  return chain(owner, random.chance(0.6) ? open('的') : undefined, open(noun), position, predicate(context));
}

/** A sticker code or emoji on its own, which is a complete message in chat. */
export function symbolsOnly(context: ZhContext): Piece[] {
  const { random } = context;
  const emoji = ['😂', '😭', '👍', '🤣', '😅', '🙏', '❤️', '😊', '🥺', '😡', '🤔', '👌', '🎉', '😴', '🐶', '💪', '😘', '🙃', '😱', '🌹'];
  const stickers = ['[捂脸]', '[微笑]', '[旺柴]', '[破涕为笑]', '[强]', '[OK]', '[偷笑]', '[哭]', '[呲牙]', '[抱拳]', '[doge]', '[裂开]'];
  const symbol = random.chance(0.5) ? random.pick(emoji) : random.pick(stickers);
  return [done(symbol.repeat(1 + random.int(3)))];
}

/** An opener that announces more, then the clause it announced: 说真的，我有点怕. */
export function opened(context: ZhContext): Piece[] {
  const { random } = context;
  return chain(open(random.pick(zh.openers)), random.chance(0.3) ? open(random.pick(['，', ',', '…', ' '])) : undefined, clause(context));
}

/** Two clauses joined by a continuer (then, but, so): 今天好累，但是很开心. */
export function chained(context: ZhContext): Piece[] {
  const { random } = context;
  const first = clause(context);
  const separator = random.pick(['，', ',', ' ', '', '。', '！']);
  const joint = separator === '。' || separator === '！' ? done(separator) : separator === ' ' ? unsure(separator) : open(separator);
  const continuer = random.chance(0.65) ? open(random.pick(zh.continuers)) : undefined;
  return chain(first, continuer === undefined && joint.text === '' ? undefined : joint, continuer, clause(context, { dropSubject: random.chance(0.6) }));
}

/** Time and purpose clauses: 我到家的时候，他已经睡了. */
export function timeClause(context: ZhContext): Piece[] {
  const { random } = context;
  const lead = subordinate(chain(withoutParticle(clause(context)), open(random.pick(['的时候', '之后', '以后', '之前', '的话', '完'])), open(random.pick(['，', '', ' ']))));
  return chain(lead, clause(context));
}

/** A topic noun phrase and what is said about it: 我昨天买的那件衣服太丑了. */
export function topic(context: ZhContext): Piece[] {
  const { random } = context;
  const modifier = random.chance(0.5)
    ? subordinate(chain(open(subject(context)), random.chance(0.4) ? open(random.pick(zh.times)) : undefined, open(random.pick(zh.transitive))))
    : [open(random.pick(['我们', '你们', '他们家', '楼下', '上次', '我们公司', '这家店', '学校', '隔壁']))];
  const head = chain(open('的'), open(random.pick([...zh.nounHeads, objectNoun(context)])));
  return chain(modifier, head, predicate(context));
}

/** A short reply that is complete on its own, sometimes doubled up (好的好的, 嗯嗯嗯). */
export function reply(context: ZhContext): Piece[] {
  const { random } = context;
  const text = random.pick(zh.replies);
  return [done(random.chance(0.1) ? text + text : text)];
}

/** A clause with an unfinished verb or preposition at the end: 我想买一个, 老板让我, 他把我的. */
export function danglingClause(context: ZhContext): Piece[] {
  const { random } = context;
  const lead = chain(open(subject(context)), random.chance(0.3) ? open(random.pick(zh.times)) : undefined);
  switch (random.int(4)) {
    case 0:
      return chain(lead, open(random.pick(zh.volition)), open(random.pick(zh.transitive)), open(random.pick(zh.measures)));
    case 1:
      return chain(lead, open(random.pick(zh.prepositions)), open(random.pick([...zh.subjects, objectNoun(context), '我的', '你的', '这个', '那个'])));
    case 2:
      return chain(lead, open(random.pick(['让我', '叫我', '要我', '帮我', '给我', '跟我', '问我', '告诉我'])));
    default:
      return chain(lead, open(random.pick(zh.adverbs)), open(random.pick(['是', '有', '在', '把', '要', '会', '想', '没', '开始', '准备', '打算', '决定', '跟', '给'])));
  }
}

/** Every Chinese template with its relative weight. */
export const zhTemplates: ReadonlyArray<readonly [number, (context: ZhContext) => Piece[]]> = [
  [5, clause], [3, question], [2, request], [3, pairedClauses], [2, reported], [2, opened], [2, chained],
  [1, timeClause], [1, topic], [2, reply], [1, danglingClause], [1, cleft], [1, nounPhrase], [0.3, symbolsOnly],
];
