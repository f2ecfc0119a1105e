import { normalizeHeaderName } from "./csv-records";
import type { FulfillmentType, OrderStatus } from "./types";

// Seller Center writes its export in the seller's UI language: the header row AND the status cells
// (formats.md, "What real public samples showed"). Each language is one table: column names and
// status texts. The Japanese names are the header of a real Japanese-locale export
// (hiroghap1/tiktokshop-order-to-waybill sample/tiktokshop-order.csv, 56 columns); no public
// Simplified Chinese export was found, so that table holds Seller Center's Chinese UI wording with
// the variants seen in Chinese order tools. A file whose header matches none is refused, naming the
// header cell that could not be read.

export type TikTokColumnKey =
  | "orderId"
  | "status"
  | "substatus"
  | "skuId"
  | "sellerSku"
  | "productName"
  | "variation"
  | "quantity"
  | "unitPrice"
  | "orderAmount"
  | "createdTime"
  | "paidTime"
  | "shippedTime"
  | "deliveredTime"
  | "cancelledTime"
  | "fulfillmentType"
  | "warehouseName"
  | "deliveryOption"
  | "shippingType"
  | "trackingId"
  | "carrier"
  | "recipient"
  | "phone"
  | "country"
  | "zipcode"
  | "state"
  | "county"
  | "city"
  | "postTown"
  | "regencyAndCity"
  | "town"
  | "addressLine1"
  | "addressLine2"
  | "province"
  | "district"
  | "districts"
  | "commune"
  | "villages"
  | "detailAddress"
  | "additionalAddress";

export type TikTokExportLanguage = {
  code: "en" | "zh-Hans" | "ja";
  name: string;
  /** Every spelling of a column seen in this language (first match wins). */
  columns: Partial<Record<TikTokColumnKey, readonly string[]>>;
  /** `Order Status` cells: the Seller Center tab the order sits in. */
  tabs: Readonly<Record<string, Tab>>;
  /** `Order Substatus` cells: the state inside the tab. */
  substates: Readonly<Record<string, OrderStatus>>;
};

/** The tab (`Order Status`) an order sits in; older exports wrote the state itself there. */
export type Tab = "UNPAID" | "ON_HOLD" | "TO_SHIP" | "SHIPPED" | "COMPLETED" | "CANCELLED" | OrderStatus;

const EN: TikTokExportLanguage = {
  code: "en",
  name: "English",
  columns: {
    orderId: ["Order ID"],
    status: ["Order Status"],
    substatus: ["Order Substatus", "Order Sub Status"],
    skuId: ["SKU ID"],
    sellerSku: ["Seller SKU"],
    productName: ["Product Name"],
    variation: ["Variation"],
    quantity: ["Quantity"],
    unitPrice: ["SKU Unit Original Price"],
    orderAmount: ["Order Amount"],
    createdTime: ["Created Time"],
    paidTime: ["Paid Time"],
    shippedTime: ["Shipped Time"],
    deliveredTime: ["Delivered Time"],
    cancelledTime: ["Cancelled Time", "Canceled Time", "Cancellation Time"],
    fulfillmentType: ["Fulfillment Type"],
    warehouseName: ["Warehouse Name"],
    deliveryOption: ["Delivery Option"],
    shippingType: ["Shipping Type"],
    trackingId: ["Tracking ID"],
    carrier: ["Shipping Provider Name"],
    recipient: ["Recipient"],
    phone: ["Phone #"],
    country: ["Country"],
    zipcode: ["Zipcode", "Postcode", "Post Code"],
    state: ["State"],
    county: ["County"],
    city: ["City"],
    // UK and MY exports name the city column after the postal town.
    postTown: ["Post Town"],
    // ID exports: Province / Regency and City / Districts / Villages.
    regencyAndCity: ["Regency and City"],
    addressLine1: ["Address Line 1"],
    addressLine2: ["Address Line 2"],
    province: ["Province"],
    district: ["District"],
    districts: ["Districts"],
    commune: ["Commune"],
    villages: ["Villages"],
    detailAddress: ["Detail Address"],
    additionalAddress: ["Additional address information"],
  },
  tabs: {
    unpaid: "UNPAID",
    "awaiting payment": "UNPAID",
    "on hold": "ON_HOLD",
    "to ship": "TO_SHIP",
    shipped: "SHIPPED",
    completed: "COMPLETED",
    cancelled: "CANCELLED",
    canceled: "CANCELLED",
    // Older exports wrote the state itself in Order Status.
    "awaiting shipment": "AWAITING_SHIPMENT",
    "partially shipping": "AWAITING_SHIPMENT",
    "partially shipped": "AWAITING_SHIPMENT",
    "awaiting collection": "AWAITING_COLLECTION",
    "in transit": "IN_TRANSIT",
    delivered: "DELIVERED",
  },
  substates: {
    "awaiting shipment": "AWAITING_SHIPMENT",
    "awaiting fulfillment": "AWAITING_SHIPMENT",
    // Some units shipped, others still owed: it stays in the shipping queue for the late-shipment rules.
    "partially shipping": "AWAITING_SHIPMENT",
    "partially shipped": "AWAITING_SHIPMENT",
    "awaiting collection": "AWAITING_COLLECTION",
    "awaiting pickup": "AWAITING_COLLECTION",
    "in transit": "IN_TRANSIT",
    delivered: "DELIVERED",
  },
};

