/*
 * Every field a person types into, with its name in both languages and what it allows. The zod
 * schemas of the contract are built from these (field-schemas.ts), so a form, the core and the CLI
 * refuse the same values, and the refusal names the field and the allowed range
 * (i18n/validation-messages.ts).
 */

export type Label = { 'zh-CN': string; 'en-US': string };

/**
 * How a stored number is shown: `yuan` and `percent` with `scale: 100` are fen and basis points
 * (the form types yuan and percent); the bounds are in stored units.
 */
export type NumberUnit = 'yuan' | 'percent' | 'minutes' | 'hours' | 'days' | 'count' | 'score';

export type NumberSpec = { kind: 'number'; label: Label; min: number; max: number; unit: NumberUnit; scale: 1 | 100; isInteger: boolean };
export type TextSpec = { kind: 'text'; label: Label; min: number; max: number };
export const FORMATS = ['phone', 'clock', 'clockOrEmpty', 'date', 'dateTime', 'digits', 'divisionCode'] as const;
export type Format = (typeof FORMATS)[number];
export type FormatSpec = { kind: 'format'; label: Label; format: Format; max: number };
export type ListSpec = { kind: 'list'; label: Label; max: number };
export type FieldSpec = NumberSpec | TextSpec | FormatSpec | ListSpec;

const l = (zh: string, en: string): Label => ({ 'zh-CN': zh, 'en-US': en });
const fen = (label: Label, min = 0, max = 1_000_000_000): NumberSpec => ({ kind: 'number', label, min, max, unit: 'yuan', scale: 100, isInteger: true });
const bp = (label: Label): NumberSpec => ({ kind: 'number', label, min: 0, max: 10_000, unit: 'percent', scale: 100, isInteger: true });
const int = (label: Label, min: number, max: number, unit: NumberUnit): NumberSpec => ({ kind: 'number', label, min, max, unit, scale: 1, isInteger: true });
const decimal = (label: Label, min: number, max: number, unit: NumberUnit): NumberSpec => ({ kind: 'number', label, min, max, unit, scale: 1, isInteger: false });
const text = (label: Label, max: number, min = 0): TextSpec => ({ kind: 'text', label, min, max });
const format = (label: Label, f: Format, max = 100): FormatSpec => ({ kind: 'format', label, format: f, max });
const list = (label: Label, max: number): ListSpec => ({ kind: 'list', label, max });

