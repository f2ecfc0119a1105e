// The CSV columns the import routes read (header names are matched case- and space-insensitively).
export const VIDEO_CSV_COLUMNS = ["creator", "posted_at", "title", "format", "has_product_link", "style"] as const;
export const PRICE_CSV_COLUMNS = ["sku", "price", "currency"] as const;