const ZH_HANS: TikTokExportLanguage = {
  code: "zh-Hans",
  name: "Simplified Chinese",
  columns: {
    orderId: ["订单ID", "订单号", "订单编号"],
    status: ["订单状态"],
    substatus: ["订单子状态"],
    skuId: ["SKU ID", "SKU编号"],
    sellerSku: ["卖家SKU", "商家SKU"],
    productName: ["商品名称", "产品名称"],
    variation: ["规格", "变体", "商品规格"],
    quantity: ["数量", "商品数量"],
    unitPrice: ["SKU单价", "SKU原价", "SKU原始单价"],
    orderAmount: ["订单金额"],
    createdTime: ["创建时间", "订单创建时间"],
    paidTime: ["付款时间", "支付时间"],
    shippedTime: ["发货时间"],
    deliveredTime: ["送达时间", "签收时间"],
    cancelledTime: ["取消时间"],
    fulfillmentType: ["履约类型", "履约方式"],
    warehouseName: ["仓库名称"],
    deliveryOption: ["配送选项", "配送方式"],
    shippingType: ["物流类型"],
    trackingId: ["物流单号", "追踪号", "运单号"],
    carrier: ["物流商名称", "承运商名称", "物流服务商"],
    recipient: ["收件人"],
    phone: ["电话号码", "收件人电话", "联系电话"],
    country: ["国家", "国家/地区"],
    zipcode: ["邮编", "邮政编码"],
    state: ["州", "州/省"],
    county: ["郡"],
    city: ["城市"],
    postTown: ["邮政城镇"],
    regencyAndCity: ["县市"],
    addressLine1: ["地址1", "地址行1", "详细地址1"],
    addressLine2: ["地址2", "地址行2", "详细地址2"],
    province: ["省份", "省"],
    district: ["区", "区县"],
    commune: ["街道", "乡镇"],
    detailAddress: ["详细地址"],
    additionalAddress: ["补充地址信息"],
  },
  tabs: {
    待付款: "UNPAID",
    未付款: "UNPAID",
    暂停中: "ON_HOLD",
    保留中: "ON_HOLD",
    待发货: "TO_SHIP",
    已发货: "SHIPPED",
    已完成: "COMPLETED",
    已取消: "CANCELLED",
    待揽收: "AWAITING_COLLECTION",
    运输中: "IN_TRANSIT",
    已送达: "DELIVERED",
    已签收: "DELIVERED",
  },
  substates: {
    待发货: "AWAITING_SHIPMENT",
    等待发货: "AWAITING_SHIPMENT",
    部分发货: "AWAITING_SHIPMENT",
    待揽收: "AWAITING_COLLECTION",
    等待揽收: "AWAITING_COLLECTION",
    运输中: "IN_TRANSIT",
    已送达: "DELIVERED",
    已签收: "DELIVERED",
  },
};

