/**
 * Chinese and Chinese-English chat templates by a third author. Each finished ending comes with unfinished lines
 * that end alike, so that no ending drifts towards "complete" everywhere:
 * evaluations with a 好/难 + verb adjective (他家的奶茶巨好喝) beside wants that still need their object (我好想喝),
 * A-not-A questions (你明天去不去) beside 不管…去不去; story openers with a past time and a place (我今天去医院)
 * beside the same line finished (我今天去医院拿药 / 去了一趟医院); speech verbs cut before the content (他跟我说)
 * beside finished reports (他说了, 他说不来了); requests with 帮我/麻烦; group-chat banter (有人吗 / 有没有人一起);
 * complaints (这破电脑又卡了 / 他老是); lists cut after a comma or 还有; clauses that end in 了 but wait for a main
 * clause (等你下班了); English adjectives and verbs at the end of Chinese lines (好 chill / 要不要 buy);
 * openers with a soft particle (我跟你讲哦) and 开始 without what began.
 */
import { zh2 } from './zh-chat2-lexicon.js';
import { zh3 } from './zh-chat3-lexicon.js';
import { zhx } from './zh-chat-lexicon.js';
import { chain, done, open, unsure, type Piece } from './pieces.js';
import { maybe, type Random, spacedEnglish } from './random.js';
import { clause, objectNoun, predicate, type ZhContext } from './zh-clauses.js';
import { zh } from './zh-lexicon.js';


function tail(random: Random, probability: number, list: readonly string[] = ['啊', '呀', '呢', '吧', '啦', '哦', '哈', '诶', '😂', '😭', '哈哈哈', '！']): Piece | undefined {
  return maybe(random, probability, () => done(random.pick(list)));
}


const people = ['我', '我', '我们', '你', '他', '她', '我妈', '我室友', '我同事', '老板', '我朋友', '他们', '咱们'];

/** 他家的奶茶巨好喝 / 刚才那个人好凶 (finished) against 我好想喝 / 那个人好像 / 好喝是好喝 (unfinished). */
export function evaluation(context: ZhContext): Piece[] {
  const { random } = context;
  const owner = random.chance(0.7) ? `${random.pick(zh3.evalOwners)}${random.pick(zh3.evalHeads)}` : `${random.pick(zhx.deictic)}${random.pick(zhx.heads)}`;
  const np = unsure(owner);
  const adjective = random.pick(zh3.verbAdjectives);
  switch (random.int(7)) {
    case 0:
    case 1:
      return chain(maybe(random, 0.15, () => unsure(random.pick(['我觉得', '说真的', '讲真', '真心觉得', '不得不说']))), np, maybe(random, 0.25, () => open(random.pick(['真的', '是真的', '确实', '还是', '一直', '也']))), open(random.pick(zh3.degree)), done(adjective), tail(random, 0.3));
    case 2:
      // 刚才那个人好凶 against 刚才那个人好像: the same 好 after a subject, once a degree and once "seems".
      if (random.chance(0.5)) return chain(np, open('好'), done(random.pick([...zhx.adjectives, ...zh.adjectives])), tail(random, 0.3));
      return chain(np, open(random.pick(['好像', '好像有点', '似乎', '感觉', '好像是', '应该是', '估计'])), predicate(context));
    case 3:
      // 我好想喝, 我们下次去吃: the verb inside the adjective, now needing its object.
      return chain(maybe(random, 0.7, () => unsure(random.pick(people))), maybe(random, 0.3, () => open(random.pick(['今天', '周末', '待会', '下次', '突然']))), open(random.pick(zh3.wantLeads)), open(random.pick(zh3.objectVerbs)),
        random.chance(0.6) ? done(random.pick(zh3.evalHeads)) : chain(open(random.pick(['他家的', '那家的', '楼下的', '那个', '你说的那个'])), done(random.pick(zh3.evalHeads))), tail(random, 0.2));
    case 4:
      // 好喝是好喝, 好喝到, 除了好喝: an evaluation that announces a "but".
      return chain(np, open(random.pick([`${adjective}是${adjective}`, `${adjective}是挺${adjective}的`, `${adjective}到`, `${adjective}得`, `除了${adjective}`, `不仅${adjective}`, `虽然${adjective}`, `${adjective}归${adjective}`])),
        maybe(random, 0.4, () => open(random.pick(['，', ' ', '…']))), open(random.pick(['但是', '就是', '不过', '可是', '而且', '只是', '关键是'])), clause(context, { dropSubject: random.chance(0.5) }));
    case 5:
      // 这家店的东西都好好吃, 还挺好喝的: with 的 at the end it still stands.
      return chain(np, maybe(random, 0.3, () => open(random.pick(['都', '也', '还']))), open(random.pick(['挺', '还挺', '蛮', '真的挺', '超'])), unsure(adjective), done('的'), tail(random, 0.25, ['啊', '呀', '诶', '哈哈', '！']));
    default:
      // 他家的奶茶 + 的话 / 呢 / 我跟你说: the topic is open.
      return chain(np, open(random.pick(['的话', '呢，', '吧，', '我跟你说', '其实', '说实话', '啊，', '就是'])), clause(context, { dropSubject: random.chance(0.4) }));
  }
}

