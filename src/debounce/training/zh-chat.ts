/**
 * Chinese chat templates added in the second round of the generator: question words at the end (晚上吃啥),
 * tag questions after a statement (…你知道吗), purpose after a motion (我下去拿), durations (等我十分钟),
 * 先 + verb, psych verbs with a person, noun-phrase subjects with a degree adjective (他家的奶茶巨好喝),
 * agreement (我也这么觉得), numbers and prices, 是…的 questions, and the unfinished shapes that mirror them:
 * a plan whose motion verb has no goal (我们打算周末去), a verb of meeting with no object (在楼下碰见), a verb
 * with a measure word and no noun (买了个), a topic marked with 吧 (这件事吧), an announced question
 * (我一直想问你), adverbial openers (好不容易) and modified noun phrases that are only a topic.
 */
import { chain, done, open, unsure, type Piece } from './pieces.js';
import { maybe, type Random } from './random.js';
import { clause, objectNoun, predicate, subject, verbOrPhrase, type ZhContext } from './zh-clauses.js';
import { zhx } from './zh-chat-lexicon.js';
import { zh } from './zh-lexicon.js';


function particle(random: Random, probability: number, list: readonly string[] = ['啊', '呀', '呢', '吧', '啦', '哦', '嘛', '诶', '哈']): Piece | undefined {
  return maybe(random, probability, () => done(random.pick(list)));
}

/** A Chinese person's name as chat writes it: full name, given name, 小X / 老X, or a nickname. */
export function personName(random: Random): string {
  switch (random.int(5)) {
    case 0:
      return `${random.pick(zhx.surnames)}${random.pick(zhx.givenNames)}`;
    case 1:
      return random.pick(zhx.givenNames);
    case 2:
      return `${random.pick(['小', '老', '阿'])}${random.pick(zhx.surnames)}`;
    case 3:
      return `${random.pick(zhx.surnames)}${random.pick(['老师', '总', '哥', '姐', '经理', '医生', '阿姨', '叔'])}`;
    default:
      return random.pick(zhx.nicknames);
  }
}

/** A number written with digits or Chinese numerals. */
export function numberWord(random: Random): string {
  if (random.chance(0.55)) return String(random.chance(0.5) ? 1 + random.int(12) : 1 + random.int(500));
  return random.pick(zhx.numerals);
}

/** A subject: mostly the usual ones, sometimes a name or a noun phrase with an owner. */
function anySubject(context: ZhContext): string {
  const { random } = context;
  const roll = random.next();
  if (roll < 0.15) return personName(random);
  if (roll < 0.3) return `${random.pick([...zhx.owners, ...zhx.deictic])}${random.pick(zhx.heads)}`;
  return subject(context);
}

/** A modified noun phrase that can be a subject: 他家的奶茶, 刚才那个人, 你发的视频. */
function nounPhraseSubject(context: ZhContext): Piece[] {
  const { random } = context;
  const head = random.pick(zhx.heads);
  switch (random.int(4)) {
    case 0:
      return [unsure(`${random.pick(zhx.owners)}${head}`)];
    case 1:
      return [unsure(`${random.pick(zhx.deictic)}${head}`)];
    case 2:
      // A relative clause: 你发的视频, 我昨天买的那件衣服. As a whole it reads as a topic waiting for its predicate.
      return chain(unsure(random.pick(['你', '我', '他', '她', '我们', '你上次', '我昨天', '他们', '老板', '我妈'])), open(random.pick(['发', '买', '推荐', '说', '做', '点', '写', '拍', '找', '带', '借'])), unsure('的'), random.chance(0.6) ? open(`${random.pick(['那个', '那家', '那件', '那条'])}${head}`) : unsure(head));
    default:
      return [unsure(`${random.pick(['这', '那'])}${random.pick(['个', '家', '件', '本', '部', '首', '条', '只', '位', '种'])}${head}`)];
  }
}

/** 他家的奶茶巨好喝, 刚才那个人好凶, 这件衣服有点贵. */
export function nounAdjective(context: ZhContext): Piece[] {
  const { random } = context;
  const np = nounPhraseSubject(context);
  const adjective = random.chance(0.7) ? random.pick(zhx.adjectives) : random.pick(zh.adjectives);
  switch (random.int(4)) {
    case 0:
      return chain(np, open(random.pick(zhx.degree)), done(adjective), particle(random, 0.35), maybe(random, 0.1, () => done(random.pick(['了', '的']))));
    case 1:
      return chain(np, maybe(random, 0.3, () => open(random.pick(['真的', '确实', '还是', '也', '一直', '又']))), open(random.pick(zh.degree)), done(adjective), particle(random, 0.3));
    case 2:
      return chain(np, done(`${adjective}${random.pick(['死了', '爆了', '哭了', '到不行', '得要命', '炸了'])}`), particle(random, 0.2));
    default:
      return chain(np, maybe(random, 0.4, () => open(random.pick(['真的', '确实', '其实', '还'])) ), predicate(context));
  }
}

