/**
 * Chat vocabulary for the second author's Chinese templates (`zh-chat2.ts`): English nouns and verbs that
 * Chinese chat drops in as they are, internet expressions that are whole messages, game / school / work
 * status lines, verbs of noticing and remembering that need what was noticed, and short status replies.
 * Written by hand from general knowledge of QQ/WeChat chat; none of it is taken from an evaluation file.
 */
const words = (list: string): readonly string[] => list.trim().split(/\s+/u);

export const zh2 = {
  /** English nouns used inside Chinese sentences (events, things, work and school words). */
  enNouns: words(`party brunch workshop seminar webinar conference offsite standup retro sync call date concert festival trip tour
    flight hotel airbnb booking ticket coupon voucher gift card bonus salary offer intern internship interview onsite deadline ddl
    meeting review demo pitch proposal contract report slides deck draft paper essay quiz midterm final exam lab lecture tutorial
    homework assignment project task ticket issue bug patch release build branch repo server database cluster account password
    email inbox newsletter podcast playlist album single mv live vlog blog post story reel thread group channel server stream
    game match rank season skin gacha event patch dlc boss raid quest build mod map team squad carry mvp ace
    outfit look hoodie sneaker bag lipstick perfume skincare mask serum nail hair makeup photo selfie filter
    laptop tablet iPad iPhone AirPods kindle switch monitor keyboard mouse charger router printer camera drone
    gym yoga pilates spin class run hike bbq picnic potluck karaoke club bar cafe mall outlet costco ikea
    manager boss leader client customer vendor partner mentor tutor TA professor roommate crush ex bestie buddy
    plan idea feedback comment update schedule agenda timeline budget quote invoice receipt refund order package delivery
    case bug feature API SDK UI UX PRD OKR KPI PPT PDF Excel Word Zoom Teams Slack Notion Figma GitHub Google Netflix YouTube
    TikTok Instagram ins B站 steam Epic Uber Airbnb Starbucks Costco`),
  /** English verbs used as Chinese verbs: 我先 check 一下, 他又 delay 了. */
  enVerbs: words(`check review sync confirm book cancel delay push merge call ping follow cover handle update share forward print
    schedule reschedule approve submit upload download install order refund claim register apply join block unfollow like tag
    post repost dm text email zoom google debug fix test deploy rollback reply cc loop present pitch prepare plan list rank carry
    solo queue grind farm save load backup edit crop delete archive`),
  /** Whole-message internet expressions and reactions (complete on their own). */
  slang: words(`绝了 绝绝子 真的会谢 谢谢你啊 无语子 无语 笑死 笑死我了 笑不活了 我真的会哭 哭死 破防了 蚌埠住了 绷不住了 栓Q 芭比Q了
    啊这 6 666 六六六 nb nbnb 牛 牛哇 牛蛙 yyds xswl awsl u1s1 dddd 懂的都懂 emo了 我emo了 上头 下头 离谱 离大谱 太离谱了
    麻了 我麻了 寄了 裂开 我裂开了 无了 没了 完了 完蛋 完犊子了 凉凉 芜湖 冲 冲冲冲 好耶 耶 草 生草 笑发财了 有被笑到 有被冒犯到
    我不理解 我悟了 懂了 get了 get到了 学到了 受教了 respect 心态崩了 心态炸了 社死 大型社死现场 真香 摆烂 躺平 卷不动了 内卷
    就这 就这？ 不愧是你 谁懂啊 家人们谁懂啊 太真实了 真实 我哭死 你是懂的 尊嘟假嘟 泰裤辣 可恶 可恶啊 气抖冷 服了 服了你了 我服了
    我真的服 鉴定完毕 有一说一 懂了懂了 好好好 行行行 哈 哈哈 哈哈哈 哈哈哈哈 哈哈哈哈哈哈哈 哈哈哈哈哈哈哈哈哈哈
    hhh hhhh hhhhhh 2333 23333 哈哈哈哈哈嗝 嘿嘿嘿 嘻嘻嘻 呜呜呜 呜呜呜呜 啊啊啊啊 啊啊啊啊啊啊 ？？？ ？ 。。。 ok的 okk ok了 好滴
    所以说嘛 我就说嘛 你看吧 看吧 果然 果然如此 不出所料 我就知道 早说嘛 害 害怕 吓死 吓死我了 救命 救命啊 天塌了 破大防 血压上来了`),
  /** Verbs that take a person: cpu我 (manipulates me), pua他. */
  personSlang: words(`cpu pua diss 内涵 阴阳 艾特 at 拉黑 屏蔽 删了 骂 夸 想 喊 叫 拉 带 教 坑`),
  /** Game, school and work status lines that are complete messages. */
  statusLines: words(`上号 上号上号 来一把 来两把 开一把 五排差一个 四缺一 三缺一 差一个人 今晚上分 上分 掉分了 掉段了 连跪 连胜 又输了 赢麻了
    这把超神了 这把躺赢 被坑了 又被坑了 抽到了 歪了 又歪了 出金了 十连 保底了 氪了 没氪 肝完了 肝不动了 开黑吗 打不打 带我
    明天早八 早八 下午满课 今天满课 期末周 挂科了 没挂 过了 考砸了 考完了 绩点出了 成绩出了 交作业了 组会 开组会 又要开组会
    论文还没写 周报还没写 打卡了 忘打卡了 又加班 加班中 开会中 摸鱼中 在摸鱼 下班了 下班下班 今天调休 请假了 年假批了 涨薪了 被裁了
    离职了 转正了 入职了 述职 还在改需求 需求又变了 上线了 又出bug了 服务器挂了 网断了 停电了 没网了 电脑死机了 手机没电了`),
  /** Verbs of noticing, remembering and passing by, incomplete without what was noticed. */
  noticeVerbs: words(`想起来 发现 意识到 路过 经过 听说 看到 收到 碰到 记得 想到 梦到 注意到 刷到 听到 看见 遇到 突然想到 才知道 才发现`),
  /** Short status replies that are complete: 刚醒, 在路上, 快到了. */
  status: words(`刚醒 醒了 在路上 在路上了 还在路上 快到了 马上到 到了 刚到 我到了 刚到家 到家了 刚下班 刚下课 刚起 刚起床 在忙 有点忙 在开会
    在上课 在吃饭 在洗澡 在外面 在家 在公司 在地铁上 在车上 排队中 等你呢 出门了 下楼了 在楼下 刚出门 快好了 马上好 还没 还没呢 没呢
    好了 弄好了 搞定 搞定了 收到 收到了 看到了 知道了 记住了 明白了 行 可以 没问题 不用了 睡了 先睡了 晚安 溜了 撤了 我先撤了`),
  /** Clock times and dates for answers: 明天下午三点, 周五晚上八点半. */
  dayParts: words(`今天 明天 后天 今晚 明早 周五 周六 周日 下周一 下周三 这周五 礼拜六 下个月 月底 15号 3号 二十号`),
  halfDay: words(`早上 上午 中午 下午 晚上 凌晨 傍晚 夜里`),
  clock: words(`三点 3点 三点半 3点半 八点 8点 8:30 10:00 九点一刻 十点 十点左右 两点 2点 七点半 7点半 六点 6点 十一点 12点 五点多 四点`),
} as const;
