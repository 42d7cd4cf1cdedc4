/**
 * Chinese clause builders: a subject, optional time and adverb, and one of many predicate shapes, each piece
 * marked with whether the clause may stop after it (`pieces.ts`).
 */
import type { JiebaLexicon } from './jieba-lexicon.js';
import { chain, done, open, unsure, type Piece } from './pieces.js';
import { maybe, type Random } from './random.js';
import { zh } from './zh-lexicon.js';

/** What the clause builders draw from: the hand lexicon plus the jieba slices. */
export interface ZhContext {
  readonly random: Random;
  readonly jieba: JiebaLexicon;
}

const surnames = [...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高'];

/** A noun for an object slot: mostly everyday, sometimes any frequent dictionary noun. */
export function objectNoun({ random, jieba }: ZhContext): string {
  const roll = random.next();
  if (roll < 0.12) return random.chance(0.5) ? ` ${random.pick(zh.loanwords)} ` : random.pick(zh.loanwords);
  return roll < 0.65 ? random.pick(zh.objects) : random.pick(jieba.nouns);
}

// Dictionary verbs that do not finish a clause by themselves (modals, verbs of thinking, linking verbs).
const unfinishedVerbs = new Set(`可能 不能 能够 应该 需要 可以 要求 希望 觉得 认为 准备 打算 决定 开始 进行 成为 作为 没有 知道 起来 出来
  表示 认识 通过 使得 属于 包括 具有 加以 给予 予以 继续 进入 得到 受到 引起 造成 根据 关于 等于 在于 为了 对于 属于 有关 看来 看到 听到
  感到 觉得 以为 想到 想要 要是 就是 还是 只是 但是 而是 或是 可是 于是 不是 即是 便是 正是 也是 都是 总是 算是 像是 真是`.split(/\s+/u));

/** A finished verb or verb-object predicate: mostly from the chat list, sometimes any frequent dictionary verb. */
export function verbOrPhrase({ random, jieba }: ZhContext): string {
  if (random.chance(0.7)) return random.pick(zh.predicates);
  for (;;) {
    const verb = random.pick(jieba.verbs);
    if (!unfinishedVerbs.has(verb)) return verb;
  }
}

/** A subject: a pronoun or kin term, sometimes a name. */
export function subject(context: ZhContext): string {
  const { random } = context;
  const roll = random.next();
  if (roll < 0.08) return `${random.pick(['小', '老', '阿'])}${random.pick(surnames)}`;
  if (roll < 0.18) return `${random.pick(['我的', '你的', '他的', '我们的', '这个', '那个', '我家', '我们家的'])}${objectNoun(context)}`;
  return random.pick(zh.subjects);
}


function particle(random: Random, probability: number): Piece | undefined {
  return maybe(random, probability, () => done(random.pick(zh.particles)));
}

/** Adjective predicates: 好累啊, 有点贵, 饿死了, 挺好看的. */
function adjectivePredicate(context: ZhContext): Piece[] {
  const { random } = context;
  const adjective = random.chance(0.8) ? random.pick(zh.adjectives) : random.pick(context.jieba.adjectives);
  switch (random.int(4)) {
    case 0:
      return chain(open(random.pick(zh.degree)), done(adjective), particle(random, 0.4));
    case 1:
      return chain(open('太'), done(adjective), done('了'), particle(random, 0.2));
    case 2:
      return chain(done(adjective), done(random.pick(['死了', '爆了', '得不行', '到不行', '哭了'])), particle(random, 0.2));
    default:
      return chain(open(random.pick(['挺', '还挺', '蛮', '真'])), unsure(adjective), done('的'), particle(random, 0.2));
  }
}

/** Verb-object predicates with aspect: 在吃饭, 买了一杯奶茶, 把钥匙弄丢了, 去超市买菜. */
function verbPredicate(context: ZhContext): Piece[] {
  const { random } = context;
  const predicate = done(verbOrPhrase(context));
  switch (random.int(10)) {
    case 0:
      return chain(open(random.pick(['在', '正在', '还在'])), predicate, particle(random, 0.3));
    case 1:
      if (random.chance(0.2)) return chain(open(random.pick(['跑', '玩', '睡', '等', '忙', '学', '哭', '写', '走'])), open('了'), done(random.pick(['一晚上', '半天', '三个小时', '一下午', '好久', '十分钟', '一上午'])));
      if (random.chance(0.25)) return chain(open(random.pick(zh.transitive)), unsure(random.pick(['完', '好', '到', '完了', '好了'])), maybe(random, 0.3, () => open(random.pick(zh.measures))), done(objectNoun(context)), particle(random, 0.2));
      return chain(open(random.pick(zh.transitive)), unsure('了'), maybe(random, 0.5, () => open(random.pick(zh.measures))), done(objectNoun(context)), particle(random, 0.2));
    case 2:
      return chain(open('把'), open(objectNoun(context)), done(random.pick(['弄丢了', '吃完了', '忘了', '搞坏了', '打碎了', '带走了', '删了', '扔了', '拿走了', '用完了', '交了', '写完了', '发了', '修好了', '洗了', '退了', '卖了', '还了', '收好了', '放门口了'])));
    case 3:
      return chain(maybe(random, 0.3, () => open(random.pick(['想', '要', '打算', '准备']))), unsure(random.pick(['去', '到', '回'])), done(random.pick(zh.places)), maybe(random, 0.5, () => predicate), particle(random, 0.2));
    case 4:
      return chain(open(random.pick(zh.volition)), predicate, particle(random, 0.3));
    case 5:
      return chain(predicate, done(random.pick(['了', '过', '完了', '去了', '呢'])), particle(random, 0.2));
    case 6:
      if (random.chance(0.4)) return chain(open(random.pick(['在', '还在', '已经在', '现在在', '正在'])), done(random.pick(zh.places)), particle(random, 0.3));
      return chain(open(random.pick(['在', '刚', '已经'])), open(random.pick(zh.places)), predicate, particle(random, 0.2));
    case 7:
      return chain(open(random.pick(['跟', '和', '陪'])), open(random.pick(zh.subjects)), maybe(random, 0.5, () => open('一起')), predicate, particle(random, 0.3));
    case 8:
      return chain(open(random.pick(['要', '得', '打算', '准备'])), predicate, done('了'), particle(random, 0.2));
    default:
      return chain(open(random.pick(['在', '正在', '已经'])), done(random.pick(context.jieba.verbs)), maybe(random, 0.5, () => done('了')), particle(random, 0.2));
  }
}

/** Other finished predicates: 是我同学, 有两个, 被老板骂了, 跑得好快, 吃不完. */
function otherPredicate(context: ZhContext): Piece[] {
  const { random } = context;
  switch (random.int(10)) {
    case 5:
      return chain(maybe(random, 0.5, () => open(random.pick(['再', '先', '得', '要', '去', '来', '帮你']))), done(random.pick(zh.shortVerbs)), particle(random, 0.2));
    case 6:
      return chain(maybe(random, 0.3, () => open(random.pick(['已经', '终于', '还没', '差点', '总算']))), done(random.pick(zh.complements)), particle(random, 0.2));
    case 7:
      return chain(open(random.pick(zh.personVerbs)), done(random.pick(['你', '他', '她', '我', '你们', '他们', '我妈', '老板', '大家', '人家'])), particle(random, 0.3));
    case 8:
      return chain(open(random.pick(zh.volition)), open(random.pick(zh.transitive)), maybe(random, 0.3, () => open(random.pick(zh.measures))), done(objectNoun(context)), particle(random, 0.2));
    case 9:
      return chain(unsure(random.pick(['忘了', '知道', '喜欢', '收到', '看到', '找到', '听说了'])), open(random.pick(['我的', '你的', '他的', '那个', '这个', '我们的'])), done(objectNoun(context)), particle(random, 0.2));
    case 0:
      return chain(open(random.pick(['是', '就是', '不是'])), done(random.pick(['我同学', '我朋友', '新来的', '真的', '假的', '故意的', '我的错', '这样的', '对的', '他的', '免费的'])), particle(random, 0.3));
    case 1:
      return chain(unsure(random.pick(['有', '没有', '还有'])), done(objectNoun(context)), particle(random, 0.2));
    case 2:
      return chain(open('被'), open(random.pick(zh.subjects)), done(random.pick(['骂了', '说了一顿', '发现了', '拉黑了', '坑了', '笑了', '表扬了'])));
    case 3:
      return chain(open(`${random.pick(['跑', '吃', '说', '长', '睡', '写', '唱'])}得`), open(random.pick(zh.degree)), done(random.pick(zh.adjectives)));
    default:
      return chain(done(`${random.pick(['吃', '听', '看', '做', '睡', '买', '找'])}${random.pick(['不完', '不懂', '不着', '不到', '不起', '完了', '好了', '到了'])}`), particle(random, 0.3));
  }
}

/** A verb-object compound with an aspect or result marker inside it: 吃完饭, 洗了澡, 开过会. */
function splitCompound(random: Random): Piece[] {
  const compound = random.pick(zh.predicates.filter((word) => word.length === 2));
  const marker = random.pick(['完', '了', '过', '完了', '好']);
  return chain(done(`${compound.charAt(0)}${marker}${compound.charAt(1)}`), maybe(random, 0.3, () => done('了')), particle(random, 0.2));
}

/** A verb with a direction or result: 搬走了, 寄回来了, 跑出去了. */
function directional(random: Random): Piece[] {
  const verb = random.pick([...'搬拿跑寄送带走飞开退借还扔传放收']);
  const direction = random.pick(['走', '来', '回来', '回去', '出去', '进来', '上去', '下来', '过来', '起来']);
  return chain(done(`${verb}${direction}`), done('了'), particle(random, 0.2));
}

/** An English verb used as a Chinese one: 刚 push 了, check 一下. */
function loanVerb(random: Random): Piece[] {
  const verb = random.pick(['commit', 'push', 'check', 'review', 'fix', 'debug', 'merge', 'deploy', 'cover', 'carry', 'follow', 'update', 'reset', 'cancel', 'book', 'call']);
  return chain(maybe(random, 0.5, () => open(random.pick(['刚', '已经', '先', '要', '得', '帮你']))), unsure(` ${verb} `), done(random.pick(['了', '一下', '完了', '好了', '过了'])));
}

/** A finished predicate of any shape. */
export function predicate(context: ZhContext): Piece[] {
  const roll = context.random.next();
  if (roll < 0.08) return roll < 0.05 ? splitCompound(context.random) : directional(context.random);
  if (roll < 0.1) return loanVerb(context.random);
  if (roll < 0.22) return adjectivePredicate(context);
  if (roll < 0.62) return verbPredicate(context);
  return otherPredicate(context);
}

/** A full clause: subject (often dropped, as in chat), time, adverb and predicate. */
export function clause(context: ZhContext, options: { dropSubject?: boolean } = {}): Piece[] {
  const { random } = context;
  const hasSubject = !(options.dropSubject ?? random.chance(0.3));
  const time = maybe(random, 0.3, () => open(random.pick(zh.times)));
  const subjectPiece = hasSubject ? open(subject(context)) : undefined;
  const ordered = random.chance(0.5) ? [time, subjectPiece] : [subjectPiece, time];
  // A bare noun phrase can be an answer (谁去？我妈), so a clause cut right after it is not an unfinished example.
  if (ordered[0] === subjectPiece && subjectPiece !== undefined) ordered[0] = unsure(subjectPiece.text);
  // Chat fronts the topic: 这个我不懂, 那本书我看完了.
  if (random.chance(0.06)) ordered.unshift(open(random.pick(['这个', '那个', '这事', '那本书', '这首歌', '这家店', objectNoun(context)])));
  return chain(...ordered, maybe(random, 0.3, () => open(random.pick(zh.adverbs))), predicate(context));
}
