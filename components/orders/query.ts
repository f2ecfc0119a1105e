import type { OrderList } from "@/lib/data/orders";
import { type OrderQuery, orderQueryToParams } from "@/lib/validations/orders";

/** The API parameters of a query; equal filters give equal strings, so the server's prefetch and the browser share one cache entry. */
export function ordersApiParams(query: OrderQuery): string {
  return orderQueryToParams(query).toString();
}

export const ordersQueryKey = (params: string) => ["orders", params] as const;

export class OrdersRequestError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

/** `failed`: the words for a status without a reason ("The server answered 502."), in the viewer's language. */
export async function fetchOrders(
  params: string,
  signal?: AbortSignal,
  failed: (status: number) => string = (status) => `The server answered ${status}.`,
): Promise<OrderList> {
  const response = await fetch(`/api/orders${params ? `?${params}` : ""}`, { signal, headers: { Accept: "application/json" } });
  if (!response.ok) {
    // Our route handlers answer JSON with a reason; a proxy or a crash may not.
    const isJson = response.headers.get("content-type")?.includes("application/json") ?? false;
    const message = isJson ? ((await response.json()) as { message?: string }).message : undefined;
    throw new OrdersRequestError(message ?? failed(response.status), response.status);
  }
  return (await response.json()) as OrderList;
}

export function exportHref(query: OrderQuery): string {
  const params = orderQueryToParams(query, { paging: false }).toString();
  return `/api/orders/export${params ? `?${params}` : ""}`;
}
