/**
 * Chinese and Chinese-English chat templates by a second author: English nouns that end a finished line
 * (周末有个 party, 她发了个 vlog) against English nouns that only open a topic (开会的时候 manager, 那个 client),
 * English verbs in Chinese frames (我先 check 一下 / 等我 check 完), internet expressions that are whole messages
 * (栓Q, 蚌埠住了, cpu我), game / school / work status lines (上号, 明天早八), questions without 吗 (去不去,
 * 几号开学, 这还用问), clock times as answers (明天下午三点), and verbs of noticing that need what was noticed
 * (我突然想起来 / 我想起来了), with status lines that stand (在路上, 我刚到).
 */
import { enx } from './en-chat-lexicon.js';
import { chain, done, open, unsure, type Piece } from './pieces.js';
import { maybe, type Random, spacedEnglish } from './random.js';
import { clause, predicate, subject, type ZhContext } from './zh-clauses.js';
import { zhx } from './zh-chat-lexicon.js';
import { zh2 } from './zh-chat2-lexicon.js';
import { zh } from './zh-lexicon.js';


function tail(random: Random, probability: number, list: readonly string[] = ['啊', '呀', '呢', '吧', '啦', '哦', '嘛', '哈', '了', '诶', '😂', '😭', '哈哈']): Piece | undefined {
  return maybe(random, probability, () => done(random.pick(list)));
}


function enNoun(random: Random): string {
  const roll = random.next();
  const word = roll < 0.55 ? random.pick(zh2.enNouns) : roll < 0.8 ? random.pick(enx.nouns) : random.pick([...zh.loanwords, ...zhx.loanwords]);
  return random.chance(0.15) ? word.toUpperCase() : random.chance(0.15) ? word.charAt(0).toUpperCase() + word.slice(1) : word;
}

function who(random: Random): string {
  return random.pick(['我', '我', '我们', '你', '他', '她', '我们组', '老板', '我妈', '室友', '他们', '我朋友', '我们公司', '我们班', '我同事']);
}

/** 周末有个 party, 她发了个 vlog, 我在开 meeting: an English noun that finishes the line. */
export function enNounEnd(context: ZhContext): Piece[] {
  const { random } = context;
  const noun = spacedEnglish(random, enNoun(random));
  const time = maybe(random, 0.4, () => unsure(random.pick([...zh.times, '周末', '明天', '今晚', '下午', '待会'])));
  const person = maybe(random, 0.5, () => unsure(who(random)));
  const lead = random.chance(0.5) ? chain(person, time) : chain(time, person);
  switch (random.int(6)) {
    case 0:
      return chain(lead, open(random.pick(['有个', '有一个', '还有个', '要开个', '约了个', '报了个', '接了个', '参加了个', '要去个', '有两个', '又有个', '临时加了个'])), done(noun), tail(random, 0.3));
    case 1:
      return chain(lead, open(random.pick(['发了个', '买了个', '换了个', '订了个', '拿到了', '收到了', '做了个', '写了个', '开了个', '建了个', '找了个', '下了个', '刷到个', '丢了个'])), maybe(random, 0.2, () => open(random.pick(['新', '新的', '超好看的', '巨长的', '很大的']))), done(noun), tail(random, 0.3));
    case 2:
      return chain(lead, open(random.pick(['在开', '在写', '在赶', '在改', '在看', '在刷', '在做', '在等', '要交', '得交', '要改', '去', '要去', '在上', '刚开完', '刚交了', '刚上完', '刚看完', '在准备', '在跟'])), done(noun), tail(random, 0.3));
    case 3:
      // The English noun is the subject and the line says something about it.
      return chain(maybe(random, 0.5, () => open(random.pick(['这个', '那个', '今天的', '明天的', '我们的', '你的', '新', '下周的', '上次的']))), unsure(noun), maybe(random, 0.3, () => open(random.pick(['又', '已经', '还没', '居然', '终于', '好像']))), done(random.pick(['取消了', '改到明天了', '推迟了', '过了', '挂了', '发了', '到了', '结束了', '好难', '太长了', '不错', '还行', '超好玩', '好贵', '延期了', '出来了', '搞定了', '崩了', '通过了', '黄了'])), tail(random, 0.3));
    case 4:
      // An English noun that only opens the topic: 刚才开会的时候 manager, 跟 client 说.
      return chain(lead, open(random.pick(['开会的时候', '吃饭的时候', '刚才', '那个', '然后', '结果', '就是', '跟', '给', '把', '关于', '因为', '那天', '我们', '上次'])), open(noun), random.chance(0.5) ? predicate(context) : chain(open(random.pick(['说', '那边', '的话', '的', '跟我说', '问我', '让我'])), clause(context, { dropSubject: true })));
    default:
      return chain(lead, open(random.pick(['在看那个', '说那个', '提到那个', '找那个', '用的那个', '推荐的那个', '是那个', '买的那个', '那个'])), open(noun), random.chance(0.5) ? done(random.pick(['视频', '博主', '号', '链接', '群', '活动', '东西', '人', '软件', '系列'])) : predicate(context), tail(random, 0.2));
  }
}