/** 你明天去不去, 这个好不好吃, 他来没来 (finished) against 不管你去不去 / 去不去都 (unfinished). */
export function aNotA(context: ZhContext): Piece[] {
  const { random } = context;
  if (random.chance(0.2)) {
    // 你要不要 / 能不能 need their verb (open); 你要不要一起去 / 能不能快点 are whole.
    const modal = random.pick(['要不要', '想不想', '能不能', '会不会', '可不可以', '敢不敢', '愿不愿意', '打不打算']);
    return chain(maybe(random, 0.6, () => unsure(random.pick(['你', '你们', '他', '那你', '我们', '咱们', '你到底']))), open(modal), maybe(random, 0.3, () => open(random.pick(['一起', '先', '再', '明天', '早点']))), done(random.pick([...zh.predicates, '去', '来', '试试', '快点', '别说了', '帮我'])), tail(random, 0.35, ['啊', '呀', '嘛', '？', '😏']));
  }
  const verbs = ['去', '来', '吃', '喝', '玩', '要', '买', '看', '走', '睡', '打', '回', '在', '行', '喜欢', '知道', '认识', '记得', '愿意', '同意', '舒服', '好吃', '好看', '好玩', '方便', '难受', '累', '饿', '冷', '贵', '急'];
  const verb = random.pick(verbs);
  const aNot = verb.length === 2 ? `${verb.charAt(0)}不${verb}` : `${verb}不${verb}`;
  const form = random.chance(0.15) && verb.length === 1 ? `${verb}没${verb}` : aNot;
  const who = maybe(random, 0.6, () => unsure(random.pick(['你', '你们', '他', '她', '咱们', '你到底', '那你', '所以你', '你还', '这个', '那家', '明天你', '你周末', '今晚你', '你妈', '你男朋友'])));
  const time = maybe(random, 0.3, () => unsure(random.pick(['明天', '今晚', '周末', '下午', '待会', '五一', '过年', '晚上'])));
  const object = maybe(random, 0.35, () => done(random.pick(['他', '我', '电影', '火锅', '奶茶', '游戏', '外卖', '学校', '家', '公司', '这个', '那个', '那边', '上班'])));
  if (random.chance(0.3)) {
    // 不管你去不去, 去不去都: whether or not, and the main clause still to come.
    const lead = random.pick(['不管', '无论', '管他', '不论']);
    return chain(open(lead), who === undefined ? undefined : open(who.text), open(form), random.chance(0.5) ? open(random.pick(['，', ' ', '我', '都', '反正', '我都', '你都', '我们'])) : undefined, clause(context, { dropSubject: random.chance(0.6) }));
  }
  if (random.chance(0.15)) return chain(who, time, done(form), open(random.pick(['都', '都行', '的问题', '这件事'])), random.chance(0.5) ? done(random.pick(['行', '可以', '无所谓', '随你', '没关系'])) : predicate(context));
  return chain(who, time, done(form), object, tail(random, 0.35, ['啊', '呀', '嘛', '呢', '？', '??', '😏', '你说', '给个准话', '一句话']));
}

