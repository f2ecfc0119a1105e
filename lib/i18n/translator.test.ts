import { TYPE, type MessageFormatElement, parse } from "@formatjs/icu-messageformat-parser";
import { createTranslator } from "use-intl/core";
import { describe, expect, it, vi } from "vitest";
import { LOCALES } from "./locales";
import { loadMessages } from "./messages";
import { namespacedTranslator, translatorFor } from "./translator";

// translatorFor compiles each message once instead of going through use-intl's per-call memo key;
// it must say exactly what use-intl says, for every message of every language.

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ""): [string, string][] {
  return Object.entries(tree).flatMap(([k, v]) => (typeof v === "string" ? [[`${prefix}${k}`, v] as [string, string]] : flatten(v, `${prefix}${k}.`)));
}

/** Values that exercise every argument: text, numbers (two plural forms), each select's first option. */
function valuesFor(message: string, n: number): Record<string, string | number> | undefined {
  const values: Record<string, string | number> = {};
  const walk = (elements: MessageFormatElement[]) => {
    for (const e of elements) {
      if (e.type === TYPE.argument) values[e.value] ??= `v-${e.value}`;
      else if (e.type === TYPE.number || e.type === TYPE.plural) values[e.value] = n;
      else if (e.type === TYPE.select) values[e.value] ??= Object.keys(e.options).find((o) => o !== "other") ?? "other";
      if (e.type === TYPE.plural || e.type === TYPE.select) for (const option of Object.values(e.options)) walk(option.value);
    }
  };
  walk(parse(message, { ignoreTag: true }));
  return Object.keys(values).length ? values : undefined;
}

describe("translatorFor", () => {
  for (const locale of LOCALES) {
    it(`words every ${locale} message as use-intl does`, () => {
      const messages = loadMessages(locale);
      const reference = createTranslator({ locale, messages }) as unknown as (key: string, values?: unknown) => string;
      const fast = translatorFor(locale) as unknown as (key: string, values?: unknown) => string;
      const entries = flatten(messages as unknown as Tree).filter(([, m]) => !/<\w+>/.test(m));
      expect(entries.length).toBeGreaterThan(1000);
      const differ: string[] = [];
      for (const [key, message] of entries)
        for (const n of [1, 3]) {
          const values = valuesFor(message, n);
          if (fast(key, values) !== reference(key, values)) differ.push(`${key} (${n})`);
        }
      expect(differ).toEqual([]);
    });
  }

  it("leaves a missing key to use-intl's fallback", () => {
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    const fast = translatorFor("en") as unknown as (key: string) => string;
    const reference = createTranslator({ locale: "en", messages: loadMessages("en"), onError: () => {} }) as unknown as (key: string) => string;
    expect(fast("alerts.noSuchKey")).toBe(reference("alerts.noSuchKey"));
    expect(logged).toHaveBeenCalled();
    logged.mockRestore();
  });

  it("is one translator per language", () => {
    expect(translatorFor("nl")).toBe(translatorFor("nl"));
  });

  it("words a namespace's messages as use-intl's namespaced translator does, in every language", () => {
    for (const locale of LOCALES) {
      const messages = loadMessages(locale);
      for (const namespace of ["overview.kpi", "stores", "reasons"]) {
        const reference = createTranslator({ locale, messages, namespace: namespace as never }) as unknown as (key: string, values?: unknown) => string;
        const view = namespacedTranslator(locale, namespace) as (key: string, values?: unknown) => string;
        let node: unknown = messages;
        for (const part of namespace.split(".")) node = (node as Record<string, unknown>)[part];
        const entries = flatten(node as Tree).filter(([, m]) => !/<\w+>/.test(m));
        expect(entries.length).toBeGreaterThan(5);
        for (const [key, message] of entries)
          expect(view(key, valuesFor(message, 3)), `${locale} ${namespace}.${key}`).toBe(reference(key, valuesFor(message, 3)));
      }
    }
  });

  it("renders rich text and answers has/raw within its namespace", () => {
    const view = namespacedTranslator("en", "overview") as unknown as { has: (k: string) => boolean; raw: (k: string) => unknown };
    const reference = createTranslator({ locale: "en", messages: loadMessages("en"), namespace: "overview" });
    expect(view.has("title")).toBe(true);
    expect(view.has("noSuchKey")).toBe(false);
    expect(view.raw("title")).toBe(reference.raw("title"));
  });

  it("is one view per language and namespace", () => {
    expect(namespacedTranslator("nl", "stores")).toBe(namespacedTranslator("nl", "stores"));
    expect(namespacedTranslator("nl", "stores")).not.toBe(namespacedTranslator("en", "stores"));
  });
});