/** 晚上吃啥, 你去哪, 他找谁, 你买了啥, 这咋办. */
export function whEnding(context: ZhContext): Piece[] {
  const { random } = context;
  const who = maybe(random, 0.6, () => unsure(random.pick(['你', '你们', '我们', '他', '咱', '咱们', '她', anySubject(context)])));
  const time = maybe(random, 0.35, () => open(random.pick(zh.times)));
  switch (random.int(4)) {
    case 0: {
      const verb = random.pick(['吃', '喝', '买', '看', '玩', '干', '做', '点', '穿', '带', '送', '说', '找', '选', '用', '学', '去', '要']);
      return chain(time, who, open(random.pick(['', '', '想', '要', '打算', '准备', '该'])), unsure(verb), maybe(random, 0.3, () => unsure('了')), done(random.pick(['啥', '什么', '哪', '谁', '哪个', '几个', '多少', '啥好', '点啥', '啥呢'])), particle(random, 0.3, ['呢', '啊', '呀', '嘞']));
    }
    case 1:
      return chain(who, time, open(random.pick(['咋', '怎么', '为啥', '为什么', '咋又', '怎么又', '怎么还'])), done(random.pick(['了', '办', '回事', '说', '弄', '不说话', '不回我', '没来', '还不睡', '这么晚', '知道的', '想的', '来的', '搞的', '哭了'])), particle(random, 0.3, ['呢', '啊', '呀']));
    case 2:
      return chain(unsure(random.pick([...zhx.heads, objectNoun(context), '这个', '那个', '你', '他', '明天', '今天', '周末'])), done(random.pick(['咋样', '怎么样', '如何', '在哪', '在哪儿', '多少钱', '几点', '啥时候', '好不好', '行不行', '咋办', '怎么办', '呢'])), particle(random, 0.2, ['啊', '呀']));
    default:
      // 是…的 questions: 你咋知道的, 这衣服多少钱买的, 你怎么来的.
      return chain(maybe(random, 0.6, () => unsure(random.pick(['你', '他', '这个', '这衣服', '你们', '她', '这']))), open(random.pick(['咋', '怎么', '多少钱', '什么时候', '啥时候', '在哪', '跟谁', '几点'])), done(`${random.pick(['知道', '来', '买', '弄', '搞', '去', '做', '发现', '认识', '学', '到'])}的`), particle(random, 0.3, ['啊', '呀', '呢']));
  }
}

/** A statement with a tag question or a reaction after it: 他俩分了你知道吗, 我考过了哈哈哈. */
export function tagAfter(context: ZhContext): Piece[] {
  const { random } = context;
  return chain(clause(context), unsure(random.pick(['', '', ' ', '，'])), done(random.pick(zhx.tags)), maybe(random, 0.1, () => done(random.pick(['？', '!', '😂']))));
}

/** 我下去拿, 我出去买点东西, 你过来吃饭: motion then purpose. */
export function motionPurpose(context: ZhContext): Piece[] {
  const { random } = context;
  return chain(maybe(random, 0.7, () => unsure(random.pick(['我', '我', '你', '我们', '他', '你们', '那我', '那你']))), maybe(random, 0.3, () => open(random.pick(['先', '马上', '现在', '这就', '待会', '等下']))), done(random.pick(zhx.directions)), done(random.pick(zhx.purposes)), particle(random, 0.3, ['了', '哈', '啊', '吧', '哦']));
}

/** 等我十分钟, 睡了一整天, 排了一个小时: durations finish a clause. */
export function duration(context: ZhContext): Piece[] {
  const { random } = context;
  if (random.chance(0.4)) {
    return chain(unsure(random.pick(['等我', '再等我', '给我', '再给我', '等他', '稍等', '你等我', '麻烦等我'])), done(random.pick(zhx.durations)), particle(random, 0.3, ['哈', '啊', '就好', '就来', '马上好']));
  }
  const verb = random.pick(['睡', '等', '玩', '排', '跑', '走', '聊', '哭', '写', '看', '学', '忙', '找', '坐', '堵', '开']);
  return chain(maybe(random, 0.5, () => unsure(anySubject(context))), maybe(random, 0.3, () => open(random.pick(zh.times))), maybe(random, 0.3, () => open(random.pick(['整整', '足足', '又', '已经']))), unsure(`${verb}了`), done(random.pick(zhx.durations)), maybe(random, 0.3, () => done(random.pick(['了', '才到', '还没好', '队']))));
}