/** 我今天去医院 / 刚刚在地铁上 (story openers, unfinished) against 我今天去医院拿药 / 去了一趟医院 / 在公司呢. */
export function storyPlace(context: ZhContext): Piece[] {
  const { random } = context;
  const who = maybe(random, 0.7, () => unsure(random.pick(['我', '我', '我们', '他', '她', '我妈', '我室友', '我同事', '老板', '老师', '我朋友'])));
  const time = random.pick(zh3.storyTimes);
  const first = random.chance(0.5);
  const place = random.pick(zh3.storyPlaces);
  // 到 is left out: 我刚到公司 is a finished status line.
  const motion = random.pick(['去', '去', '在', '在', '从', '去了', '刚从', '路过']);
  // A bare time can answer "when", so the cut right after it is never used.
  const lead = first ? chain(unsure(time), who) : chain(who, unsure(time));
  // 去了医院 has happened and stands; 路过超市 may or may not; 去医院 / 在公司 after a past time opens a story.
  const placePiece = motion === '去了' ? done(place) : motion === '路过' ? unsure(place) : open(place);
  if (random.chance(0.45)) {
    // The story after the place: 我今天去医院，医生说….
    return chain(lead, open(motion), placePiece, maybe(random, 0.4, () => open(random.pick(['，', ' ', '的时候', '那边', '结果', '然后', '排队的时候']))), clause(context, { dropSubject: random.chance(0.5) }));
  }
  if (motion === '去了' || motion === '刚从' || motion === '路过' || motion === '从') {
    return chain(lead, open(motion), placePiece, random.chance(0.6) ? done(random.pick(['回来', '回来了', '出来', '出来了', '一趟', '，累死了'])) : clause(context, { dropSubject: true }));
  }
  const ends = motion === '在' ? zh3.placeEnds.filter((end) => !end.startsWith('了')) : zh3.placeEnds;
  return chain(lead, open(motion), placePiece, done(random.pick(ends)), tail(random, 0.25, ['了', '啊', '哈哈', '😭', '！', '呢']));
}

/** 他跟我说, 我妈刚打电话说 (unfinished) against 他说了, 她说好, 他说他不来了. */
export function speechCut(context: ZhContext): Piece[] {
  const { random } = context;
  const who = unsure(random.pick(['他', '她', '我妈', '我爸', '老板', '老师', '我室友', '我朋友', '我同事', '客服', '房东', '医生', '他们', '班长', '我男朋友', '我女朋友', '那个人', '快递员']));
  const time = maybe(random, 0.35, () => open(random.pick(['刚', '刚才', '刚刚', '今天', '昨天', '早上', '又', '还', '居然', '突然', '一直'])));
  const roll = random.int(5);
  if (roll === 0) return chain(who, time, done(random.pick(zh3.speechEnds)), tail(random, 0.3, ['啊', '哈', '了', '呀', '😂', '！']));
  const verb = open(random.pick(zh3.speechLeads));
  if (roll === 1) {
    // 他说他, 她说明天: the content has started and stopped.
    return chain(who, time, verb, open(random.pick(['他', '她', '明天', '我们', '你', '下周', '那个', '这个', '要', '不', '可能', '我'])), random.chance(0.6) ? predicate(context) : done(random.pick(['不来了', '没空', '知道了', '要加班', '有事', '生病了', '在路上'])));
  }
  return chain(who, time, verb, maybe(random, 0.3, () => open(random.pick(['，', '：', ' ', '说', '让我'])) ), clause(context, { dropSubject: random.chance(0.3) }), tail(random, 0.15));
}

