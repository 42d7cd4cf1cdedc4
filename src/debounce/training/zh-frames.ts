/**
 * Chinese templates added in the third round of the generator: 要不要 as a question and as an embedded
 * doubt (晚上要不要出去 / 我在想要不要), a verb with its result after 刚/已经 (我刚吃完), a verb of giving or
 * meeting whose object is still missing (他给我发了, 我在商场碰到了), English words inside Chinese frames
 * (这个 feature 下周上线, 等我把 code), and story openers after which a bare subject is unfinished
 * (关键是他, 她跟我说她).
 */
import { chain, done, open, unsure, type Piece } from './pieces.js';
import { maybe, type Random } from './random.js';
import { clause, objectNoun, predicate, subject, verbOrPhrase, type ZhContext } from './zh-clauses.js';
import { zhx } from './zh-chat-lexicon.js';
import { zh } from './zh-lexicon.js';


/** A clause whose first piece, a bare subject, cannot end the utterance because something came before it. */
function continuedClause(context: ZhContext): Piece[] {
  const pieces = clause(context, { dropSubject: false });
  return pieces.map((piece, index) => (index === 0 && piece.stop === undefined ? open(piece.text) : piece));
}

/** 晚上要不要出去吃, 你要不要一起; embedded: 我在想要不要换工作 (complete), 我在想要不要 (unfinished). */
export function shouldWe(context: ZhContext): Piece[] {
  const { random } = context;
  const action = random.chance(0.6) ? verbOrPhrase(context) : `${random.pick(['换', '买', '请', '找', '报', '去', '学', '考'])}${random.pick(['个', '一个', '点', ''])}${objectNoun(context).trim()}`;
  if (random.chance(0.5)) {
    const who = maybe(random, 0.6, () => unsure(random.pick(['你', '你们', '我们', '咱们', '大家', '晚上', '周末', '明天', '今晚', '等下'])));
    const ask = random.pick(['要不要', '要不', '去不去', '想不想']);
    // 去不去 / 要不要 alone are whole questions; only 要不 waits for what is proposed.
    return chain(who, ask === '要不' ? open(ask) : unsure(ask), random.chance(0.2) ? done('一起') : undefined, done(action), maybe(random, 0.4, () => done(random.pick(['啊', '呀', '呢', '？', '吗', '嘛']))));
  }
  const lead = random.pick(['我在想', '我在考虑', '我还在纠结', '我不知道', '我一直在想', '你说我', '你觉得我', '你说我们', '我们在商量', '我有点犹豫', '我现在在想', '纠结']);
  return chain(unsure(random.pick(['', '其实', '最近', '嗯'])), open(lead), open(random.pick(['要不要', '该不该', '是不是', '还要不要', '应不应该'])), done(action), maybe(random, 0.3, () => done(random.pick(['呢', '啊', '诶', '😂']))));
}

/** 我刚吃完, 已经到家了, 作业还没写完: a verb with its result is finished even without an object. */
export function justDone(context: ZhContext): Piece[] {
  const { random } = context;
  const verb = random.pick(['吃', '写', '看', '做', '洗', '忙', '收拾', '改', '考', '弄', '睡', '聊', '跑', '开', '搞', '买', '打', '练', '下']);
  const result = random.pick(['完', '完了', '好了', '完啦', '醒', '到', '好']);
  return chain(maybe(random, 0.6, () => unsure(subject(context))), open(random.pick(['刚', '刚刚', '已经', '才', '终于', '还没', '差不多', '马上就'])), done(`${verb}${result}`), maybe(random, 0.3, () => done(random.pick(['了', '啊', '哈', '呢', '！']))));
}

