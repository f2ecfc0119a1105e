import { TYPE, type MessageFormatElement, parse } from "@formatjs/icu-messageformat-parser";
import { describe, expect, it } from "vitest";
import { emptyUses, isKeyUsed, scanCode, scanSource } from "./key-usage";
import { LOCALES, type Locale } from "./locales";
import { loadMessages } from "./messages";

// The three message files stay whole: every key in every language, no key only in a translation,
// the same ICU parameters everywhere, and no key the code no longer uses (lib/i18n/key-usage.ts
// says what counts as a use). Adding a key: put it in en.json, nl.json and zh-CN.json (the
// glossary's terms), use it in the code, run this file:
//   npx vitest run --project unit lib/i18n/messages.test.ts

type Tree = { [key: string]: string | Tree };

/** Every leaf as "namespace.key.path" → message. */
function flatten(tree: Tree, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === "string") out.set(key, v);
    else for (const [kk, vv] of flatten(v, key)) out.set(kk, vv);
  }
  return out;
}

const FILES = Object.fromEntries(LOCALES.map((l) => [l, flatten(loadMessages(l) as unknown as Tree)])) as Record<Locale, Map<string, string>>;
const EN = FILES.en;
const TRANSLATIONS = LOCALES.filter((l) => l !== "en");

const KIND: Partial<Record<TYPE, string>> = {
  [TYPE.argument]: "text",
  [TYPE.number]: "number",
  [TYPE.date]: "date",
  [TYPE.time]: "time",
  [TYPE.plural]: "plural",
  [TYPE.select]: "select",
  [TYPE.tag]: "tag",
};

/**
 * A message's parameters as comparable strings: "count:plural", "name:text", "link:tag", and a
 * select's cases ("role:select(OPS|OWNER|other)"). Plural cases may differ (Chinese has only
 * `other`); what is inside every case counts.
 */
function parameters(message: string): string[] {
  const found = new Set<string>();
  const walk = (elements: MessageFormatElement[]) => {
    for (const e of elements) {
      const kind = KIND[e.type];
      if (e.type === TYPE.select) found.add(`${e.value}:select(${Object.keys(e.options).sort().join("|")})`);
      else if (e.type === TYPE.plural) found.add(`${e.value}:${e.pluralType === "ordinal" ? "selectordinal" : "plural"}`);
      else if (kind && e.type !== TYPE.pound && e.type !== TYPE.literal) found.add(`${e.value}:${kind}`);
      if (e.type === TYPE.plural || e.type === TYPE.select) for (const option of Object.values(e.options)) walk(option.value);
      if (e.type === TYPE.tag) walk(e.children);
    }
  };
  walk(parse(message));
  return [...found].sort();
}

/**
 * What a caller must pass: the parameter names and rich-text tags. How a language formats a value
 * is its own (Chinese needs no plural or ordinal, Dutch may choose words by a market with a
 * select), so "count:plural" in English and "count:text" in Chinese is the same parameter.
 */
function parameterNames(message: string): string[] {
  return [...new Set(parameters(message).map((p) => (p.endsWith(":tag") ? p : (p.split(":")[0] as string))))].sort();
}