/** Mixed lines still open: 跟 client 说, 明天的 meeting, 我们 team 的, 他在 ins 上说, deadline 的话, 因为 ddl. */
export function enNounOpen(context: ZhContext): Piece[] {
  const { random } = context;
  const noun = spacedEnglish(random, enNoun(random));
  const person = maybe(random, 0.5, () => unsure(who(random)));
  const time = maybe(random, 0.3, () => open(random.pick([...zh.times, '刚才', '昨天', '明天', '上次'])));
  const rest = (): Piece[] => (random.chance(0.6) ? clause(context, { dropSubject: random.chance(0.5) }) : predicate(context));
  switch (random.int(5)) {
    case 0:
      // A coverb or preposition before the English noun: 跟 client, 因为 deadline, 把 slides.
      return chain(person, time, open(random.pick(['跟', '给', '和', '把', '对', '被', '因为', '除了', '关于', '为了', '从', '用', '替', '比', '让'])), open(noun), random.chance(0.5) ? open(random.pick(['说', '发', '那边', '的事', '上', '里', '的时候'])) : undefined, rest());
    case 1:
      // An owner or time with 的, then the English noun as a topic: 明天的 meeting, 我们 team 的.
      if (random.chance(0.5)) return chain(open(random.pick(['明天的', '今天的', '下周的', '这次的', '上次的', '我们的', '他们的', '你那个', '我那个', '老板的', '周五的', '新的'])), open(noun), random.chance(0.4) ? open(random.pick(['我', '你', '他', '的话', '呢，', '吧，', '啊'])) : undefined, rest());
      return chain(person, open(noun), open('的'), maybe(random, 0.5, () => open(random.pick(zhx.heads))), rest());
    case 2:
      // A speech or posting frame: 他发了条 ins 说, 在群里 @ 我说, client 说.
      return chain(person, time, open(random.pick(['发了条', '在', '发了个', '刚在', '看', '又在'])), open(noun), open(random.pick(['说', '上说', '里说', '上看到', '里面', '上面'])), clause(context));
    case 3:
      // The English noun then a marker that waits for more: deadline 的话, meeting 之后, manager 那边.
      return chain(maybe(random, 0.5, () => open(random.pick(['这个', '那个', '这次', '我们', '你们', '等']))), unsure(noun), open(random.pick(['的话', '之后', '以后', '那边', '的时候', '结束后', '完了', '这块', '这边', '的事', '呢，'])), rest());
    default:
      // 这周 project 一直, 老板 meeting 上突然: an adverb after the noun leaves the predicate missing.
      return chain(person, unsure(noun), open(random.pick(['一直', '突然', '又', '还', '就', '其实', '也', '都', '已经', '真的', '然后', '就是'])), rest());
  }
}

