/**
 * More hand-written Chinese chat vocabulary (written for the second round of the generator): everyday
 * adjectives and degree words, noun phrases that can be a subject, question words, tag questions, verbs that
 * need an object, psych verbs, durations, number phrases, people's names, internet abbreviations and the
 * WeChat/QQ sticker names. Everything here is written by hand from general knowledge of chat; none of it is
 * taken from the evaluation files.
 */
const words = (list: string): readonly string[] => list.trim().split(/\s+/u);

export const zhx = {
  /** Adjectives people use in chat, on top of the base list. */
  adjectives: words(`凶 好喝 好吃 好玩 上头 好看 难看 难吃 难喝 丑 酷 香 臭 脏 值 划算 坑 水 强 菜 猛 惨 倒霉 幸运 暖和 凉快 闷 潮
    油 腻 淡 苦 酸 新鲜 清楚 卡 稳 顺利 难搞 过分 搞笑 温柔 暴躁 细心 马虎 懒 勤快 聪明 笨 呆 萌 乖 皮 闹 热闹 冷清 挤 空 满 闲
    渴 撑 饱 晕 疼 痒 麻 刺激 恐怖 吓人 感人 好哭 虐 齁 舒坦 别扭 专业 精致 高级 土 好听 难听 热情 冷淡 大方 小气 抠 有钱 穷
    充实 迷茫 心累 头大 崩溃 绝望 满足 踏实 放心 担心 心虚 委屈 心酸 羡慕 嫉妒 丢人 社死 上火 好闻 好用 难用 好找 难找 好学 划不来
    正 正点 带劲 无敌 绝 顶 牛逼 厉害 能干 靠谱 不靠谱 离谱 抽象 魔幻 玄学 真香 好甜 好暖 好气 好烦 好困 好累 好饿 好冷 好热 好忙`),
  /** Degree words before an adjective. */
  degree: words(`巨 贼 超 老 忒 可 怪 蛮 相当 十分 格外 有些 稍微 更 最 好 太 真是 实在 简直 也太 真的好 有点点 特 死 好好 超级无敌`),
  /** Heads of noun phrases that make good subjects: 他家的奶茶, 刚才那个人. */
  heads: words(`奶茶 咖啡 菜 饭 面 火锅 烧烤 蛋糕 衣服 裤子 鞋 包 手机 电脑 耳机 房间 宿舍 房子 车 路 天气 网 信号 老师 老板 同事 同学
    室友 邻居 客服 快递 外卖 店 餐厅 电影 剧 综艺 游戏 歌 视频 照片 书 课 作业 考试 题 会 项目 方案 工资 房租 水电费 价格 服务 味道
    声音 小孩 猫 狗 人 司机 医生 护士 前台 保安 阿姨 大爷 小哥 小姐姐 男生 女生 新人 领导 教练 主播 up主 网友 楼主`),
  /** Owners and deictic words in front of a head: 他家的, 刚才那个. */
  owners: words(`他家的 我家的 你家的 我们公司的 他们公司的 学校的 食堂的 楼下的 隔壁的 这家店的 那家店的 我们班的 你们那的 网上的 昨天的 今天的 上次的
    我的 你的 他的 她的 我们的 咱们的 老板的 我妈的 我朋友的 我室友的 我同事的`),
  deictic: words(`刚才那个 刚刚那个 昨天那个 上次那个 那天那个 这个 那个 这家 那家 这件 那件 这次 上次 那次 这本 那部 这首 那位 这位 楼下那个 隔壁那个 新来的那个`),
  /** Question words that end a question: 晚上吃啥, 你去哪. */
  whEnd: words(`啥 什么 哪 哪儿 哪里 谁 几个 多少 多少钱 多久 几点 几号 啥时候 什么时候 咋样 怎么样 如何 干嘛 干啥 为啥 哪个 哪家 多大 多远`),
  /** Tags that turn a statement into a complete question or appeal: 他们分了你知道吗. */
  tags: words(`你知道吗 你敢信 你说呢 懂吗 知道吧 明白吗 你信吗 对不对 是吧 对吧 好吗 行吗 可以不 咋样 怎么样 你觉得呢 有没有 记得吗 听见没 看到没
    真的 是真的 说真的 好不好 行不行 没错吧 你懂的 懂的都懂 你品 你细品 绝了 服了 离谱 无语 救命 哈哈 哈哈哈 笑死 呜呜 唉 啊啊啊`),
  /** Verbs of meeting and perceiving that need an object when bare: 在楼下碰见…. */
  encounter: words(`碰见 碰到 遇见 遇到 看见 撞见 听见 发现 捡到 瞧见 见到 梦到 梦见 想起 提到 说起 聊到 刷到 看到了一个 遇到了一个 碰到一个`),
  /** Verbs whose object cannot be left out after 了 with a measure word: 买了个…, 看了一个…. */
  measureVerbs: words(`买了 看了 吃了 点了 找了 认识了 碰到了 遇到了 收到了 发了 写了 养了 交了 租了 订了 换了 借了 拍了 做了 加了`),
  measureWords: words(`个 一个 一些 一家 一件 一只 一条 一部 一首 一本 几个 一堆 一位 个特别 个超级 一个很 一家超 个新的 一个巨`),
  /** Psych and social verbs that take a person: 羡慕你们, 心疼你. */
  feelVerbs: words(`羡慕 心疼 佩服 想 喜欢 讨厌 支持 理解 相信 嫉妒 同情 可怜 爱 恨 服 怕 等 陪 感谢 谢谢 崇拜 欣赏 担心 想念 恭喜 原谅 鄙视 怀念`),
  people: words(`你 你们 他 她 他们 她们 我 自己 你俩 他俩 大家 人家 我妈 老板 你家猫 你男朋友 你女朋友 小王 她妈 我哥 各位 姐妹们 兄弟们`),
  /** Durations: 等我十分钟, 排了一个小时. */
  durations: words(`十分钟 五分钟 两分钟 半小时 半个小时 一个小时 两个小时 一会儿 一下 一下下 一天 两天 一周 一个月 三个月 半年 一年 一晚上 一整天 一上午 好久 半天 一秒`),
  /** Directional verbs that can be followed by a purpose verb: 我下去拿, 你过来吃. */
  directions: words(`下去 过去 出去 回去 上去 进去 下来 过来 出来 回来 上来 进来 去 来`),
  purposes: words(`拿 拿一下 取快递 买点东西 买水 吃饭 吃个饭 找你 接你 看看 倒垃圾 拿外卖 拿快递 开门 洗个澡 换衣服 充电 上个厕所 抽根烟 透透气
    买杯咖啡 遛狗 跑步 看一眼 问问 找他 取钱 交钱 签个字 开会 打印 洗碗 晾衣服 做饭 收衣服 睡会儿 躺会儿`),
  /** Modal and plan words that leave a trailing 去/找/给 open: 我们打算周末去…. */
  plans: words(`打算 准备 要 得 想 计划 说好 约好 决定 本来想 正打算 还想 想要 可能要 应该会 待会要 明天要 下午得`),
  danglingMotion: words(`去 去 去 到 找 给 跟 把 和 陪 在 往 从 回`),
  /** Fragments that announce a question or a story and stop: 我一直想问你, 我跟你说个事. */
  announce: words(`想问你 想问你个事 想问一下 想告诉你 想跟你说 要跟你说 得跟你说 跟你说个事 问你个事儿 想请教一下 有件事想问你 想跟你商量一下 想说的是 要说的是`),
  /** Adverbial openers that cannot stand alone. */
  adverbialOpeners: words(`好不容易 一想到 每次 每当 就在 刚要 正要 眼看 差一点 原本 本来 当时 那时候 突然 忽然 结果 最后 后来 没想到 谁知道 难得 好在
    顺便问一下 请问 想问下 所以说 说起来 说到这个 讲真的 不瞒你说 实话跟你说 我跟你讲 你知道吗 话说回来 总而言之 一般来说 按理说
    照理说 幸亏 偏偏 万一 要不是 既然 趁着 直到 自从 等到 除非 哪怕 甚至 尤其 特别是 另外 何况 况且`),
  /** Topic phrases that a 吧/呢/啊 marks as "more to come": 这件事吧, 他那个人吧. */
  topics: words(`这件事 这个事 那件事 他那个人 这个人 那个人 我这个人 这个东西 这个问题 工作 学习 感情的事 我妈 我爸 我老板 我们老师 我室友 这次考试
    这个项目 钱的事 房子的事 这家店 那部电影 这个游戏 其实 我觉得 说实话 反正 现在 最近 然后 所以 但是 可是 不过`),
  /** Complete agreement with a thinking verb: 我也这么觉得, 我觉得也是. */
  agreeLeads: words(`我 我 我也 我也是 我就 我一直 我早就 我真的 我还 我倒是 我们都 大家都`),
  agreeTails: words(`这么觉得 这么想 这样想 这么认为 是这么想的 是这么觉得的 觉得 觉得 觉得是 觉得挺好 觉得还行 觉得可以 觉得不行 觉得没问题 觉得也是
    觉得没必要 觉得挺好看 觉得你说得对 觉得他说得对 想到了 猜到了 知道 觉得有道理 这么想的 是这个意思`),
  /** People's names written the chat way: surname plus given name, or nicknames. */
  surnames: [...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾肖田董潘袁蔡蒋余杜叶程魏苏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤'],
  givenNames: words(`伟 芳 娜 敏 静 丽 强 磊 洋 艳 勇 军 杰 娟 涛 明 超 秀英 霞 平 刚 桂英 浩 宇 轩 子涵 欣怡 梓涵 晨 一诺 佳怡 子轩 浩然 雨泽 思远 天佑 可馨
    雨桐 诗涵 博文 俊杰 嘉怡 晓雯 小雨 小雪 晓东 志强 建国 婷婷 丹丹 莉莉 倩倩 悦悦 萌萌 东东 乐乐 阳阳 朵朵 豆豆 糖糖 球球 大壮 二狗 胖虎`),
  nicknames: words(`宝 宝宝 宝子 亲 亲爱的 老婆 老公 老婆大人 哥 姐 哥们 兄弟 姐妹 集美 家人们 老铁 大佬 老师 领导 师傅 老板 学长 学姐 小可爱 猪猪 崽崽 妈 爸 老妈 老爸`),
  /** Place names people mention. */
  cities: words(`北京 上海 广州 深圳 杭州 成都 重庆 武汉 西安 南京 苏州 长沙 厦门 青岛 大连 天津 郑州 昆明 哈尔滨 三亚 云南 西藏 新疆 东北 老家 日本 韩国 泰国`),
  spots: words(`万达 星巴克 麦当劳 肯德基 海底捞 瑞幸 喜茶 蜜雪冰城 宜家 优衣库 迪士尼 环球影城 动物园 游乐园 博物馆 步行街 夜市 江边 操场 体育馆 驾校 网吧 KTV 酒吧 菜市场 药店 理发店 医院门口 公司楼下 学校门口 地铁站 高铁站 机场`),
  /** Internet abbreviations that are complete replies on their own. */
  abbreviations: words(`xswl yyds u1s1 nsdd dbq awsl zqsg bhys nbcs kswl plmm ssfd yysy xdm jms bdjw cpdd gkd tql hhhh hhh 233 666 999 orz emmm emm 嗯呢 ok okk okkk 88 886 3q`),
  /** WeChat and QQ sticker names, written as [name] in the text. */
  stickers: words(`微笑 撇嘴 色 发呆 得意 流泪 害羞 闭嘴 睡 大哭 尴尬 发怒 调皮 呲牙 惊讶 难过 囧 抓狂 吐 偷笑 愉快 白眼 傲慢 困 惊恐 憨笑 悠闲 咒骂 疑问
    嘘 晕 衰 骷髅 敲打 再见 擦汗 抠鼻 鼓掌 坏笑 哈欠 鄙视 委屈 快哭了 阴险 亲亲 可怜 笑脸 生病 脸红 破涕为笑 恐惧 失望 无语 嘿哈 捂脸 奸笑 机智 皱眉 耶
    吃瓜 加油 汗 天啊 Emm 社会社会 旺柴 好的 打脸 哇 翻白眼 666 让我看看 叹气 苦涩 裂开 嘴唇 爱心 心碎 拥抱 强 弱 握手 胜利 抱拳 勾引 拳头 OK 合十
    啤酒 咖啡 蛋糕 玫瑰 凋谢 菜刀 炸弹 便便 月亮 太阳 庆祝 礼物 红包 福 烟花 爆竹 猪头 跳跳 发抖 转圈 doge 狗头 二哈 滑稽 斜眼笑 喷血 托腮 吃 卖萌`),
  emoji: [...'😂😭👍🤣😅🙏😊🥺😡🤔👌🎉😴🐶💪😘🙃😱🌹😍🥰😢😤😒🙄😏😎🤗🤦🤷😬😳🥲😇🤡💀👀✨🔥💯❤💔🌚🌝🍺☕🍰🐱🐷🙈😋😜😝😑😐😶🤐😮😲🥱😪🤒🤧🥳🤩😆😁😀😄🙂'],
  kaomoji: words(`(笑 (哭 orz QAQ QwQ TAT T_T TT ಥ_ಥ ^_^ ^^ :) :( :D =_= -_- o(╥﹏╥)o (*^▽^*) ╮(╯▽╰)╭ (｡･ω･｡) (⊙_⊙)`),
  /** More English nouns that Chinese chat uses as they are (third round). */
  loanwords: words(`feature bug PR code slides report email file laptop iPad zoom slack meeting interview offer deadline schedule sprint
    demo project team manager client boss leader HR case plan idea party brunch gym yoga vlog ins app link wifi VPN pdf Excel
    PPT UI logo KPI OKR ddl iPhone AirPods switch steam Netflix outfit look style brand size order package coupon costco`),
  /** Chinese numerals for number phrases. */
  numerals: words(`一 两 三 四 五 六 七 八 九 十 十一 十二 二十 三十 五十 一百 两百 三百 五百 一千 两千 一万`),
  priceUnits: words(`块 块钱 元 毛 百 千 万 块一斤 块一件 一个月 一晚`),
  countUnits: words(`点 点半 分钟 个小时 天 个月 年 岁 号 楼 公里 斤 个 次 页 站 层 度 杯 张 人`),
} as const;