export const FIELD_SPECS = {
  // 选品: the product form and quick capture.
  productTitle: text(l('商品标题', 'Product title'), 200, 1),
  sourceLink: text(l('来源链接', 'Source link'), 2000),
  sourceLinks: list(l('来源链接', 'Source links'), 20),
  supplierSku: text(l('供应商 SKU', 'Supplier SKU'), 500),
  supplierLink: text(l('供应商商品链接', 'Supplier product link'), 2000),
  cost: fen(l('进货价', 'Cost')),
  freight: fen(l('供应商运费', 'Supplier freight')),
  plannedPrice: fen(l('计划售价', 'Planned price')),
  coupon: fen(l('优惠券', 'Coupon')),
  commission: bp(l('佣金比例', 'Commission')),
  platformFee: bp(l('平台技术服务费', 'Platform fee')),
  returnAllowance: bp(l('退货损耗预留', 'Return allowance')),
  targetMargin: bp(l('活动目标毛利率', 'Target margin')),
  audienceTag: text(l('人群标签', 'Audience tag'), 40, 1),
  audienceTags: list(l('人群标签', 'Audience tags'), 30),
  productCategory: text(l('类目', 'Category'), 500),
  productNotes: text(l('备注', 'Notes'), 10_000),
  douyinProductId: format(l('抖店商品ID', 'Douyin product ID'), 'digits', 30),
  merchantCode: text(l('商家编码', 'Merchant code'), 500),
  plannedSlot: format(l('计划上架时段', 'Listing slot'), 'clock'),
  logReason: text(l('修改原因', 'Reason for the change'), 500),
  csvSource: text(l('来源名称', 'Source name'), 100, 1),
  productSearch: text(l('搜索内容', 'Search text'), 200),
  captureText: text(l('粘贴的内容', 'Pasted text'), 5000, 1),
  capturePrice: fen(l('进货价', 'Cost')),
  quotaMin: int(l('每日最少上架数', 'Daily minimum'), 1, 200, 'count'),
  quotaMax: int(l('每日最多上架数', 'Daily maximum'), 1, 200, 'count'),
  quotaSlots: list(l('上架时段', 'Listing slots'), 6),
  slotTime: format(l('时段时间', 'Slot time'), 'clock'),
  slotCount: int(l('该时段上架数量', 'Products in the slot'), 2, 5, 'count'),
  // 供应商.
  supplierSearch: text(l('搜索内容', 'Search text'), 200),
  supplierName: text(l('供应商名称', 'Supplier name'), 200, 1),
  wechat: text(l('微信', 'WeChat'), 100),
  supplierPhone: text(l('电话', 'Phone'), 50),
  qq: text(l('QQ', 'QQ'), 100),
  contactPerson: text(l('联系人', 'Contact person'), 100),
  shopLink: text(l('店铺链接', 'Shop link'), 2000),
  shopLinks: list(l('店铺链接', 'Shop links'), 20),
  shipFrom: text(l('发货地', 'Ships from'), 500),
  cutoffTime: format(l('截单时间', 'Order cut-off'), 'clockOrEmpty'),
  usualShipHours: int(l('通常发货时长', 'Usual time to ship'), 0, 24 * 60, 'hours'),
  supplierNotes: text(l('备注', 'Notes'), 10_000),
  blacklistReason: text(l('拉黑原因', 'Blacklist reason'), 500),
  damagedHandling: text(l('破损处理', 'Damaged goods'), 500),
  refusedParcel: text(l('拒收处理', 'Refused parcels'), 500),
  returnWindowDays: int(l('退货期限', 'Return window'), 0, 365, 'days'),
  rulesNotes: text(l('退货备注', 'Return notes'), 5000),
  regionCode: format(l('省市区', 'Province, city and district'), 'divisionCode', 6),
  street: text(l('详细地址', 'Street address'), 300, 1),
  recipient: text(l('收件人', 'Recipient'), 50, 1),
  addressPhone: format(l('收件电话', 'Recipient phone'), 'phone', 20),
  // 资金.
  depositCategory: text(l('类目', 'Category'), 40, 1),
  depositCategories: list(l('经营类目', 'Categories'), 20),
  perOrderDays: int(l('结算天数（N）', 'Settlement days N'), 0, 60, 'days'),
  experienceScore: decimal(l('体验分', 'Experience score'), 0, 5, 'score'),
  autoConfirmDays: int(l('自动确认收货天数', 'Auto-confirm days'), 0, 30, 'days'),
  overdueDays: int(l('超期天数', 'Overdue after'), 1, 90, 'days'),
  platformFeePercent: decimal(l('平台服务费比例', 'Platform fee'), 0, 50, 'percent'),
  commissionPercent: decimal(l('佣金比例', 'Commission'), 0, 90, 'percent'),
  closedOn: format(l('关店日期', 'Shop closed on'), 'date'),
  refundAppliedOn: format(l('申请退保证金日期', 'Refund applied for on'), 'date'),
  refundReceivedOn: format(l('保证金到账日期', 'Refund received on'), 'date'),
  depositRate: fen(l('保证金金额', 'Deposit amount')),
  ledgerDate: format(l('日期', 'Date'), 'date'),
  ledgerAmount: fen(l('金额', 'Amount'), 1),
  ledgerNote: text(l('备注', 'Note'), 200),
  // 活动.
  campaignName: text(l('活动名称', 'Campaign name'), 100, 1),
  campaignSignupStart: format(l('报名开始日', 'Sign-up opens'), 'date'),
  campaignSignupDeadline: format(l('报名截止日', 'Sign-up deadline'), 'date'),
  campaignRunStart: format(l('活动开始日', 'Campaign start'), 'date'),
  campaignRunEnd: format(l('活动结束日', 'Campaign end'), 'date'),
  campaignRequirements: text(l('报名要求', 'Requirements'), 5000),
  campaignTools: list(l('促销工具', 'Promotion tools'), 6),
  campaignNotes: text(l('备注', 'Notes'), 10_000),
  campaignPrice: fen(l('活动价', 'Campaign price'), 1),
  campaignProduct: text(l('参加活动的商品', 'Campaign product'), 200),
  campaignYear: int(l('年份', 'Year'), 2000, 2100, 'count'),
  signupLeadDays: int(l('报名截止提前提醒', 'Sign-up reminder lead'), 0, 30, 'days'),
  // 店铺健康 (the platform's scores, typed in daily).
  healthDate: format(l('日期', 'Date'), 'date'),
  healthExperience: decimal(l('商家体验分', 'Shop experience score'), 0, 5, 'score'),
  healthProductScore: decimal(l('商品体验分', 'Product experience score'), 0, 5, 'score'),
  healthLogisticsScore: decimal(l('物流体验分', 'Logistics experience score'), 0, 5, 'score'),
  healthServiceScore: decimal(l('服务体验分', 'Service experience score'), 0, 5, 'score'),
  healthDsr: decimal(l('店铺评分（DSR）', 'Shop rating (DSR)'), 0, 5, 'score'),
  healthGoodReview: decimal(l('好评率', 'Good-review rate'), 0, 100, 'percent'),
  healthVisitors: int(l('商品访客数', 'Product visitors'), 0, 100_000_000, 'count'),
  healthClickers: int(l('商品点击人数', 'Product clickers'), 0, 100_000_000, 'count'),
  healthCtr: decimal(l('商品点击率', 'Click-through rate'), 0, 100, 'percent'),
  healthConversion: decimal(l('成交转化率', 'Conversion rate'), 0, 100, 'percent'),
  healthReply3m: decimal(l('3分钟回复率', '3-minute reply rate'), 0, 100, 'percent'),
  healthNote: text(l('备注', 'Note'), 200),
  healthDsrMin: decimal(l('DSR 预警线', 'DSR warning line'), 0, 5, 'score'),
  healthGoodReviewMin: decimal(l('好评率预警线', 'Good-review warning line'), 0, 100, 'percent'),
  healthSpotWarn: decimal(l('现货占比提醒线', 'Spot-share reminder line'), 0, 100, 'percent'),
  healthSpotFloor: decimal(l('现货占比底线', 'Spot-share floor'), 0, 100, 'percent'),
  // 日常.
  blockTitle: text(l('名称', 'Name'), 40, 1),
  targetMinutes: int(l('目标时长', 'Target time'), 1, 600, 'minutes'),
  checklistText: text(l('清单项', 'Checklist item'), 120, 1),
  checklist: list(l('清单', 'Checklist'), 30),
  allowedMissesPerWeek: int(l('每周可缺勤天数', 'Missed days allowed per week'), 0, 6, 'days'),
  idleMinutes: int(l('离开多久后询问', 'Ask after being away'), 1, 240, 'minutes'),
  // 看数据.
  analyticsFrom: format(l('开始日期', 'Start date'), 'date'),
  analyticsTo: format(l('结束日期', 'End date'), 'date'),
  analyticsNoteDate: format(l('备注日期', 'Note date'), 'date'),
  analyticsNote: text(l('时段备注', 'Period note'), 200, 1),
  topProducts: int(l('显示前 N 名', 'Top N shown'), 1, 100, 'count'),
  hitSharePercent: decimal(l('爆款订单占比', 'Hit: share of orders'), 0, 100, 'percent'),
  hitRisePercent: decimal(l('爆款环比增长', 'Hit: rise over the previous range'), 0, 1000, 'percent'),
  dropFallPercent: decimal(l('下滑环比降幅', 'Drop: fall over the previous range'), 0, 100, 'percent'),
  dropMinOrders: int(l('下滑最少订单数', 'Drop: minimum orders before'), 1, 1_000_000, 'count'),
  // 达人 and 寄样 (issue 13).
  influencerSearch: text(l('搜索内容', 'Search text'), 200),
  influencerNickname: text(l('达人昵称', 'Influencer nickname'), 100, 1),
  douyinId: format(l('达人ID', 'Influencer ID'), 'digits', 30),
  influencerPlatform: text(l('平台', 'Platform'), 40),
  influencerPhone: text(l('电话', 'Phone'), 50),
  fans: int(l('粉丝数', 'Followers'), 0, 2_000_000_000, 'count'),
  influencerCategory: text(l('带货类目', 'Category'), 40, 1),
  influencerCategories: list(l('带货类目', 'Categories'), 20),
  influencerTag: text(l('标签', 'Tag'), 40, 1),
  influencerTags: list(l('标签', 'Tags'), 30),
  influencerNotes: text(l('备注', 'Notes'), 10_000),
  contactDate: format(l('联系日期', 'Contact date'), 'date'),
  contactNote: text(l('沟通内容', 'What was said'), 2000, 1),
  nextContactOn: format(l('下次联系日期', 'Next contact date'), 'date'),
  dailyGoal: int(l('每日新增达人目标', 'Daily new influencers goal'), 1, 500, 'count'),
  unsignedDays: int(l('寄出后未签收提醒', 'Unsigned reminder after'), 1, 60, 'days'),
  contentDueDays: int(l('签收后出内容期限', 'Content due after signing'), 1, 90, 'days'),
  noContentFlagDays: int(l('签收后未出内容标记', 'No-content flag after'), 1, 365, 'days'),
  sampleProductTitle: text(l('样品名称', 'Sample product'), 200, 1),
  sampleCost: fen(l('样品成本', 'Sample cost')),
  sampleFreight: fen(l('寄样运费', 'Sample freight')),
  sampleDate: format(l('日期', 'Date'), 'date'),
  contentDueOn: format(l('内容截止日期', 'Content due date'), 'date'),
  trackingNo: text(l('运单号', 'Tracking number'), 100),
  contentLink: text(l('内容链接', 'Content link'), 2000),
  sampleResult: text(l('结果', 'Result'), 2000),
  messageGreeting: text(l('开头语', 'Greeting'), 500),
  messageClosing: text(l('结束语', 'Closing'), 500),
  messageProducts: list(l('商品', 'Products'), 30),
  // 提醒.
  listingLeadMinutes: int(l('上架提前提醒', 'Listing reminder lead'), 0, 120, 'minutes'),
  shipDueHours: int(l('发货提醒时限', 'Ship-due window'), 1, 72, 'hours'),
  quietStart: format(l('免打扰开始', 'Quiet hours start'), 'clock'),
  quietEnd: format(l('免打扰结束', 'Quiet hours end'), 'clock'),
  // 售后.
  aftersaleReason: text(l('售后原因', 'After-sales reason'), 500),
  aftersaleRefund: fen(l('退款金额', 'Refund amount')),
  aftersaleDeadline: format(l('自动处理截止时间', 'Platform deadline'), 'dateTime', 19),
  aftersaleLeadHours: int(l('售后截止提前提醒', 'After-sales reminder lead'), 1, 72, 'hours'),
  forwardTracking: text(l('退回供应商运单号', 'Tracking to the supplier'), 40),
  forwardCourier: text(l('快递公司', 'Courier'), 50),
  supplierClaim: fen(l('供应商应退金额', 'Owed by the supplier')),
  supplierRefund: fen(l('供应商已退金额', 'Refunded by the supplier')),
  evidenceNote: text(l('凭证说明', 'Evidence note'), 2000, 1),
  closeNote: text(l('结案说明', 'Closing note'), 2000),
  causeName: text(l('原因名称', 'Cause name'), 40, 1),
  typeText: text(l('导出的售后类型', 'Exported type text'), 40, 1),
  templateBody: text(l('回复模板', 'Reply template'), 2000, 1),
} as const satisfies Record<string, FieldSpec>;

export type FieldKey = keyof typeof FIELD_SPECS;
type KeysOf<K extends FieldSpec['kind']> = { [F in FieldKey]: (typeof FIELD_SPECS)[F]['kind'] extends K ? F : never }[FieldKey];
export type NumberFieldKey = KeysOf<'number'>;
export type TextFieldKey = KeysOf<'text'>;
export type FormatFieldKey = KeysOf<'format'>;
export type ListFieldKey = KeysOf<'list'>;

export const isFieldKey = (value: unknown): value is FieldKey => typeof value === 'string' && Object.hasOwn(FIELD_SPECS, value);

export const fieldSpec = (key: FieldKey): FieldSpec => FIELD_SPECS[key];