/** 我先 check 一下, 他又 delay 了, 等我 check 完 (unfinished), 帮我 review 一下这个 (unfinished). */
export function enVerbFrame(context: ZhContext): Piece[] {
  const { random } = context;
  const verb = spacedEnglish(random, random.pick(zh2.enVerbs));
  const person = maybe(random, 0.5, () => unsure(random.pick(['我', '你', '他', '我们', '老板', '那我', '那你', '你们'])));
  switch (random.int(4)) {
    case 0:
      return chain(person, maybe(random, 0.6, () => (person === undefined ? unsure : open)(random.pick(['先', '再', '去', '来', '帮你', '帮我', '晚点', '明天', '等下', '待会', '马上', '刚', '已经', '又']))), unsure(verb), done(random.pick(['一下', '下', '了', '完了', '好了', '过了', '一下吧', '一下哈', '一下哦', '一下呗', '你', '他'])), tail(random, 0.2));
    case 1: {
      const lead = random.pick(['等我', '我先', '我去', '帮我', '你先', '记得', '你帮我', '麻烦']);
      const result = random.pick(['一下', '完', '好', '下']);
      // 等我 check 一下 waits for what comes next; 帮我 check 一下 is a finished request.
      const resultPiece = lead === '等我' || result === '完' || result === '好' ? open(result) : unsure(result);
      return chain(open(lead), unsure(verb), resultPiece, open(random.pick(['那个', '这个', '你的', '我们的', '再', '然后', '就'])), random.chance(0.5) ? done(enNoun(random)) : clause(context, { dropSubject: true }));
    }
    case 2:
      return chain(person ?? unsure(random.pick(['我', '你', '他', '我们'])), open(random.pick(['要', '得', '在', '正在', '准备', '打算', '想', '还没'])), unsure(verb), maybe(random, 0.5, () => done(random.pick(['呢', '中', '一下', '啊']))));
    default:
      return chain(person, open(random.pick(['跟', '和', '给', '帮'])), open(random.pick(['他', '你', '老板', 'client', 'HR', '客户', '老师', 'manager', '他们'])), unsure(verb), done(random.pick(['一下', '了', '过了', '一下吧', '下'])), tail(random, 0.2));
  }
}

/** 栓Q, 蚌埠住了, 真的会谢: internet expressions that are whole messages, alone or after a lead. */
export function slangLine(context: ZhContext): Piece[] {
  const { random } = context;
  if (random.chance(0.2)) {
    // cpu我, pua他, 别内涵我: a slang verb with its person.
    const lead = maybe(random, 0.5, () => unsure(random.pick(['他', '她', '你', '别', '又', '老板又', '你又', '他在', '不要'])));
    return chain(lead, (lead === undefined ? unsure : open)(spacedEnglish(random, random.pick(zh2.personSlang))), done(random.pick(['我', '你', '他', '我们', '人'])), tail(random, 0.3, ['了', '是吧', '呢', '😅', '？']));
  }
  const lead = maybe(random, 0.35, () => unsure(random.pick(['真的', '我', '我真的', '救命', '啊啊啊', '家人们', '姐妹们', '兄弟们', '属于是', '直接', '有点', '好家伙'])));
  return chain(lead, done(random.pick(zh2.slang)), maybe(random, 0.25, () => done(random.pick(['了', '啊', '😭', '😂', '！', '家人们', '属于是', '哈哈哈', '[捂脸]', '[裂开]']))));
}