/** 你们先吃, 我先走了, 你先睡吧: 先 leaves the clause open until the verb. */
export function firstThen(context: ZhContext): Piece[] {
  const { random } = context;
  return chain(unsure(random.pick(['你', '你们', '我', '我们', '那你', '那我', '大家', anySubject(context)])), open(random.pick(['先', '就先', '要不先', '还是先'])), done(random.pick([...zh.predicates.slice(0, 40), '吃', '走', '睡', '忙', '去', '回去', '撤了', '走了', '睡了', '忙吧', '吃吧', '休息', '下了', '挂了'])), particle(random, 0.35, ['吧', '了', '哈', '啊', '哦']));
}

/** 真羡慕你们, 好心疼你, 我支持你. */
export function feeling(context: ZhContext): Piece[] {
  const { random } = context;
  return chain(maybe(random, 0.5, () => unsure(random.pick(['我', '我也', '我们', '大家都', '我真的', '谁不']))), maybe(random, 0.5, () => open(random.pick(['真', '好', '好好', '超', '太', '有点', '特别', '真的好', '一直', '会'])) ), unsure(random.pick(zhx.feelVerbs)), done(random.pick(zhx.people)), particle(random, 0.35, ['了', '啊', '呀', '哦', '哈', '呜呜']));
}

/** 我也这么觉得, 我觉得也是, 嗯嗯我也是这么想的. */
export function agreement(context: ZhContext): Piece[] {
  const { random } = context;
  const lead = maybe(random, 0.4, () => done(random.pick(['嗯嗯', '对', '对啊', '是啊', '确实', '哈哈', '嗯', '害', '真的'])));
  const who = random.pick(zhx.agreeLeads);
  const tail = random.pick(zhx.agreeTails);
  const agreed = tail === '觉得' && !/[也都]/u.test(who) ? `${who}也觉得` : `${who}${tail}`;
  return chain(lead, lead === undefined ? undefined : unsure(random.pick(['', ' ', '，'])), done(agreed), particle(random, 0.25, ['啊', '哈', '呢', '诶']));
}

/** Prices, times and counts: 2块钱一斤, 才一百多, 我三点到, 跑了5公里. */
export function numbers(context: ZhContext): Piece[] {
  const { random } = context;
  const number = numberWord(random);
  switch (random.int(4)) {
    case 0:
      return chain(maybe(random, 0.5, () => unsure(random.pick([...zhx.heads, objectNoun(context), '这个', '那件', '一共', '总共']))), maybe(random, 0.4, () => open(random.pick(['才', '就', '要', '得', '只要', '居然要', '一共']))), done(`${number}${random.pick(zhx.priceUnits)}`), maybe(random, 0.3, () => done(random.pick(['多', '左右', '而已', '吧', '一个', '挺便宜的', '好贵']))));
    case 1:
      return chain(maybe(random, 0.6, () => unsure(random.pick(['我', '我们', '你', '他', '车', '飞机', '电影', '会']))), maybe(random, 0.4, () => open(random.pick(['明天', '今晚', '大概', '差不多', '估计', '下午']))), open(`${number}${random.pick(['点', '点半', '号', '点多'])}`), done(random.pick(['到', '出发', '开始', '见', '集合', '下班', '起飞', '走', '回来', '左右到', '的车', '的票', '的飞机'])), particle(random, 0.2, ['吧', '哈', '啊']));
    case 2:
      return chain(maybe(random, 0.5, () => unsure(anySubject(context))), maybe(random, 0.3, () => open(random.pick(zh.times))), unsure(random.pick(['跑了', '走了', '等了', '花了', '买了', '吃了', '喝了', '瘦了', '胖了', '考了', '排了', '睡了', '写了', '看了'])), done(`${number}${random.pick(zhx.countUnits)}`), maybe(random, 0.3, () => done(random.pick(['了', '呢', '多', '左右', '啊']))));
    default:
      return chain(open(random.pick(['还有', '还剩', '只剩', '大概', '差不多', '已经', '就差'])), done(`${number}${random.pick(zhx.countUnits)}`), maybe(random, 0.3, () => done(random.pick(['了', '吧', '就到了', '而已']))));
  }
}