/** 麻烦帮我, 帮我把 (unfinished) against 帮我看看, 麻烦你了, 帮我带杯咖啡. */
export function helpRequest(context: ZhContext): Piece[] {
  const { random } = context;
  const lead = random.pick(zh3.requestLeads);
  const who = maybe(random, 0.2, () => unsure(random.pick(['宝', '亲', '哥', '姐', '兄弟', '老婆', '同学', '那个', '诶', '对了'])));
  if (/^麻烦(你|大家)?$/u.test(lead)) {
    if (random.chance(0.4)) return chain(who, unsure(lead), done(random.pick(lead === '麻烦' ? ['了', '了哈', '啦', '你了', '了谢谢', '大家了'] : ['了', '了哈', '啦', '了谢谢'])), tail(random, 0.2, ['🙏', '！', '~', '[抱拳]']));
    return chain(who, open(lead), maybe(random, 0.5, () => open(random.pick(['帮我', '帮忙', '给我', '把', '看一下', '大家']))), random.chance(0.5) ? done(random.pick(zh3.requestEnds)) : done(random.pick(['转发一下', '填一下问卷', '投个票', '看下群消息', '帮个忙'])), tail(random, 0.3, ['🙏', '谢谢', '哈', '呀', '啦']));
  }
  const leadPiece = open(lead);
  switch (random.int(4)) {
    case 0:
      return chain(who, leadPiece, done(random.pick(zh3.requestEnds)), tail(random, 0.35, ['呗', '吧', '哈', '呀', '谢谢', '🙏', '好不好', '可以吗', '？']));
    case 1:
      // 帮我把 / 帮我把那个: the thing and what to do with it still to come.
      return chain(who, leadPiece, open('把'), open(random.pick([...zh3.listItems, '门', '那个', '这个', '我的', '桌上的', '快递', '衣服', '文件'])), done(random.pick(['拿过来', '带上', '收一下', '关上', '放好', '寄了', '扔了', '发我', '拿一下', '交了', '取回来'])), tail(random, 0.3, ['呗', '吧', '哈', '谢谢']));
    case 2: {
      // 帮我买 / 帮我买杯: the verb and a measure, then the thing.
      const verb = random.pick(zh3.requestVerbs);
      return chain(who, leadPiece, open(verb), random.chance(0.4) ? done(random.pick(['一下', '下', '个东西', '点吃的'])) : chain(maybe(random, 0.5, () => open(random.pick(['个', '杯', '份', '张', '点', '一个', '两个']))), done(objectNoun(context))), tail(random, 0.3, ['呗', '吧', '哈', '谢谢', '？']));
    }
    default:
      // 帮我个忙 / 帮我一下 / 帮个忙: the whole request.
      return chain(who, done(random.pick(['帮我个忙', '帮个忙', '帮我一下', '帮帮我', '救救我', '拜托拜托', '求求了', '帮我看看呗', '帮忙看一下'])), tail(random, 0.3, ['呗', '吧', '🙏', '可以吗', '？', '好不好']));
  }
}

/** 有人吗, +1, 算我一个 (finished) against 有没有人一起, 谁有 (unfinished). */
export function groupBanter(context: ZhContext): Piece[] {
  const { random } = context;
  const vocative = maybe(random, 0.25, () => unsure(random.pick(['@所有人', '@全体成员', '家人们', '各位', '兄弟们', '姐妹们', '大家', '群里的', '宝子们'])));
  if (random.chance(0.45)) return chain(vocative, done(random.pick(zh3.groupLines)), tail(random, 0.3, ['！', '~', '😂', '[旺柴]', '[抱拳]', '哈哈', '？', '啊']));
  const opener = open(random.pick(zh3.groupOpens));
  switch (random.int(3)) {
    case 0:
      return chain(vocative, open(random.pick(['有没有人有', '谁有', '谁还有', '有人要', '求一个', '蹲一个', '有谁有', '谁带了', '有人有'])), maybe(random, 0.3, () => open(random.pick(['多的', '闲置的', '不用的', '多余的']))), done(random.pick(zh3.groupObjects)), tail(random, 0.5, ['吗', '啊', '？', '的', '呀', '借我用一下', '🙏']));
    case 1:
      return chain(vocative, opener, maybe(random, 0.4, () => open(random.pick(['一起', '今晚', '周末', '明天', '待会']))), done(random.pick(zh.predicates)), tail(random, 0.5, ['吗', '啊', '？', '的', '呀']));
    default:
      // @所有人 明天八点开会: an announcement, or its lead alone.
      return chain(vocative ?? unsure('@所有人'), open(random.pick(['明天', '今晚', '周五', '下周一', '本周', '下午'])), maybe(random, 0.5, () => open(random.pick(['八点', '三点', '九点半', '两点']))), done(random.pick(['开会', '交作业', '团建', '聚餐', '放假', '停水', '考试', '截止', '打卡'])), tail(random, 0.4, ['！', '，收到请回复', '别忘了', '大家准时', '哈']));
  }
}