const JA: TikTokExportLanguage = {
  code: "ja",
  name: "Japanese",
  columns: {
    orderId: ["注文ID"],
    status: ["注文状況"],
    substatus: ["注文のサブ状況"],
    skuId: ["SKU ID"],
    sellerSku: ["セラーSKU"],
    productName: ["商品名"],
    variation: ["バリエーション"],
    quantity: ["数量"],
    unitPrice: ["SKUの元の価格"],
    orderAmount: ["注文金額"],
    createdTime: ["注文作成時刻"],
    paidTime: ["注文の支払い日時"],
    shippedTime: ["発送日時"],
    deliveredTime: ["配達日時"],
    cancelledTime: ["キャンセル日時"],
    fulfillmentType: ["フルフィルメントタイプ"],
    warehouseName: ["倉庫名"],
    deliveryOption: ["配達オプションのタイプ"],
    trackingId: ["追跡ID"],
    carrier: ["配送業者名"],
    recipient: ["受取人"],
    phone: ["電話番号"],
    country: ["国"],
    zipcode: ["郵便番号"],
    // 都道府県 is the prefecture (the region), 市区町村 the city, 町名 the town within it.
    state: ["都道府県"],
    city: ["市区町村"],
    town: ["町名"],
    addressLine1: ["詳細住所1"],
    addressLine2: ["詳細住所2"],
  },
  tabs: {
    未払い: "UNPAID",
    支払い待ち: "UNPAID",
    保留中: "ON_HOLD",
    未発送: "TO_SHIP",
    発送済み: "SHIPPED",
    完了: "COMPLETED",
    キャンセル済み: "CANCELLED",
    キャンセル: "CANCELLED",
  },
  substates: {
    発送待ち: "AWAITING_SHIPMENT",
    一部発送済み: "AWAITING_SHIPMENT",
    集荷待ち: "AWAITING_COLLECTION",
    配送中: "IN_TRANSIT",
    輸送中: "IN_TRANSIT",
    配達済み: "DELIVERED",
  },
};

export const TIKTOK_EXPORT_LANGUAGES: readonly TikTokExportLanguage[] = [EN, ZH_HANS, JA];

// Status cells also seen in Thai and Indonesian exports (no header sample of those languages exists,
// so they are accepted as cells only).
const EXTRA_TABS: Readonly<Record<string, Tab>> = { จัดส่งแล้ว: "SHIPPED", dikirim: "SHIPPED" };
const EXTRA_SUBSTATES: Readonly<Record<string, OrderStatus>> = { "sedang transit": "IN_TRANSIT" };

export const TIKTOK_LANGUAGE_NAMES = TIKTOK_EXPORT_LANGUAGES.map((l) => l.name).join(", ");

function normaliseCell(text: string): string {
  return text.trim().replace(/\s+/g, " ").toLowerCase();
}

/** The language whose column names match most header cells, or null when not even its Order ID is there. */
export function detectTikTokExportLanguage(header: readonly string[]): TikTokExportLanguage | null {
  const present = new Set(header.map(normalizeHeaderName));
  let best: { language: TikTokExportLanguage; score: number } | null = null;
  for (const language of TIKTOK_EXPORT_LANGUAGES) {
    const ids = language.columns.orderId ?? [];
    if (!ids.some((n) => present.has(normalizeHeaderName(n)))) continue;
    const score = Object.values(language.columns).filter((names) => names.some((n) => present.has(normalizeHeaderName(n)))).length;
    if (!best || score > best.score) best = { language, score };
  }
  return best?.language ?? null;
}