/** 他给我发了 (unfinished) / 他给我发了个链接: a verb after 给我/跟我 that still needs its object. */
export function missingObject(context: ZhContext): Piece[] {
  const { random } = context;
  const lead = chain(unsure(subject(context)), maybe(random, 0.4, () => open(random.pick([...zh.times, '刚', '又']))));
  if (random.chance(0.5)) {
    const verb = random.pick(['发了', '买了', '寄了', '带了', '推荐了', '转了', '看了', '送了', '留了', '借了', '点了']);
    return chain(lead, open(random.pick(['给我', '给你', '帮我', '给他', '替我'])), open(verb), open(random.pick(['个', '一个', '一份', '一张', '一些', '两个', '一条', ''])), done(objectNoun(context)), maybe(random, 0.2, () => done(random.pick(['哈哈', '诶', '你看看', '！']))));
  }
  const place = maybe(random, 0.5, () => chain(open('在'), open(random.pick([...zh.places, ...zhx.spots]))));
  return chain(lead, place, open(random.pick(['碰到了', '遇到了', '看见了', '撞见了', '碰见了', '看到了', '遇见了', '捡到了', '发现了'])), done(random.pick([...zhx.people, '一个明星', '我前任', '老同学', '我们老师', '一只猫', '一个钱包', '小王'])), maybe(random, 0.3, () => done(random.pick(['诶', '哈哈', '！', '你敢信']))));
}

/** English words in Chinese frames: 这个 feature 下周上线, 我把 file 发你了, 等我把 code 改完. */
export function loanFrame(context: ZhContext): Piece[] {
  const { random } = context;
  const noun = random.pick([...zh.loanwords, ...zhx.loanwords]);
  const spaced = random.chance(0.5) ? ` ${noun} ` : noun;
  switch (random.int(4)) {
    case 0:
      return chain(open(random.pick(['这个', '那个', '我的', '你的', '我们的', '他的', '今天的', '明天的', '下周的', '新的'])), unsure(spaced), predicate(context));
    case 1:
      return chain(unsure(random.pick(['我', '你', '我已经', '他', '老板', '我刚'])), open('把'), open(spaced), done(random.pick(['发你了', '改好了', '弄完了', '交了', '删了', '发群里了', '传上去了', '搞定了', '发你邮箱了', '给他了', '推上去了'])));
    case 2:
      return chain(open(random.pick(['等我把', '我先把', '你先把', '帮我把', '记得把', '别忘了把'])), open(spaced), done(random.pick(['改完', '发了', '弄好', '看一下', '保存一下', 'check 一下', '交了', '做完'])), maybe(random, 0.3, () => done(random.pick(['再说', '就来', '哈', '吧']))));
    default:
      return chain(unsure(random.pick(['刚才', '今天', '昨天', '我们', '他', '老板'])), open(random.pick(['开会的时候', '在', '说', '跟我说', '发了个', '提到', '的'])), open(spaced), predicate(context));
  }
}

/** 关键是他不来了, 她跟我说她下周走: after an opener or a speech verb, a bare subject is unfinished. */
export function storyOpener(context: ZhContext): Piece[] {
  const { random } = context;
  const opener = random.pick(['关键是', '问题是', '重点是', '最气人的是', '结果', '然后', '后来', '没想到', '就在这时候', '这时候', '突然', '谁知道', '不管怎么样', '之前说好的', '本来说好的', '说好的', '按理说', '他跟我说', '她跟我说', '我妈说', '老师说', '我听说', '我发现', '我感觉', '我怀疑']);
  return chain(maybe(random, 0.2, () => open(random.pick(['唉', '哎', '哈哈', '诶', '嗯']))), open(opener), maybe(random, 0.2, () => open(random.pick(['，', ' ']))), continuedClause(context));
}