/** 这破电脑又卡了, 每次都这样 (finished) against 他老是, 最烦的就是 (unfinished). */
export function complaint(context: ZhContext): Piece[] {
  const { random } = context;
  const lead = maybe(random, 0.25, () => unsure(random.pick(['救命', '无语', '真的', '服了', '哎', '唉', '我真的', '啊啊啊', '烦'])));
  const subject = unsure(random.pick(zh3.complaintSubjects));
  switch (random.int(4)) {
    case 0:
      return chain(lead, subject, done(random.pick(zh3.complaintEnds)), tail(random, 0.35, ['😭', '😡', '！', '啊', '[裂开]', '呵呵', '真的', '烦死']));
    case 1:
      // 他老是 / 每次他都: habit with the complaint still to come; with it, whole.
      return chain(lead, subject, open(random.pick(zh3.habitAdverbs)), random.chance(0.5) ? done(random.pick(['迟到', '鸽我', '不回消息', '加班', '卡', '坏', '下雨', '这样', '忘', '骗我', '乱花钱', '熬夜'])) : predicate(context), tail(random, 0.2, ['😭', '！', '啊', '烦死了']));
    case 2:
      return chain(lead, open(random.pick(['最烦的就是', '最受不了的是', '我最讨厌', '我真的受不了', '最气人的是', '我就烦', '你说气不气', '我就不明白', '最离谱的是', '我真服了'])), random.chance(0.5) ? chain(done(random.pick(['他', '这种人', '加班', '下雨天', '早八', '开会', '排队', '堵车', '这样'])), tail(random, 0.2, ['了', '😡', '！'])) : clause(context));
    default:
      return chain(lead, done(random.pick(['什么破天气', '什么破网', '什么玩意儿', '什么鬼', '这叫什么事', '搞什么啊', '有病吧', '离大谱', '我真的会谢', '谁懂啊', '烦死了', '累死了'])), tail(random, 0.3, ['😭', '！', '啊', '[裂开]', '？']));
  }
}

/** 我买了牛奶、面包，还有 / 要带身份证、充电器、 (unfinished) against the list with its last item, or 还有呢. */
export function listCut(context: ZhContext): Piece[] {
  const { random } = context;
  if (random.chance(0.15)) return chain(maybe(random, 0.4, () => unsure(random.pick(['那', '然后', '嗯', '好的', '行'])) ), done(random.pick(['还有呢', '还有吗', '还有别的吗', '还有谁', '还有事吗', '还有啥', '还有没有', '没了', '就这些', '就这些吧', '差不多了'])), tail(random, 0.2, ['？', '啊', '呀']));
  const lead = open(random.pick(['我买了', '要带', '记得带', '冰箱里有', '我们需要', '桌上有', '你带上', '还要买', '清单：', '我点了', '别忘了', '需要准备', '我们有', '包里有']));
  const items = random.pick(zh3.listItems);
  const comma = () => open(random.pick(['、', '，', ',', ' ', '、']));
  const second = random.pick(zh3.listItems.filter((item) => item !== items));
  const last = random.pick(zh3.listItems);
  const joiner = open(random.pick(['还有', '还有', '和', '以及', '跟', '再加上', '然后', '还有就是', '另外']));
  const secondPiece = unsure(second);
  return chain(lead, done(items), comma(), secondPiece, maybe(random, 0.5, comma), joiner, done(last), tail(random, 0.25, ['吧', '就够了', '就行', '啊', '哈', '这些']));
}