/** Column names to look for, the detected language's first, then every other language's. */
export function columnNames(key: TikTokColumnKey, language: TikTokExportLanguage): string[] {
  const names = [...(language.columns[key] ?? [])];
  for (const other of TIKTOK_EXPORT_LANGUAGES) if (other !== language) names.push(...(other.columns[key] ?? []));
  return names;
}

/** Whether a header cell is a column name of any language table. */
export function isKnownTikTokHeader(cell: string): boolean {
  const key = normalizeHeaderName(cell);
  return TIKTOK_EXPORT_LANGUAGES.some((l) => Object.values(l.columns).some((names) => names.some((n) => normalizeHeaderName(n) === key)));
}

function lookUp<T>(tables: readonly Readonly<Record<string, T>>[], text: string): T | null {
  const key = normaliseCell(text);
  for (const t of tables) {
    const hit = t[key] ?? t[text.trim()];
    if (hit) return hit;
  }
  return null;
}

export type StatusReading = { ok: true; status: OrderStatus } | { ok: false; column: "status" | "substatus"; reason: string };

/**
 * The normalised status from `Order Status` (the tab) AND `Order Substatus` (the state in it):
 * "To ship / Awaiting collection" → AWAITING_COLLECTION, "Shipped / Delivered" → DELIVERED.
 * Completed and Cancelled orders are that whatever the substatus says; an unknown substatus under
 * To ship or Shipped is an error rather than a guess (it decides which clock runs).
 */
export function readTikTokExportStatus(statusText: string, substatusText: string, language: TikTokExportLanguage): StatusReading {
  const order = [language, ...TIKTOK_EXPORT_LANGUAGES.filter((l) => l !== language)];
  const status = statusText.trim();
  const sub = substatusText.trim();
  if (status === "") return { ok: false, column: "status", reason: "missing" };
  const tab = lookUp([...order.map((l) => l.tabs), EXTRA_TABS], status);
  if (!tab) return { ok: false, column: "status", reason: `unknown status "${status}"` };
  switch (tab) {
    case "UNPAID":
      return { ok: true, status: "AWAITING_PAYMENT" };
    case "COMPLETED":
    case "CANCELLED":
      return { ok: true, status: tab };
    case "ON_HOLD":
      return { ok: true, status: "ON_HOLD" };
    case "TO_SHIP":
    case "SHIPPED": {
      const state = sub === "" ? null : lookUp([...order.map((l) => l.substates), EXTRA_SUBSTATES], sub);
      if (sub !== "" && !state) return { ok: false, column: "substatus", reason: `unknown substatus "${sub}" (Order Status "${status}")` };
      if (state) return { ok: true, status: state };
      return { ok: true, status: tab === "TO_SHIP" ? "AWAITING_SHIPMENT" : "IN_TRANSIT" };
    }
    default:
      // Older exports write the state itself in Order Status: that is what the order is.
      return { ok: true, status: tab };
  }
}

/**
 * `Fulfillment Type` (with the delivery option and shipping type, which name TikTok's shipping
 * programmes) → the order's fulfilment type. Fulfilled by TikTok (FBT) orders are off the seller's
 * clocks; Upgraded TikTok Shipping and Collections by TikTok are seller-fulfilled with TikTok's carrier.
 */
export function readTikTokFulfillmentType(cells: { fulfillmentType: string; deliveryOption: string; shippingType: string }): FulfillmentType | null {
  const f = normaliseCell(cells.fulfillmentType);
  const shipping = `${normaliseCell(cells.deliveryOption)} ${normaliseCell(cells.shippingType)}`;
  if (/fulfil+(ment|led) by tiktok|^fbt$|tiktok履约|平台履约|tiktokによるフルフィルメント/.test(f)) return "FULFILLED_BY_TIKTOK";
  if (f !== "" && !/seller|商家|卖家|セラー/.test(f)) return null;
  if (/upgraded tiktok shipping|\buts\b/.test(shipping)) return "UPGRADED_TIKTOK_SHIPPING";
  if (/collections? by tiktok/.test(shipping)) return "COLLECTIONS_BY_TIKTOK";
  return "SELLER_SHIPPING";
}
