import { describe, expect, it } from 'vitest';
import { shareTitle } from './share-title';

/*
 * DOMAIN.md §选品: "Sources: … other platforms' seasonal best-seller lists, supply-chain new
 * arrivals" and §Purchasing: "find the supplier's channel for that product (WeChat, a supply-chain
 * platform, 1688…)" — so candidates arrive as Taobao, 1688 and Douyin share texts.
 * Share texts as the apps' 分享 → 复制链接 write them (issue 10: a Taobao share was captured with
 * the title "淘宝"). The rule: the title is the text inside 「」, else a 【】 that is not the
 * platform, else the line left when the link and the app's instructions are taken away.
 */
describe('shareTitle', () => {
  it.each([
    ['淘宝 (current)', '【淘宝】7天无理由退货 https://m.tb.cn/h.gHk2Lx9?tk=nTy3W8kQbX2 CZ3457 「夏季冰丝凉席三件套 可水洗折叠空调软席」\n点击链接直接打开 或者 淘宝搜索直接打开', '夏季冰丝凉席三件套 可水洗折叠空调软席'],
    ['淘宝 (no service tag)', '【淘宝】https://m.tb.cn/h.5Fz8Qw1?tk=Ab3CdEfGh1j HU0854 「ins风陶瓷马克杯带盖勺」\n点击链接直接打开', 'ins风陶瓷马克杯带盖勺'],
    ['淘宝 (old, title in 【】)', '【冰丝凉席三件套夏季】https://m.tb.cn/h.fkJL0p2?sm=4d5 点击链接，再选择浏览器咑閞；或復·制这段描述￥Ab12Cd34Ef￥后到👉淘♂寳♀👈', '冰丝凉席三件套夏季'],
    ['天猫', '【天猫】https://m.tb.cn/h.TmXq9Lw?tk=Qw3E4rT5yU6 MF6453 「南极人纯棉四件套 全棉床单被套」\n点击链接直接打开 或者 淘宝搜索直接打开', '南极人纯棉四件套 全棉床单被套'],
    ['1688 (current)', '【1688】https://qr.1688.com/s/Ab3dEf9G CZ0001 「跨境冰丝凉席三件套 厂家直销批发」\n点击链接直接打开', '跨境冰丝凉席三件套 厂家直销批发'],
    ['1688 (old, title on its own line)', '我在阿里巴巴发现了一个不错的商品，快来看看吧：\n夏季冰丝凉席三件套 厂家直销批发\nhttps://m.1688.com/offer/612345678901.html?spm=a26352.13672862', '夏季冰丝凉席三件套 厂家直销批发'],
    ['抖音商城', '【抖音商城】https://v.douyin.com/iRNBho6u/ 夏季冰丝凉席三件套可水洗\n长按复制此条消息，打开抖音搜索，查看商品详情！', '夏季冰丝凉席三件套可水洗'],
    ['抖音 (title in 【】 with a price)', '【夏季冰丝凉席】 ¥39.9 https://v.douyin.com/iAbC123/ 复制此链接，打开抖音搜索', '夏季冰丝凉席'],
    ['抖音 (a shop video)', '7.43 复制打开抖音，看看【小美家居的作品】冰丝凉席三件套开箱 https://v.douyin.com/iAbC123/ 04/12 gOx:/', '冰丝凉席三件套开箱'],
    ['a bare link', 'https://detail.1688.com/offer/123.html', null],
    ['only the platform', '【淘宝】https://m.tb.cn/h.5Fz8Qw1?tk=Ab3CdEfGh1j 点击链接直接打开', null],
  ])('%s', (_platform, text, title) => expect(shareTitle(text)).toBe(title));
});