/** 等你下班了, 要是他来了 (unfinished) against 你下班了, 他来了 (finished) and the whole sentence. */
export function leClause(context: ZhContext): Piece[] {
  const { random } = context;
  const person = random.pick(['你', '我', '他', '她', '咱们', '大家', '我们', '你们', '老板']);
  const act = random.pick(zh3.finishedActs);
  if (random.chance(0.12)) return chain(done(random.pick(['别等我了', '不用等我了', '等我一下', '等等我', '等我五分钟', '你等我', '等我哈', '等你哦', '等着吧', '那就等他', '等他回来再说', '等你回来再说吧'])), tail(random, 0.3, ['啊', '哈', '！', '😂']));
  if (random.chance(0.35)) {
    // 我刚吃完 / 他已经到家 stand without 了; 你下班 alone is unclear.
    const adverb = maybe(random, 0.5, () => open(random.pick(['已经', '终于', '刚', '刚刚', '都'])));
    return chain(unsure(person), adverb, adverb === undefined ? unsure(act) : done(act), done('了'), tail(random, 0.3, ['吗', '没', '吧', '啊', '哈', '？', '！']));
  }
  const lead = random.pick(zh3.clauseLeads);
  const leadPieces = /^等(你|我|他|咱们)$/u.test(lead) ? [open(lead)] : [open(lead), open(person)];
  return chain(leadPieces, open(act), open(random.pick(['了', '了', '以后', '之后', '的时候'])), maybe(random, 0.3, () => open(random.pick(['，', ' ', '…']))), maybe(random, 0.3, () => open(random.pick(['我们', '咱们', '就', '再', '你'])) ), clause(context, { dropSubject: random.chance(0.5) }));
}

function degreePiece(random: Random): Piece {
  const degree = random.pick(['好', '超', '有点', '很', '太', '真的好', '巨', '挺', '蛮', '也太', '就很', '属于']);
  return degree === '好' || degree === '很' || degree === '挺' ? unsure(degree) : open(degree);
}

/** 这个好 chill, 他今天好 emo (finished) against 我在想要不要 buy / 好 cute 的那个 (unfinished). */
export function mixedEnglishEnd(context: ZhContext): Piece[] {
  const { random } = context;
  const who = maybe(random, 0.7, () => unsure(random.pick(['这个', '他', '她', '今天', '这家店', '那个人', '我', '这首歌', '你', '这个地方', '我们老板', '这件衣服', '这氛围'])));
  switch (random.int(4)) {
    case 0:
      // A bare 好 / 很 after 你 or 我 is a greeting or a reply (你好, 我很), so only the longer degree words are cut points.
      return chain(who, degreePiece(random), done(spacedEnglish(random, random.pick(zh3.enAdjectives))), tail(random, 0.35, ['了', '啊', '吧', '诶', '哈哈', '😂', '了吧']));
    case 1:
      // 好 cute 的那个, 超 chill 但是: the English adjective is inside, not at the end.
      return chain(who, degreePiece(random), done(spacedEnglish(random, random.pick(zh3.enAdjectives))), open(random.pick(['的那个', '的一个', '但是', '然后', '的那种', '，就是', '，不过'])), random.chance(0.5) ? done(random.pick(zhx.heads)) : clause(context, { dropSubject: true }));
    case 2: {
      // 我在想要不要 buy (the thing to buy missing) against 要不要 buy 一下 / book 了.
      const verb = random.pick(['buy', 'order', 'book', 'call', 'text', 'dm', 'email', 'invite', 'ping', 'unfollow', 'block', 'follow']);
      const lead = chain(maybe(random, 0.6, () => unsure(random.pick(['我', '我们', '你', '他']))), open(random.pick(['在想要不要', '在考虑要不要', '纠结要不要', '要不要', '还在想要不要'])));
      return chain(lead, open(spacedEnglish(random, verb)), random.chance(0.5) ? done(random.pick(['一下', '了', '一下吧', '他', '她', '一个'])) : done(spacedEnglish(random, random.pick(zh2.enNouns))), tail(random, 0.2, ['啊', '哈', '吧', '？']));
    }
    default:
      return chain(who, degreePiece(random), done(spacedEnglish(random, random.pick(['emo', 'low', 'chill', 'awkward', 'random', 'toxic', 'crazy', 'fancy']))), open(random.pick(['，但是', '，然后', '，所以', '但是', '然后'])), random.chance(0.4) ? done(random.pick(['人', '感觉', '风格'])) : clause(context, { dropSubject: true }));
  }
}

