/**
 * Chat vocabulary for the third author's Chinese templates (`zh-chat3.ts`): evaluative adjectives built on a
 * verb (好喝, 好用) and the verbs that look like them but need an object (想喝, 去喝), places for story openers,
 * group-chat lines, complaints, request verbs and list items. Written by hand from general knowledge of
 * QQ/WeChat chat; none of it is taken from a development or evaluation file.
 */
const words = (list: string): readonly string[] => list.trim().split(/\s+/u);

export const zh3 = {
  /** 好 + verb adjectives that finish an evaluation: 巨好喝, 超好用. */
  verbAdjectives: words(`好喝 好吃 好看 好玩 好用 好听 好闻 好笑 好哭 好找 好养 好拍 好穿 好带 好学 好懂 好走 好停车 难喝 难吃 难看 难用 难听 难找 难搞 难懂 难受 难约 难抢`),
  /** Degree words before them. */
  degree: words(`巨 超 贼 超级 特别 真的 真的巨 是真的 挺 还挺 蛮 好 太 也太 非常 相当 格外 贼拉 有点 不太 没那么`),
  /** The same verbs after a want or motion word, still waiting for their object: 我好想喝, 我们去喝. */
  wantLeads: words(`好想 超想 特别想 真想 想 要 准备 打算 去 来 一起去 下次去 改天去 待会去 还想 突然想 一直想 馋 也想 想再`),
  objectVerbs: words(`喝 吃 看 玩 买 用 听 点 试 尝 学 拍 穿 逛 打`),
  /** Short evaluative subjects: 他家的X, 楼下那家的X, 这次的X. */
  evalOwners: words(`他家的 他们家的 那家的 这家的 楼下那家的 学校门口那家的 公司楼下的 食堂的 你推荐的 你上次说的 我妈做的 网上买的 新开的那家 上次那家 这次的 今年的 新出的 刚买的 昨天的`),
  evalHeads: words(`奶茶 咖啡 火锅 烤肉 拉面 麻辣烫 包子 蛋糕 炸鸡 奶茶店 酸菜鱼 煎饼 冰淇淋 汉堡 披萨 饺子 米线 面包 酸奶 果茶 柠檬茶 新品 口红 香水 面膜 洗发水 耳机 键盘 椅子 鞋 外套 游戏 电影 剧 歌 综艺 小说 课 老师 店员 服务 环境 味道`),
  /** Places that open a story when nothing follows them: 我今天去医院, 刚刚在地铁上. */
  storyPlaces: words(`医院 银行 超市 公司 学校 商场 健身房 图书馆 食堂 地铁上 公交上 高铁上 车上 路上 楼下 小区门口 菜市场 理发店 药店 宜家 机场 火车站 派出所 驾校 营业厅 快递站 菜鸟驿站 他家 我妈家`),
  /** Past and story times, after which a place without a verb opens a story. */
  storyTimes: words(`今天 今天 今天早上 今天下午 昨天 昨天 昨晚 刚才 刚刚 上午 中午 下午 那天 上次 前天 早上 周末 上周`),
  /** Completions after a story place that finish the line: 我今天去医院了, 我今天去医院拿药. */
  placeEnds: words(`了 了 了一趟 拿药 打针 检查 排了好久的队 办事 买东西 取钱 开会 加班 上课 面试 体检 复查 逛了一圈 看了一下 呢 待了一天 躺了一天`),
  /** Verbs of saying and asking that wait for what was said: 他跟我说, 我妈刚打电话说. */
  speechLeads: words(`跟我说 跟我讲 说 告诉我 问我 让我 叫我 发消息说 打电话说 在群里说 微信上说 刚才说 突然说 非要说 还说 居然说 私聊我说 留言说 回我说 跟他们说 提醒我 通知说`),
  /** Whole reports, or the bare speech verb as a finished answer: 他说了, 她说好. */
  speechEnds: words(`说了 说过了 跟我说了 没说 没说啥 说好 说行 说可以 说不用 说算了 说随便 说不知道 说没空 说他不来了 说明天再说 说下次吧 问过了 都说了 早说了 也这么说 是这么说的 说的`),
  /** Request openers: 帮我, 麻烦帮我, 能不能帮我. */
  requestLeads: words(`帮我 帮我 麻烦帮我 麻烦你帮我 你帮我 能不能帮我 可以帮我 能帮我 拜托帮我 求你帮我 顺便帮我 有空帮我 你能不能帮我 麻烦 麻烦你 麻烦大家`),
  /** Whole requests after 帮我: 帮我看看, 帮我带杯咖啡. */
  requestEnds: words(`看看 看一下 问问 问一下 拿一下 带一下 取一下快递 占个座 带杯咖啡 带份饭 点个外卖 买瓶水 签个到 打个卡 投个票 砍一刀 点个赞 转发一下 改一下 查一下 催一下 关一下门 开一下门 收一下快递 喂一下猫 拍张照 录个音 看下群 回他一下 请个假 订个位置 叫个车 充个电`),
  /** Transitive verbs after 帮我 / 帮我把 that still need their object or result. */
  requestVerbs: words(`买 带 拿 看 问 找 取 寄 订 发 转 改 查 交 借 还 填 签 收`),
  /** Group-chat lines that are whole messages. */
  groupLines: words(`有人吗 有人在吗 在吗 在不在 谁在 都在吗 人呢 冒个泡 来人 来人啊 潜水的出来 艾特全体 收到 收到收到 已读 已阅 +1 加一 我也要 算我一个 带我一个 我报名 同求 蹲 蹲一个 蹲后续 求链接 求推荐 求带 求捞 顶 顶一下 谢谢老板 谢谢群主 老板大气 红包呢 抢到了 手慢了 没抢到 又没抢到 群主威武 已转 已付 已交 到了吗 到哪了 谁还没交 还差谁 齐了吗 人齐了 开车了 发车了 上车 下车`),
  /** Group-chat lines that stop before what they ask for: 有没有人一起, 谁有. */
  groupOpens: words(`有没有人 有没有人一起 有人要 有人想 谁想 谁要 谁能 有谁 有人 谁明天 有人今晚`),
  groupObjects: words(`充电宝 雨伞 胶带 剪刀 耳机 身份证复印件 卫生纸 发票 打印机 课件 作业答案 往年真题 会员 优惠券 车位 电影票 演唱会门票 外卖券 拼单 奶茶 夜宵 火锅`),
  /** Complaint predicates that finish the line: 又卡了, 每次都这样. */
  complaintEnds: words(`又卡了 又崩了 又坏了 又迟到了 又鸽我 又放我鸽子 又加班 又下雨了 又涨价了 卡死了 慢死了 烦死了 吵死了 太坑了 太离谱了 真的无语 气死人 每次都这样 一直这样 天天这样 没完没了 有完没完 能不能行 什么玩意 什么鬼 绝了 服了 醉了 够了 受够了 不想干了 心累 好烦啊`),
  /** Complaint subjects: 这破电脑, 我们老板. */
  complaintSubjects: words(`这破电脑 这破手机 这破网 这破天气 这破车 这破系统 这破游戏 这破公司 这破软件 我们老板 我室友 隔壁 楼上 我们领导 那个客户 快递 外卖 地铁 这天气 这网速 他 她 我妈 老师`),
  /** Adverbs of habit after which the complaint has not arrived: 他老是, 每次他都. */
  habitAdverbs: words(`老是 总是 天天 每次都 动不动就 一直 又 整天 成天 经常 从来不 永远 一到周末就 一说话就 每天都`),
  /** Items for lists cut after a comma or 还有. */
  listItems: words(`身份证 充电器 雨伞 钥匙 耳机 牛奶 鸡蛋 面包 水果 纸巾 洗发水 牙膏 零食 可乐 啤酒 外套 拖鞋 睡衣 笔记本 电脑 资料 简历 合同 发票 护照 口罩 药 水杯 猫粮 狗粮`),
  /** Subordinate leads that end in 了 and still wait for a main clause: 等你下班了, 要是他来了. */
  clauseLeads: words(`等 等到 等你 等我 要是 如果 万一 到时候 等他 等咱们 假如 一旦 等明天 回头 等哪天`),
  finishedActs: words(`下班 放假 到家 忙完 考完 睡醒 吃完 回来 有空 发工资 搬完家 写完 出门 到 弄完 开完会 洗完澡 下课 交完 定下来`),
  /** English adjectives used in Chinese evaluations: 这个好 cute, 今天好 emo. */
  enAdjectives: words(`cute nice chill cool emo crazy awkward fancy classy basic low high sweet man chic fresh premium cheap random weird toxic sad happy lucky busy`),
} as const;