/** 我们打算周末去, 下午我得先去, 我想跟他: a plan whose motion or coverb has nothing after it. */
export function planDangling(context: ZhContext): Piece[] {
  const { random } = context;
  const coverb = random.pick(zhx.danglingMotion);
  let rest: Piece[];
  if (/^[去到回往从在]$/u.test(coverb)) rest = chain(done(random.pick([...zh.places, ...zhx.cities, ...zhx.spots])), maybe(random, 0.3, () => done(random.pick(['玩', '看看', '吃饭', '逛逛', '一趟', '了']))));
  else if (coverb === '把') rest = chain(open(objectNoun(context)), done(random.pick(['带走', '搬过去', '还了', '卖了', '修好', '寄回去', '退了', '给他'])));
  else rest = chain(random.chance(0.5) ? done(random.pick(zhx.people)) : open(random.pick(zhx.people)), random.chance(0.5) ? done(random.pick(['一起去', '吃饭', '聊聊', '出去玩', '商量一下', '说清楚', '道歉'])) : undefined);
  return chain(unsure(anySubject(context)), maybe(random, 0.4, () => open(random.pick(zh.times))), open(random.pick(zhx.plans)), maybe(random, 0.4, () => open(random.pick([...zh.times, '先', '再', '一起', '顺便']))), open(coverb), rest);
}

/** 我刚刚在楼下碰见, 他昨天遇到: a verb of meeting that needs its object. */
export function encounterDangling(context: ZhContext): Piece[] {
  const { random } = context;
  return chain(unsure(anySubject(context)), maybe(random, 0.4, () => open(random.pick([...zh.times, '刚', '刚刚', '今天', '昨天']))), maybe(random, 0.5, () => chain(open(random.pick(['在', '在', '去', '从'])), open(random.pick([...zh.places, ...zhx.spots])))), open(random.pick(zhx.encounter)), done(random.pick([...zhx.people, personName(random), `${random.pick(['一个', '个', '那个'])}${random.pick(zhx.heads)}`, '我前任', '我初中同学', '明星', '熟人'])), particle(random, 0.25, ['了', '诶', '啊', '哈哈']));
}

/** 我昨天买了个, 他给我看了一个超级: a verb with a measure word and no noun yet. */
export function measureDangling(context: ZhContext): Piece[] {
  const { random } = context;
  const noun = random.chance(0.5) ? objectNoun(context) : random.pick(zhx.heads);
  return chain(unsure(anySubject(context)), maybe(random, 0.4, () => open(random.pick([...zh.times, '刚', '刚刚', '又']))), maybe(random, 0.3, () => open(random.pick(['给我', '帮我', '给他', '在网上']))), unsure(random.pick(zhx.measureVerbs)), open(random.pick(zhx.measureWords)), maybe(random, 0.3, () => open(random.pick(['特别', '超级', '巨', '很', '新', '好']))), done(noun), particle(random, 0.2, ['哈哈', '啊', '诶']));
}

/** 这件事吧，…, 他那个人吧: a topic marked with 吧/呢/啊, then what is said about it. */
export function topicMarked(context: ZhContext): Piece[] {
  const { random } = context;
  const marker = random.pick(['吧', '吧', '嘛', '的话', '呢', '啊']);
  const soft = marker === '呢' || marker === '啊';
  return chain(open(random.pick(zhx.topics)), soft ? unsure(marker) : open(marker), soft || random.chance(0.5) ? open(random.pick(['，', ',', '…'])) : undefined, clause(context));
}

/** 我一直想问你, 对了我跟你说个事: an announced question or story, then the content. */
export function announced(context: ZhContext): Piece[] {
  const { random } = context;
  return chain(maybe(random, 0.3, () => open(random.pick(['对了', '诶', '那个', '哎', '嗯', '其实', '话说']))), unsure(random.pick(['我', '我', '我一直', '我就是', '我其实', '我刚', '我还']))
    , open(random.pick(zhx.announce)), maybe(random, 0.5, () => open(random.pick(['，', ' ', '就是', '啊', '哈'])) ), random.chance(0.5) ? question(context) : clause(context));
}

function question(context: ZhContext): Piece[] {
  const { random } = context;
  return chain(clause(context), done(random.pick(['吗', '没', '不', '呢', '吧'])));
}

/** 好不容易放假了, 每次我一说话他就…: an adverbial opener, then its clause. */
export function adverbialOpener(context: ZhContext): Piece[] {
  const { random } = context;
  return chain(open(random.pick(zhx.adverbialOpeners)), maybe(random, 0.25, () => open(random.pick(['，', ' ', '…']))), clause(context));
}

