/**
 * Further Chinese constructions with a fixed frame: comparisons (比), existentials (有个…), 一…就…, 连…都…,
 * 越…越…, 是…的, tag questions (…对吧), manner adverbials (…地) and quotes. Each frame is unfinished until
 * its last part arrives.
 */
import { chain, done, open, unsure, type Piece } from './pieces.js';
import { clause, objectNoun, predicate, subject, type ZhContext } from './zh-clauses.js';
import { zh } from './zh-lexicon.js';

/** 他比我高, 这个没有那个好看, 他跟我一样大. */
export function comparison(context: ZhContext): Piece[] {
  const { random } = context;
  const [linker, tail] = random.pick([['比', ''], ['没有', ''], ['跟', '一样'], ['和', '差不多'], ['不如', '']] as const);
  const adjective = done(random.pick(zh.adjectives));
  return chain(open(subject(context)), open(linker), open(random.pick([...zh.subjects, '那个', '以前', '昨天', '上次'])), tail === '' ? undefined : unsure(tail), random.chance(0.3) ? open(random.pick(['还', '更', '稍微'])) : undefined, adjective, random.chance(0.3) ? done(random.pick(['多了', '一点', '啊'])) : undefined);
}

/** 楼下有个快递, 有人在吗, 我们班有个同学转学了. */
export function existential(context: ZhContext): Piece[] {
  const { random } = context;
  const place = random.chance(0.5) ? open(random.pick([...zh.places, '我们班', '群里', '外面', '门口'])) : undefined;
  const thing = random.chance(0.5) ? done(objectNoun(context)) : open(random.pick(['人', '同学', '朋友', '猫', '快递员', '老师']));
  const measure = open(random.pick(['有个', '有一个', '有只', '有人', '有几个', '来了个', '有一家']));
  const rest = thing.stop === true ? undefined : predicate(context);
  return chain(place, measure, thing.text === '人' && measure.text === '有人' ? undefined : thing, rest);
}

/** 我一到家就睡了, 他连饭都没吃, 越想越气. */
export function linkedFrame(context: ZhContext): Piece[] {
  const { random } = context;
  const verb = random.pick(zh.predicates);
  switch (random.int(3)) {
    case 0:
      return chain(open(subject(context)), open('一'), open(verb), open('就'), predicate(context));
    case 1:
      return chain(open(subject(context)), open('连'), open(objectNoun(context)), open(random.pick(['都', '也'])), done(random.pick(['没吃', '不会', '没看', '忘了', '不要了', '没带', '找不到'])));
    default: {
      const first = random.pick([...'想看听说吃玩走']);
      return chain(open('越'), open(first), open('越'), done(random.pick(zh.adjectives)), unsure(random.pick(['了', '', '啊'])));
    }
  }
}

/** 他是坐地铁来的, 你是故意的吧, 是我不好. */
export function shiDe(context: ZhContext): Piece[] {
  const { random } = context;
  const how = random.pick(['坐地铁', '打车', '昨天', '跟朋友一起', '故意', '开车', '专门', '走路', '从公司']);
  return chain(open(subject(context)), open(random.pick(['是', '不是', '就是'])), open(how), done(random.pick(['来的', '的', '买的', '去的', '说的', '做的'])), unsure(random.pick(['吧', '啊', '', '呀'])));
}

/** A statement with a tag question: 明天放假对吧, 你也去是吧. */
export function tagged(context: ZhContext): Piece[] {
  const { random } = context;
  return chain(clause(context), unsure(random.pick(['，', '', ' '])), done(random.pick(['对吧', '是吧', '好不好', '行不行', '可以吗', '对不对', '是不是', '好吗', '没问题吧'])));
}

/** 他慢慢地走了, 开心地笑了: the manner word leaves the sentence open until the verb. */
export function manner(context: ZhContext): Piece[] {
  const { random } = context;
  return chain(open(subject(context)), open(`${random.pick(['慢慢', '偷偷', '开心', '认真', '默默', '狠狠', '悄悄', '使劲'])}地`), done(random.pick([...zh.predicates, '走了', '笑了', '哭了'])), unsure(random.pick(['了', '', '呢'])));
}

/** Quoted speech: 他说"我不去了", with the quote unclosed until it is. */
export function quoted(context: ZhContext): Piece[] {
  const { random } = context;
  const [left, right] = random.pick([['“', '”'], ['「', '」'], ['"', '"']] as const);
  return chain(open(subject(context)), open(random.pick(['说', '问', '回我', '发了句'])), open(random.pick(['：', ':', ''])), open(left), subjectless(clause(context)), done(right));
}

/** A stance adverb and the clause it qualifies: 估计他不来了, 幸好没下雨; the adverb alone is unfinished. */
export function stance(context: ZhContext): Piece[] {
  const { random } = context;
  const adverb = random.chance(0.8)
    ? open(random.pick(['估计', '应该', '可能', '大概', '据说', '毕竟', '难怪', '怪不得', '幸好', '可惜', '好在', '看来', '貌似', '反正', '万一', '其实']))
    : unsure(random.pick(['果然', '原来', '居然', '确实']));
  return chain(adverb, random.chance(0.2) ? open('，') : undefined, clause(context));
}

/** Assurance with a final 的: 他会来的, 一定会好的, 没事的. */
export function assurance(context: ZhContext): Piece[] {
  const { random } = context;
  return chain(random.chance(0.6) ? unsure(subject(context)) : undefined, open(random.pick(['会', '一定会', '肯定会', '不会', '能', '可以', '应该会'])), unsure(random.pick([...zh.predicates, '好', '来', '去', '没事', '过去', '成功'])), done('的'), unsure(random.pick(['', '啦', '呀', '放心吧'])));
}

/** Addressing someone first: 宝宝你在干嘛, 亲爱的晚安; the name alone is a complete call for attention. */
export function vocative(context: ZhContext): Piece[] {
  const { random } = context;
  const name = done(random.pick(['宝宝', '亲爱的', '宝', '老婆', '老公', '哥', '姐', '老师', '兄弟', '姐妹', '小宝贝', '亲']));
  return chain(name, unsure(random.pick(['', '，', ' ', '~'])), random.chance(0.5) ? clause(context) : [done(random.pick(zh.replies))]);
}

function subjectless(pieces: Piece[]): Piece[] {
  return pieces.map((piece) => open(piece.text));
}

/** Every construction with its relative weight, to add to the Chinese templates. */
export const zhConstructions: ReadonlyArray<readonly [number, (context: ZhContext) => Piece[]]> = [
  [0.6, comparison], [0.6, existential], [0.8, linkedFrame], [0.4, shiDe], [0.6, tagged], [0.3, manner], [0.3, quoted],
  [0.8, stance], [0.4, assurance], [0.4, vocative],
];
