import type { Locale } from "./locales";
import type { Messages } from "./messages";

// Typed keys: t("nav.riskQueue") that is not in en.json is a compile error.
declare module "next-intl" {
  interface AppConfig {
    Locale: Locale;
    Messages: Messages;
  }
}