/** 上号, 明天早八, 又出bug了: game, school and work status lines, with a subject or time in front. */
export function statusWork(context: ZhContext): Piece[] {
  const { random } = context;
  const lead = maybe(random, 0.4, () => unsure(random.pick([...zh.times, '我', '我们', '今天', '今晚', '又', '我又', '他', '我们组', '我们班', '兄弟们', '家人们'])));
  if (random.chance(0.3)) {
    // The same scene as an unfinished story opener: 昨天打排位的时候, 这把我们打野.
    return chain(lead, open(random.pick(['打排位的时候', '开黑的时候', '抽卡的时候', '上课的时候', '组会的时候', '考试的时候', '这把我们', '上一把', '导师让我', '老师说', '组长让我', '老板说', '这次考试', '期末考完', '打完这把', '下了课', '下班以后'])), random.chance(0.5) ? clause(context, { dropSubject: true }) : done(random.pick(zh2.statusLines)));
  }
  return chain(lead, done(random.pick(zh2.statusLines)), tail(random, 0.3, ['了', '啊', '吗', '？', '😭', '哈哈', '!', '呜呜', '吧']));
}

/** 去不去, 几号开学, 吃了没, 这还用问: questions without 吗, and rhetorical ones. */
export function bareQuestion(context: ZhContext): Piece[] {
  const { random } = context;
  const person = maybe(random, 0.5, () => unsure(random.pick(['你', '你们', '他', '咱们', '我们', '晚上', '明天', '周末', '那你', '所以你', '到底'])));
  switch (random.int(5)) {
    case 0: {
      const verb = random.pick(['去', '来', '吃', '喝', '玩', '要', '买', '走', '睡', '看', '行', '好', '对', '是', '想', '能', '会', '可以', '喜欢', '认识', '知道', '记得', '同意', '打', '舒服', '好吃', '好看']);
      const [first, rest] = verb.length === 2 ? [verb.charAt(0), verb] : [verb, verb];
      return chain(person, done(`${first}不${rest}`), maybe(random, 0.3, () => done(random.pick(['啊', '呀', '嘛', '呢', '？', '😏']))));
    }
    case 1:
      return chain(person, (person === undefined ? unsure : open)(random.pick(['几号', '几点', '哪天', '什么时候', '啥时候', '多久', '谁', '哪个', '为啥', '怎么', '咋'])), done(random.pick(['开学', '放假', '下班', '走', '到', '回来', '出发', '考试', '发工资', '去', '来', '能好', '来的', '说的', '不回我', '还不睡', '开始', '截止', '上线', '结束', '见面'])), tail(random, 0.3, ['啊', '呀', '呢', '来着', '？']));
    case 2:
      return chain(person, done(`${random.pick(['吃', '到', '睡', '写', '做', '看', '起', '买', '走', '洗'])}${random.pick(['了没', '完没', '了没有', '好了没', '完了没'])}`), tail(random, 0.2, ['啊', '呀', '？']));
    case 3:
      return chain(maybe(random, 0.3, () => unsure(random.pick(['啊', '诶', '哈', '嗯'])) ), done(random.pick(['这还用问', '这还用说', '不然呢', '那不然呢', '你说呢', '谁知道啊', '谁知道呢', '那能怎么办', '有必要吗', '至于吗', '何必呢', '凭什么', '搞什么啊', '干嘛呀', '什么鬼', '啥情况', '什么情况', '真的假的', '不会吧', '不会吧不会吧', '不是吧', '不是吧阿sir', '认真的吗', '你确定', '你认真的', '又来', '又来了', '还能这样', '这也行', '这都可以', '那咋了', '咋了', '然后呢', '所以呢', '那又怎样', '关我啥事'])), tail(random, 0.2, ['？', '??', '😅', '啊']));
    default:
      // 你到底去不去那个 (unfinished): the question starts a longer one.
      return chain(person, open(random.pick(['要不要', '想不想', '能不能', '可不可以', '会不会', '敢不敢'])), open(random.pick(['跟', '给', '和', '帮', '陪'])), open(random.pick(['他', '我', '你妈', '老板', '我们', '她', '大家'])), done(random.pick(['一起去', '说一下', '吃个饭', '商量一下', '打个电话', '道个歉', '讲清楚', '出去玩'])), tail(random, 0.3, ['啊', '呀', '？', '嘛']));
  }
}