/** 我明天早上的飞机, 考试是下周三, 晚饭吃的面条: a noun phrase that answers a question is a finished line. */
export function answerPhrase(context: ZhContext): Piece[] {
  const { random } = context;
  switch (random.int(3)) {
    case 0:
      // With its owner (我明天早上的飞机) it answers "when do you leave"; without (明天的考试) it is a topic.
      return chain(unsure(random.pick(['我', '我们', '他', '她', '你', '我妈', '我们班', '我哥'])), unsure(random.pick(zh.times)), open('的'), done(random.pick(['飞机', '车', '高铁', '火车', '票', '航班', '课', '会', '面试', '考试', '号', '班', '快递', '外卖', '电影'])), maybe(random, 0.3, () => done(random.pick(['啊', '呀', '哈', '吧', '了'])))) ;
    case 1:
      return chain(unsure(random.pick(['考试', '聚会', '生日', '婚礼', '面试', '航班', '开学', '放假', '比赛', '演唱会', '体检', '会', '飞机', '你生日', '她生日', '我们的会'])), open(random.pick(['是', '在', '定在', '改到', '推到', '就在'])), done(random.pick([...zh.times, ...zh.places])), maybe(random, 0.3, () => done(random.pick(['啊', '吧', '了', '哦', '来着']))));
    default:
      return chain(unsure(random.pick(['晚饭', '午饭', '早饭', '早上', '中午', '昨天', '刚才', '上次', '夜宵'])), unsure(`${random.pick(['吃', '喝', '点', '看', '买', '叫'])}的`), done(random.pick([...zh.objects, '面条', '粥', '饺子', '米线', '麻辣烫', '外卖', '汉堡', '电影', '那个'])), maybe(random, 0.3, () => done(random.pick(['啊', '哈哈', '呀', '还行']))));
  }
}

/** 这个好贵, 那个我不要, 这家还行: a pointed-at thing and a short comment; the pointer alone may be an answer. */
export function topicComment(context: ZhContext): Piece[] {
  const { random } = context;
  const pointer = random.pick(['这个', '那个', '这家', '那家', '这件', '那件', '这种', '这次', '这首歌', '这部', '这条', '这款', '这边', '那边', '这里', '这样']);
  const comment = random.pick(['好贵', '太贵了', '不错', '还行', '一般', '可以', '不行', '我不要', '我要', '我知道', '我看过', '我喜欢', '我也想要', '挺好看的',
    '好好吃', '太难了', '没用', '有毒', '绝了', '真的好', '我来', '我来吧', '给你', '你拿着', '归我了', '不好说', '你定', '随便', '算了', '没问题', '我试过',
    '不太行', '有点丑', '太可爱了', '好像坏了', '我买过', '是假的', '也挺好', '就很离谱', '先不要了', '我再想想', '谁买的']);
  return chain(unsure(pointer), maybe(random, 0.2, () => open(random.pick(['真的', '确实', '其实', '也', '还是']))), done(comment), maybe(random, 0.35, () => done(random.pick(['啊', '吧', '呀', '诶', '哈哈', '！', '😂']))));
}

/** 气死我了, 笑死我了, 热死了, 累成狗: complaints and reactions that end with their degree. */
export function reaction(context: ZhContext): Piece[] {
  const { random } = context;
  const feeling = random.pick(['气', '笑', '热', '冷', '累', '饿', '困', '烦', '吓', '急', '无聊', '痛', '尴尬', '羡慕', '馋', '忙', '晒', '撑']);
  const degree = random.pick(['死我了', '死了', '死', '炸了', '哭了', '晕了', '成狗', '到爆', '得要命', '得不行', '疯了', '麻了']);
  return chain(maybe(random, 0.3, () => unsure(random.pick(['今天', '我', '真的', '简直', '啊啊啊', '哎', '救命']))), done(`${feeling}${degree}`), maybe(random, 0.3, () => done(random.pick(['😭', '！', '啊', '了', '[裂开]']))));
}

/** Every template of this file with its relative weight, to add to the Chinese templates. */
export const zhFrameTemplates: ReadonlyArray<readonly [number, (context: ZhContext) => Piece[]]> = [
  [0.7, shouldWe], [0.6, justDone], [0.6, missingObject], [1, loanFrame], [0.8, storyOpener], [0.6, answerPhrase], [0.6, topicComment], [0.3, reaction],
];