/** 等你下班了我们去吃饭: 等 + clause is a time clause that waits for the main clause. */
export function waitUntil(context: ZhContext): Piece[] {
  const { random } = context;
  const action = random.chance(0.3)
    ? chain(open('把'), open(random.pick(['这个', '那个', '作业', '这个做完', '报告', '饭', '衣服', '活', objectNoun(context)])), open(random.pick(['做完', '写完', '弄好', '吃完', '洗完', '干完', '发了', '搞定'])))
    : [open(random.pick([...zh.predicates, '到了', '回来', '忙完', '下班', '放假', '考完试', '有空', '睡醒']))];
  const lead = chain(open(random.pick(['等', '等到'])), unsure(random.pick(['你', '我', '他', '咱们', '大家'])), action, maybe(random, 0.5, () => open(random.pick(['了', '以后', '之后', '的时候']))));
  return chain(lead, maybe(random, 0.3, () => open(random.pick(['，', ' ']))), maybe(random, 0.3, () => open(random.pick(['再', '就', '我们', '咱们']))), clause(context, { dropSubject: random.chance(0.5) }));
}

/** A modified noun phrase that only opens a topic (我们组的那个新人), then its predicate. */
export function topicNounPhrase(context: ZhContext): Piece[] {
  const { random } = context;
  const head = random.pick(zhx.heads);
  const lead = random.chance(0.5)
    ? chain(open(random.pick(['我们组', '我们班', '你上次说', '他们家', '楼下', '我们公司', '你推荐', '我昨天买', '刚才群里', '我们小区', '隔壁宿舍', '我表姐'])), open(random.pick(['的那个', '的那家', '那个', '新来的那个', '的那位'])), open(head))
    : chain(open(random.pick(['就是', '就', '还有', '你说的', '你记得', '就是那天'])), open(random.pick(['上次', '昨天', '之前', '那天', ''])), open(random.pick(['那个', '那家', '那件', '那部'])), open(head));
  return chain(lead, maybe(random, 0.2, () => open(random.pick(['，', ' ', '啊', '吧']))), predicate(context));
}

/** A reply or reaction, then a clause, as in a quick chat turn: 好的 我马上到, 哈哈哈 你太逗了. */
export function replyThenClause(context: ZhContext): Piece[] {
  const { random } = context;
  const first = random.chance(0.3) ? random.pick(zhx.abbreviations) : random.pick(zh.replies);
  return chain(done(first), unsure(random.pick([' ', ' ', '', '，', '~', '！'])), random.chance(0.8) ? clause(context) : [done(random.pick(zh.replies))]);
}

/** A request with 一下/吧/呗 or a bare imperative: 帮我拿一下, 快去睡觉, 记得吃药. */
export function imperative(context: ZhContext): Piece[] {
  const { random } = context;
  const verb = verbOrPhrase(context);
  switch (random.int(3)) {
    case 0:
      return chain(maybe(random, 0.4, () => unsure(random.pick(['你', '麻烦', '帮我', '你帮我', '快', '赶紧']))), open(random.pick(zh.transitive)), done(random.pick(['一下', '下', '一下下'])), maybe(random, 0.4, () => done(random.pick(['呗', '吧', '哈', '谢谢', '呀']))));
    case 1:
      return chain(random.chance(0.3) ? unsure(random.pick(['快', '别', '多', '少'])) : open(random.pick(['快去', '赶紧', '记得', '别忘了', '你去', '早点', '千万别', '不要'])), done(verb), particle(random, 0.35, ['吧', '啊', '哦', '了', '哈', '呀']));
    default:
      return chain(unsure(random.pick(['帮我', '给我', '替我', '麻烦帮我'])), unsure(random.pick(zh.transitive)), maybe(random, 0.4, () => open(random.pick(['个', '点', '杯', '份', '一个']))), done(objectNoun(context)), particle(random, 0.4, ['呗', '吧', '呀', '哈']));
  }
}

/** Every template of this file with its relative weight, to add to the Chinese templates. */
export const zhChatTemplates: ReadonlyArray<readonly [number, (context: ZhContext) => Piece[]]> = [
  [1.2, nounAdjective], [1.2, whEnding], [0.8, tagAfter], [0.5, motionPurpose], [0.5, duration], [0.5, firstThen], [0.5, feeling],
  [0.5, agreement], [0.8, numbers], [0.8, planDangling], [0.6, encounterDangling], [0.6, measureDangling], [0.5, topicMarked],
  [0.5, announced], [0.7, adverbialOpener], [0.4, waitUntil], [0.7, topicNounPhrase], [0.8, replyThenClause], [0.7, imperative],
];