/** 明天下午三点, 周五晚上8点半吧: a clock time as an answer; with a subject or verb after it, it opens a clause. */
export function timeAnswer(context: ZhContext): Piece[] {
  const { random } = context;
  const day = maybe(random, 0.6, () => unsure(random.pick(zh2.dayParts)));
  const half = maybe(random, 0.5, () => unsure(random.pick(zh2.halfDay)));
  const time = chain(day, half, done(random.pick(zh2.clock)));
  if (random.chance(0.6)) return chain(time, tail(random, 0.4, ['吧', '左右', '前', '之前', '以后', '见', '哦', '啊', '可以吗', '？', '行吗', '的', '的车', '的票', '的飞机', '的课']));
  return chain(time, open(random.pick(['我们', '我', '你', '的时候', '大家', '他', '咱们'])), random.chance(0.5) ? done(random.pick(['见', '集合', '出发', '到', '开会', '楼下见', '门口等'])) : clause(context, { dropSubject: true }));
}

/** 我突然想起来 (unfinished) / 我想起来了 / 刚才路过楼下那家店: verbs of noticing that need what was noticed. */
export function noticeDangling(context: ZhContext): Piece[] {
  const { random } = context;
  const person = maybe(random, 0.6, () => unsure(random.pick(['我', '我', '他', '她', '我妈', '我们', '你'])));
  const adverb = open(random.pick(['突然', '忽然', '刚才', '刚刚', '刚', '今天', '昨天', '后来', '那天', '早上', '才', '一下子', '上次']));
  const verb = random.pick(zh2.noticeVerbs);
  if (random.chance(0.3)) return chain(person, maybe(random, 0.4, () => unsure(random.pick(['突然', '刚', '终于', '也', '已经']))), done(`${random.pick(['想起来', '发现', '意识到', '收到', '看到', '听到', '碰到', '遇到', '刷到', '注意到', '看见', '梦到', '想到'])}了`), tail(random, 0.3, ['啊', '哈哈', '！', '😂']));
  let object: Piece[];
  if (verb === '路过' || verb === '经过') object = chain(unsure(random.pick([...zh.places, ...zhx.spots])), clause(context, { dropSubject: true }));
  else if (random.chance(0.4) && !/想起来|发现|意识到|听说|记得|想到|才知道|才发现|突然想到/u.test(verb)) object = chain(done(random.pick([...zhx.people, `${random.pick(['一个', '那个', '个'])}${random.pick(zhx.heads)}`])), tail(random, 0.2, ['了', '诶', '啊']));
  else object = clause(context);
  return chain(person, adverb, open(verb), maybe(random, 0.2, () => open(random.pick(['，', ' ', '…']))), object);
}

/** 在路上, 我刚到, 还在地铁上: status replies that stand; after 今天/昨天 the same place opens a story. */
export function statusReply(context: ZhContext): Piece[] {
  const { random } = context;
  if (random.chance(0.35)) {
    return chain(maybe(random, 0.5, () => unsure(random.pick(['我', '我', '我们', '他'])) ), open(random.pick(['今天', '昨天', '那天', '上周', '刚才', '早上'])), open('在'), unsure(random.pick([...zh.places, ...zhx.spots])), clause(context, { dropSubject: true }));
  }
  return chain(maybe(random, 0.4, () => unsure(random.pick(['我', '我', '我们', '他', '她', '我也', '我已经', '我还', '我现在'])) ), done(random.pick(zh2.status)), tail(random, 0.3, ['了', '哈', '啊', '呢', '哦', '~', '！', '😂']));
}

/** Every template of this file with its relative weight, to add to the Chinese templates. */
export const zhChat2Templates: ReadonlyArray<readonly [number, (context: ZhContext) => Piece[]]> = [
  [1, enNounEnd], [0.8, enNounOpen], [0.6, enVerbFrame], [0.5, slangLine], [0.5, statusWork], [0.6, bareQuestion], [0.3, timeAnswer], [0.5, noticeDangling], [0.4, statusReply],
];