describe("message files", () => {
  it.each(TRANSLATIONS)("%s has every English key", (locale) => {
    expect([...EN.keys()].filter((k) => !FILES[locale].has(k))).toEqual([]);
  });

  it.each(TRANSLATIONS)("%s has no key English lacks", (locale) => {
    expect([...FILES[locale].keys()].filter((k) => !EN.has(k))).toEqual([]);
  });

  it.each(LOCALES)("every %s message is valid ICU", (locale) => {
    const broken: string[] = [];
    for (const [key, message] of FILES[locale])
      try {
        parse(message);
      } catch (error) {
        broken.push(`${key}: ${(error as Error).message}`);
      }
    expect(broken).toEqual([]);
  });

  it.each(TRANSLATIONS)("%s uses the same parameters as English in every message", (locale) => {
    const differing: string[] = [];
    for (const [key, english] of EN) {
      const translated = FILES[locale].get(key);
      if (translated === undefined) continue;
      try {
        const want = parameterNames(english).join(", ");
        const got = parameterNames(translated).join(", ");
        if (want !== got) differing.push(`${key}: en {${want}} ≠ ${locale} {${got}}`);
      } catch {
        // Reported by the ICU test above.
      }
    }
    expect(differing).toEqual([]);
  });

  it.each(TRANSLATIONS)("%s translates: no message is left empty", (locale) => {
    expect([...FILES[locale]].filter(([, m]) => !m.trim()).map(([k]) => k)).toEqual([]);
  });

  it("uses every key: none is left over in the files once the code stops using it", () => {
    const uses = scanCode(process.cwd());
    expect([...EN.keys()].filter((k) => !isKeyUsed(k, uses))).toEqual([]);
  });
});

describe("the key scanner (lib/i18n/key-usage.ts)", () => {
  const used = (source: string, key: string) => isKeyUsed(key, scanSource(source, emptyUses()));

  it("reads a namespace bound by useTranslations, getTranslations or translatorFor, and t / t.rich with a literal key", () => {
    expect(used(`const t = useTranslations("shell"); t("signOut")`, "shell.signOut")).toBe(true);
    expect(used(`const t = await getTranslations("auth.login"); t.rich("newHere", {})`, "auth.login.newHere")).toBe(true);
    expect(used(`const t = await getTranslations({ locale, namespace: "share" }); t('sharedBy')`, "share.sharedBy")).toBe(true);
    expect(used(`const t = translatorFor(locale); t("account.language.saved")`, "account.language.saved")).toBe(true);
    expect(used(`const t = useTranslations("shell"); t("signOut")`, "shell.mainNav")).toBe(false);
  });

  it("pairs the translators of a Promise.all with their names", () => {
    const source = `const [a, tv, locale] = await Promise.all([load(x), getTranslations("vocabulary"), getLocale()]); tv("role.OWNER")`;
    expect(used(source, "vocabulary.role.OWNER")).toBe(true);
  });

  it("takes a template literal's start as using everything under it", () => {
    const source = 'const tv = useTranslations("vocabulary"); tv(`status.${s}`)';
    expect(used(source, "vocabulary.status.IN_TRANSIT")).toBe(true);
    expect(used(source, "vocabulary.severity.INFO")).toBe(false);
  });

  it("matches an unbound t (a parameter, ctx.t) by the key's full name or its end", () => {
    expect(used(`function f(t: T) { return t("duration.days", { days }) }`, "ui.duration.days")).toBe(true);
    expect(used(`ctx.t("stores.saved")`, "stores.saved")).toBe(true);
    expect(used("function f(t: T) { return t(`status.${d.status}`) }", "alerts.status.SENT")).toBe(true);
    expect(used("function f(t: T) { return t(`status.${d.status}`) }", "alerts.log.SENT")).toBe(false);
  });

  it("reads the literals of a key chosen by an expression", () => {
    const source = `const t = await getTranslations("stores.health"); t(refreshed ? "tokenRefreshed" : "tokenNoRefresh")`;
    expect(used(source, "stores.health.tokenRefreshed")).toBe(true);
    expect(used(source, "stores.health.tokenNoRefresh")).toBe(true);
    expect(used(source, "stores.health.other")).toBe(false);
  });

  it("counts errorMessage keys under errors, and i18n-uses comments as prefixes", () => {
    expect(used(`errorMessage("form.checkFields")`, "errors.form.checkFields")).toBe(true);
    expect(used(`// i18n-uses: supplierView.dispatch, ui.timeLeft\ntd(state)`, "supplierView.dispatch.overdue")).toBe(true);
    expect(used(`// i18n-uses: supplierView.dispatch, ui.timeLeft\ntd(state)`, "ui.timeLeft.left")).toBe(true);
  });
});
