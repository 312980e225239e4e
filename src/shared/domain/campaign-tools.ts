/** The promotion tools a campaign may ask for (campaign-calendar.ts seeds them; the contract checks them). */
export const CAMPAIGN_TOOLS = ['coupon', 'groupBuy', 'flashSale', 'fullReduction', 'limitedDiscount', 'bundle'] as const;
/** 优惠券 · 拼团 · 秒杀 · 满减 · 限时折扣 · 组合套餐 (seed 000: "优惠券、拼团、秒杀等促销活动"; seed 002: "满减券、限时折扣、组合套餐"). */
export type CampaignTool = (typeof CAMPAIGN_TOOLS)[number];
