import type { Locale } from "./locales";
import type { Messages } from "./messages";

// Typed keys: t("nav.riskQueue") that is not in en.json is a compile error.
declare module "next-intl" {
  // Module augmentation only works on an interface.
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions
  interface AppConfig {
    Locale: Locale;
    Messages: Messages;
  }
}