/** 我跟你讲哦, 话说啊 (openers with a soft particle, unfinished) against 我跟你说过了, 然后他就开始 / 开始了. */
export function softOpener(context: ZhContext): Piece[] {
  const { random } = context;
  if (random.chance(0.3)) {
    const who = unsure(random.pick(['他', '她', '然后他', '结果他', '我妈', '老师', '他们', '大家', '我']));
    const adverb = open(random.pick(['就', '又', '突然', '已经', '马上', '一下子', '就又', '直接']));
    return chain(who, adverb, random.chance(0.5) ? done(random.pick(['开始了', '开始哭了', '开始骂人', '开始吵架了', '开始了哈哈', '开始吃了'])) : chain(open(random.pick(['开始', '要开始', '开始跟我'])), random.chance(0.6) ? predicate(context) : done(random.pick(['哭', '骂我', '吵', '唱歌', '追剧', '收拾东西', '写作业']))));
  }
  const reaction = maybe(random, 0.3, () => done(random.pick(['哈哈哈哈', '哈哈哈', '笑死', '好吧', '嗯嗯', '确实', '行吧', '啊这'])));
  const space = reaction === undefined ? undefined : unsure(random.pick([' ', '', '，']));
  if (random.chance(0.3)) return chain(reaction, space, done(random.pick(['我跟你说过了', '我跟你讲过了', '我早跟你说了', '跟你说了哦', '我都说了', '说真的', '我说真的', '讲真的哦', '不过也是', '话说回来也是'])), tail(random, 0.3, ['啊', '嘛', '！', '😂']));
  return chain(reaction, space, open(random.pick(['我跟你讲', '我跟你说', '跟你说', '我跟你讲', '不过说真的', '说真的', '话说', '对了', '讲真', '其实吧', '你猜怎么着', '我发现', '问题是', '重点是'])),
    open(random.pick(['哦', '啊', '哈', '呀', '嗷', '哦，', '啊，', '…', '哈，'])), clause(context));
}

/** 明天的考试 (a topic) against 明天的考试取消了 and 我明天的考试 (an answer). */
export function timedTopic(context: ZhContext): Piece[] {
  const { random } = context;
  const time = random.pick(['明天的', '今天的', '下周的', '周五的', '这周的', '昨天的', '上次的', '晚上的', '下午的', '刚才的', '这次的']);
  const event = random.pick(['考试', '会', '面试', '聚餐', '课', '作业', '活动', '比赛', '飞机', '体检', '约会', '演出', '快递', '外卖', '报告', '答辩', '直播']);
  if (random.chance(0.3)) return chain(unsure(random.pick(['我', '我们', '他', '她'])), open(time), done(event), tail(random, 0.25, ['啊', '哈', '呀', '吧']));
  return chain(open(time), open(event), maybe(random, 0.3, () => open(random.pick(['你', '我', '大家', '他', '的话', '，']))), random.chance(0.5) ? done(random.pick(['取消了', '改时间了', '推迟了', '复习了吗', '准备好了吗', '几点', '在哪', '你去吗', '我不去了', '好难', '搞定了', '延期了'])) : predicate(context), tail(random, 0.2));
}

/** Every template of this file with its relative weight, to add to the Chinese templates. */
export const zhChat3Templates: ReadonlyArray<readonly [number, (context: ZhContext) => Piece[]]> = [
  [1.1, evaluation], [0.5, aNotA], [0.6, storyPlace], [0.5, speechCut], [0.5, helpRequest], [0.4, groupBanter], [0.4, complaint],
  [0.3, listCut], [0.4, leClause], [0.4, mixedEnglishEnd], [0.4, softOpener], [0.3, timedTopic],
];
