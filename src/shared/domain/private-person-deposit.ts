/*
 * Seed 004: "个人在服饰内衣、运动户外、鞋靴、厨具等一级类目普通订单下的保证金标准都是五百元，至于其余的一级类目对个人主体是处暂不招商的状态。"
 * A private person (个人) may open a shop in these four first-level categories only, at ¥500;
 * every other category is closed to them (暂不招商), which is an answer, not an unknown figure.
 */
export const PRIVATE_PERSON_CATEGORIES = ['服饰内衣', '运动户外', '鞋靴', '厨具'] as const;

export const PRIVATE_PERSON_DEPOSIT_FEN = 50_000;

export const isOpenToPrivatePerson = (category: string): boolean => (PRIVATE_PERSON_CATEGORIES as readonly string[]).includes(category.trim());
