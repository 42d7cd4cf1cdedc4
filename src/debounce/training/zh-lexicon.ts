/**
 * Hand-written Chinese chat vocabulary for the generator, grouped by the role a word plays in a sentence.
 * Slot fillers are widened with the jieba dictionary (`jieba-lexicon.ts`); the function words stay here,
 * because which of them can end an utterance is the knowledge the generator has to carry.
 */
const words = (list: string): readonly string[] => list.trim().split(/\s+/u);

export const zh = {
  subjects: words(`这件事 这个人 那家店 这个东西 这首歌 那部电影 这游戏 这天气 我的手机 我的电脑 你的快递 他的车 我们家 我们学校
    我 我 我 你 你 他 她 我们 你们 他们 她们 咱们 我妈 我爸 我哥 我姐 我弟 我妹 我朋友 我同学 我室友 我同事
    我老公 我老婆 男朋友 女朋友 我对象 老板 老师 领导 客户 房东 邻居 大家 有人 隔壁 猫 狗 宝宝 这孩子 我家猫 小王 小李 阿姨
    师傅 组长 班长 爷爷 奶奶 楼下那家 这人 那个人 他俩 全班 舍友 闺蜜 兄弟 我表弟 我们老师 我们老板 前台 快递员`),
  times: words(`今天 明天 昨天 后天 前天 刚刚 刚才 早上 上午 中午 下午 晚上 今晚 昨晚 明早 半夜 周末 这周 下周 上周 最近
    现在 待会 一会儿 等下 过两天 以后 之前 刚 这两天 月底 年底 五点 八点半 十点 明天早上 今天下午 周五 周六晚上 假期 放学后 下班后
    下个月 上个月 下周一 下周三 周三 周四 周日 这周六 礼拜天 明年 去年 今年 前几天 大后天 那天 那天晚上 当时 过几天 改天 凌晨
    傍晚 国庆 过年 暑假 寒假 元旦 五一 中秋 开学 这学期 今早 一大早 晚点 三点半 晚上九点 早上七点 下午两点 周末两天 节后`),
  places: words(`家 公司 学校 超市 医院 地铁上 楼下 宿舍 图书馆 食堂 机场 商场 健身房 咖啡店 公园 车站 高铁上 路上 床上 办公室
    教室 老家 外面 店里 群里 朋友圈 网上 厕所 电影院 火锅店 奶茶店 小区门口 便利店 银行 楼上
    阳台 客厅 卧室 厨房 实验室 驾校 理发店 菜市场 药店 快递站 驿站 游泳馆 球场 操场 体育馆 酒店 民宿 外婆家 奶奶家 朋友家 你家
    地铁站 公交站 火车站 高铁站 停车场 写字楼 工位 会议室 宿舍楼下 门卫 前台 网吧 书店 面馆 烧烤摊 夜市 车里 被窝里`),
  adverbs: words(`又 也 还 都 已经 刚 终于 居然 竟然 真的 一直 总是 老是 突然 马上 其实 确实 好像 可能 差点 再 先 还是 本来 明明 偏偏`),
  degree: words(`好 太 有点 超 超级 特别 非常 真 挺 蛮 巨 贼 好像有点 越来越 这么 那么 不太 没那么`),
  adjectives: words(`晚 早 久 多 少 累 困 饿 忙 烦 开心 难过 好看 好吃 贵 便宜 冷 热 无聊 好玩 厉害 可爱 帅 漂亮 舒服 难受 紧张 激动 生气 尴尬
    离谱 好笑 麻烦 简单 难 快 慢 远 近 吵 安静 干净 乱 香 甜 辣 咸 丑 胖 瘦 急 爽 烦人 幸福 失望 感动 害怕 无语 郁闷 焦虑
    舒服 方便 靠谱 奇怪 重要 正常 严重 好听 好用 满意`),
  /** Verb + object that already reads as a finished predicate. */
  predicates: words(`吃饭 吃火锅 喝奶茶 看电影 打游戏 睡觉 洗澡 上班 下班 加班 开会 写作业 写代码 跑步 逛街 买衣服 做饭 收快递 追剧
    听歌 打电话 回家 出门 搬家 请假 考试 复习 健身 遛狗 喂猫 点外卖 打车 坐地铁 排队 拍照 化妆 洗衣服 打扫卫生 吃早饭 吃午饭
    休息 早点休息 聊天 说话 回消息 等人 散步 发呆 躺平 哭 笑 玩 睡 走 跑 减肥 存钱 花钱 还钱 借钱 收拾东西 换衣服 化妆 吹头发 泡脚
    吃晚饭 喝咖啡 看书 上课 下课 放假 发烧 感冒 咳嗽 失眠 熬夜 起床 午睡 摸鱼 出差 面试 辞职 涨工资 发工资 租房 装修 刷手机
    看直播 打球 游泳 爬山 旅游 钓鱼 唱歌 跳舞 画画 弹琴 练字 背单词 做实验 改论文 交报告 赶地铁 等公交 取快递 买菜 洗碗 拖地
    值班 补觉 开黑 吃夜宵 喝酒 逛超市 寄快递 打疫苗 看医生 挂号 体检 剪头发 染头发 打羽毛球 打篮球 踢球 骑车 开车 充电 交房租
    抢票 订酒店 收拾行李 写论文 刷题 上网课 考驾照 练车 排练 剪视频 拍视频 发朋友圈 看演唱会 做兼职 找工作 跳槽 谈恋爱 相亲
    带娃 哄孩子 陪爸妈 回老家 过生日 请客 打卡 签到 开直播 吃药 打针 输液 拔牙 配眼镜 修手机 换手机 搬砖 挤地铁 晒太阳 洗头`),
  /** Verbs that need an object after them. */
  transitive: words(`买 吃 喝 看 找 带 拿 送 借 还 修 换 订 约 问 寄 等 接 做 写 改 学 玩 听 点 充 退 养 追 扔 洗 收 交 删 发`),
  objects: words(`奶茶 火锅 手机 电脑 衣服 快递 作业 论文 外卖 钥匙 耳机 充电器 雨伞 水杯 外套 鞋子 电影 游戏 小说 票 蛋糕 礼物
    房子 车 猫粮 零食 水果 咖啡 报告 简历 合同 方案 PPT 照片 视频 消息 邮件 文件 红包 书 眼镜 口红 包 键盘 裙子 帽子 药
    早饭 晚饭 烧烤 麻辣烫 炸鸡 月饼 饺子 面条 米饭 可乐 啤酒 机票 车票 门票 身份证 银行卡 钱包`),
  measures: words(`一个 两个 三个 一杯 一份 一张 一件 一双 一本 一部 几个 一些 一点 半个 一箱 一袋 一瓶 一盒 一碗 一顿 一次 一趟
    一家 一只 一条 一位 一句 一款 一种 一堆 一首 一篇 一辆 一台 一间 一场 好几个 这么多 那么多 新的 这种 那种`),
  particles: words(`啊 呀 呢 吧 啦 哦 哈 嘛 耶 诶 呗 噢 咯 哇 嘞 哟 喔`),
  questionParticles: words(`吗 吗 呢 啊 没 不 么 嘛`),
  /** Verbs of saying and thinking: incomplete alone, complete with a clause after them. */
  thinking: words(`觉得 感觉 说 以为 猜 发现 听说 希望 担心 怀疑 告诉我 跟我说 建议 认为 觉得吧 还以为 感觉好像 总觉得 突然发现 才知道 没想到 记得好像 就怕 最怕 还怕 生怕`),
  /** Verbs of wanting and planning: incomplete alone, complete with a verb phrase. */
  volition: words(`想 要 打算 准备 决定 计划 得 应该 需要 必须 喜欢 讨厌 懒得 试着 想要 正准备 本来想 还想 想让 打算去 准备去`),
  /** Prepositions and coverbs that leave the sentence open when they come last. */
  prepositions: words(`在 把 被 给 跟 和 对 从 往 向 比 用 让 叫 替 帮 为 为了 关于 按照 根据 除了 对于 通过 趁 离 同 与 朝 沿着`),
  /** Connectives that open a second clause; at the end of a text they mean more is coming. */
  continuers: words(`然后 但是 可是 不过 而且 所以 因为 还有 就是 或者 还是 并且 结果 于是 接着 另外 而 但 可 因此 甚至 况且 何况
    反正 要不 要不然 否则 不然 只是 而是 以及 同时 后来 其实 然而 总之 比如 包括 尤其是 特别是 就算`),
  /** Openers that announce more: incomplete alone, complete once a clause follows. */
  openers: words(`说真的 说实话 讲真 其实 话说 对了 我跟你说 跟你说 你知道吗 你猜怎么着 怎么说呢 要我说 我觉得吧 其实吧 反正 首先 第一
    另外 还有 还有就是 就是说 也就是说 换句话说 本来 一开始 后来 那个 就是 嗯那个 然后呢 问你个事 跟你说个事 我想问一下 有件事
    我问你 你听我说 重点是 问题是 关键是 我的意思是 最离谱的是 更气人的是 最重要的是 没想到 不知道为什么 讲道理 老实说 我就想说
    其实呢 但是呢 可是呢 就是呢 而且呢 然后就是 至于 除了 关于 比如说 比如 像是 好比 以前 那时候 当时
    无论如何 你说说 我感觉 我总觉得 最近 今天 刚刚 哎对了 然后我 结果呢 谁知道 本来吧 话说回来 诶对了 顺便说一下`),
  /** Interjections that can lead any sentence. */
  interjections: words(`哎 诶 啊 欸 哎呀 卧槽 我去 天哪 救命 妈呀 哇 唉 嗯 呃 emmm 好吧 行吧 哈哈哈 啊啊啊 呜呜`),
  /** Verb + person objects: 等你, 想你, 告诉他. */
  personVerbs: words(`等 想 找 陪 告诉 问 接 送 谢谢 喜欢 讨厌 骂 夸 约 叫 催 请 理 帮 相信 原谅 打 拉黑 关注 回`),
  /** Reduplicated and short verbs that finish a sentence on their own: 再想想, 试试. */
  shortVerbs: words(`想想 看看 试试 问问 等等 聊聊 走走 歇歇 玩玩 算算 查查 考虑考虑 研究研究 休息一下 想一想 看一下 睡一会 忍忍 懂了 会了
    知道了 记住了 明白了 忘了 到了 走了 来了 醒了 睡了 哭了 笑了 饱了 好了 完了 输了 赢了 疯了 傻了 病了 瘦了 胖了 出来了 回来了
    会 不会 能 可以 行 不行 懂 知道 明白 记得 同意 马上来 快到了 这就来 马上好 马上回 就到 晚点到 晚点回 快到 在路上了
    我来 我来吧 我去吧 交给我 算了 就算了 再说 再聊 再看看 再商量 想去 也想去 要去 不想去 不去 都去 想来 回来 过来 出发 回去 离开 走 来 睡醒 醒了 到家 到家了 下车了 上车了 出门了 起床了
    碰到他了 交了 做完了 发了 修好了 洗了 退了 忘了 丢了 回来了 答应了 同意了 拒绝了 生病了 住院了 出院了 升职了 分手了 和好了`),
  /** Verb + directional or result complement: 出去玩, 跑完, 写完. */
  complements: words(`出去吃 回来了 跑完了 写完了 吃完了 看完了 做完了 搞定了 弄好了 修好了 买到了 找到了 听懂了 看懂了 想明白了
    赶上了 错过了 睡过头了 忘带了 搞砸了 放弃了 坚持下来了 撑不住了 受不了了 起不来 睡不着 吃不下 走不动了 还没吃完 还没到`),
  /** Paired connectives: the first clause alone is unfinished, both together are a sentence. */
  pairs: [
    ['如果', '就'], ['如果', '那就'], ['要是', '就'], ['假如', '就'], ['万一', '怎么办'], ['只要', '就'], ['因为', '所以'],
    ['由于', '所以'], ['因为', ''], ['虽然', '但是'], ['虽然', '可是'], ['虽然', '不过'], ['尽管', '还是'], ['虽说', '但'],
    ['不仅', '而且'], ['不但', '还'], ['即使', '也'], ['就算', '也'], ['哪怕', '也'], ['既然', '那就'], ['除非', '不然'],
    ['不管', '都'], ['无论', '都'], ['一旦', '就'], ['等', '再'], ['与其', '不如'], ['要不是', '早就'], ['先', '然后'],
    ['一边', '一边'], ['如果', ''], ['要是', ''], ['假如', ''], ['如果', '我们就'], ['尽管', '也'], ['因为', '才'], ['只有', '才'], ['如果', '还是'],
  ] as ReadonlyArray<readonly [string, string]>,
  /** Replies and reactions that are complete on their own. */
  replies: words(`还好 还行 一般 一般般 还可以 凑合 挺好 不错 不好 不行 不太行 不去 不去了 不用谢 没空 有空 忙 不忙 我不要 不想
    当然 当然了 那当然 肯定 必须的 有 没 有的 在呢 我在 好了好了 行了 够了 好啦 对啊 嗯哼 嗯好 好呀 好哦 可 冲鸭 哈 哈哈哈哈哈哈 好的 好 好滴 好哒 好嘞 好吧 嗯 嗯嗯 嗯呢 恩恩 哦 哦哦 噢噢 喔 行 行吧 行行行 可以 可以的 没问题 收到 收到收到 知道了
    明白 懂了 对 对的 对对对 是的 是啊 不是 没有 没事 没关系 不用 不用了 不要 算了 随便 都行 无所谓 哈哈 哈哈哈 哈哈哈哈哈 嘿嘿
    嘻嘻 呵呵 233 2333 666 牛 牛啊 绝了 好家伙 啊这 离谱 无语 服了 笑死 救命 天哪 我的天 妈呀 哇 哇塞 呜呜 呜呜呜 唉 哎 哼 切
    谢谢 谢谢你 谢啦 多谢 辛苦了 晚安 早安 早 早上好 午安 拜拜 再见 回头见 明天见 在吗 在 在的 在不在 来了 到了 马上 稍等 等等
    真的假的 真的吗 是吗 为啥 为什么 咋了 怎么了 然后呢 不会吧 不至于吧 确实 有道理 也是 那倒是 同意 加油 冲 冲冲冲 好耶 耶
    恭喜 恭喜恭喜 生日快乐 新年快乐 辛苦啦 抱抱 摸摸头 想你了 爱你 么么哒 晚安啦 睡了 困了 饿了 溜了 撤了 我先睡了 好困 好饿
    不知道 不清楚 没听说 看情况 再说吧 改天吧 下次吧 随你 你定 听你的 我也是 我也 同感 可不是嘛 好巧 厉害了 绝绝子 yyds emmm
    嗯哼 okk 好der 好滴滴 收到啦 没毛病 稳 妥了 完美 搞定 好了 完了 糟了 凉了 懵了 醉了 裂开 破防了 麻了 蚌埠住了 泪目 哭了 笑死我了 尊嘟假嘟`),
  /** English words Chinese chat borrows as they are. */
  loanwords: words(`meeting deadline ddl offer bug app PR wifi iPhone project presentation review idea plan case feature api
    laptop vlog KPI PPT outfit party switch steam vip VPN emo CPU code demo app Excel word pdf B站 up主 P图 ins tiktok`),
  /** English connectives and acknowledgements dropped into Chinese chat. */
  englishBits: words(`ok okk so but because then anyway btw sorry thx lol omg emmm hhh orz nice yes no bye`),
  /** Words that follow a noun-phrase modifier and leave it hanging. */
  nounHeads: words(`那个 这个 那件事 那家店 那个人 事情 东西 地方 时候 问题 视频 电影 游戏 老师 朋友 房子 工作 项目 衣服 照片 群 消息`),
} as const;
