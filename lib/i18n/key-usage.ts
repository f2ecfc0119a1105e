import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";

// Which message keys the code uses, read from the source text (no compiler): the "unused key"
// check of lib/i18n/messages.test.ts. Deliberately simple; it errs towards "used", so a key it
// cannot see fails nothing, and one it does see must really be gone before the test complains.
//
// What counts as a use, in app/, components/, lib/ and scripts/ (tests excluded):
//  1. A translator bound to a namespace, then called with a literal key:
//       const t = useTranslations("shell");          t("signOut")        → shell.signOut
//       const t = await getTranslations("auth.login"); t.rich("newHere") → auth.login.newHere
//       const [t, tv] = await Promise.all([getTranslations("a"), getTranslations("b")]);
//       getTranslations({ locale, namespace: "x" }), createTranslator({ …, namespace: "x" })
//       const t = translatorFor(locale) (the root: keys are written in full)
//     t.rich / t.markup / t.raw / t.has count like t.
//  2. A template literal uses everything under its literal start: t(`status.${s}`) → every key
//     under <namespace>.status; t(`${x}`) → the whole namespace.
//  3. A translator the file did not bind (a parameter, `ctx.t` of an action) named `t` or `….t`:
//     its literal key is matched as a full key and as the end of any key (t("saved") → *.saved).
//  4. errorMessage("form.checkFields") (lib/i18n/error-message.ts) → errors.form.checkFields.
//  5. For keys chosen by a variable (td(state)), say so in a comment: `// i18n-uses: ns.prefix`
//     (several separated by commas) marks everything under each prefix.
//  6. A key chosen by an expression in the call: every string literal of the first argument
//     counts as a literal key (t(ok ? "saved" : "failed") → ns.saved and ns.failed).

export type KeyUses = {
  /** Full keys (or a subtree's root) used literally. */
  exact: Set<string>;
  /** Every key starting with one of these is used (template literals, i18n-uses comments). */
  prefixes: Set<string>;
  /** Keys used through an unbound translator: a key ending in ".<suffix>" (or equal to it). */
  suffixes: Set<string>;
  /** Template literals on an unbound translator: a key with ".<infix>" in it (or starting with it). */
  infixes: Set<string>;
};

export function emptyUses(): KeyUses {
  return { exact: new Set(), prefixes: new Set(), suffixes: new Set(), infixes: new Set() };
}

const STRING = String.raw`"([^"\\\n]*)"|'([^'\\\n]*)'`;
const NAMESPACE_ARG = new RegExp(String.raw`^\s*(?:${STRING}|\{[^}]*?namespace:\s*(?:${STRING})[^}]*\})?\s*\)`);
const BINDERS = /\b(useTranslations|getTranslations|createTranslator|translatorFor)\s*\(/;
const CALL = /(?<![\w$])((?:[A-Za-z_$][\w$]*\.)*[A-Za-z_$][\w$]*)\s*\(\s*(?:"([^"\\\n]*)"|'([^'\\\n]*)'|`([^`\\]*)`)/g;
const CALLEE = /(?<![\w$])((?:[A-Za-z_$][\w$]*\.)*[A-Za-z_$][\w$]*)\s*\(/g;
const KEY_LITERAL = /"([\w.-]+)"|'([\w.-]+)'/g;
const PRAGMA = /i18n-uses:[ \t]*([\w.\-, \t]+)/g;

/** The namespace a binder call starting at `text` names: "" for the root, null if it is no binder. */
function namespaceOf(text: string): string | null {
  const binder = BINDERS.exec(text);
  if (!binder || binder.index !== 0) return null;
  if (binder[1] === "translatorFor") return "";
  const rest = text.slice(binder[0].length);
  const m = NAMESPACE_ARG.exec(rest);
  if (!m) return "";
  return m[1] ?? m[2] ?? m[3] ?? m[4] ?? "";
}

/** Splits `a, f(b, c), [d]` at its top-level commas. */
function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === "(" || c === "[" || c === "{") depth++;
    else if (c === ")" || c === "]" || c === "}") depth--;
    else if (c === "," && depth === 0) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
    if (depth < 0) break;
  }
  parts.push(text.slice(start));
  return parts.map((p) => p.trim());
}

/** Variable name → the namespaces bound to it anywhere in the file. */
function bindings(source: string): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  const bind = (name: string, ns: string) => {
    if (!out.has(name)) out.set(name, new Set());
    out.get(name)?.add(ns);
  };
  for (const m of source.matchAll(/(?:const|let|var)\s+([A-Za-z_$][\w$]*)\s*=\s*(?:await\s+)?/g)) {
    const ns = namespaceOf(source.slice((m.index ?? 0) + m[0].length));
    if (ns !== null) bind(m[1] as string, ns);
  }
  for (const m of source.matchAll(/(?:const|let|var)\s*\[([^\]]*)\]\s*=\s*await\s+Promise\.all\(\s*\[/g)) {
    const names = splitTopLevel(m[1] as string);
    const calls = splitTopLevel(source.slice((m.index ?? 0) + m[0].length));
    names.forEach((name, i) => {
      const ns = calls[i] === undefined ? null : namespaceOf(calls[i].replace(/^await\s+/, ""));
      if (ns !== null && /^[A-Za-z_$][\w$]*$/.test(name)) bind(name, ns);
    });
  }
  return out;
}

const join = (ns: string, key: string) => (ns ? `${ns}.${key}` : key);

/** The source without its comments (a `//` right after a colon is a URL's, and stays). */
function withoutComments(source: string): string {
  return source.replace(/\/\*[\s\S]*?\*\//g, " ").replace(/(^|[^:"'`\\])\/\/.*$/gm, "$1");
}

/** Adds the key uses of one source file. */
export function scanSource(raw: string, uses: KeyUses): KeyUses {
  const source = withoutComments(raw);
  const bound = bindings(source);
  for (const m of source.matchAll(CALL)) {
    const callee = (m[1] as string).replace(/\.(rich|markup|raw|has)$/, "");
    const literal = m[2] ?? m[3];
    const template = m[4];
    const key = literal ?? (template as string).split("${")[0] ?? "";
    const isPrefix = literal === undefined && (template as string).includes("${");
    let namespaces: Iterable<string> | null = bound.get(callee) ?? null;
    if (!namespaces && callee === "errorMessage") namespaces = ["errors"];
    if (namespaces) {
      for (const ns of namespaces) {
        // t(`${key}`) on the root translator says nothing: such keys need an i18n-uses comment.
        if (isPrefix) {
          if (key || ns) uses.prefixes.add(key ? join(ns, key) : `${ns}.`);
        } else uses.exact.add(join(ns, key));
      }
    } else if (callee === "t" || callee.endsWith(".t")) {
      if (isPrefix) {
        if (key) uses.infixes.add(key);
      } else {
        uses.exact.add(key);
        uses.suffixes.add(key);
      }
    }
  }
  for (const m of source.matchAll(CALLEE)) {
    const callee = (m[1] as string).replace(/\.(rich|markup|raw|has)$/, "");
    const namespaces = bound.get(callee) ?? (callee === "t" || callee.endsWith(".t") ? [null] : null);
    if (!namespaces) continue;
    const first = splitTopLevel(source.slice((m.index ?? 0) + m[0].length, (m.index ?? 0) + m[0].length + 400))[0] ?? "";
    if (/^["'`]/.test(first)) continue; // a literal first argument: the pass above read it
    for (const k of first.matchAll(KEY_LITERAL)) {
      const key = (k[1] ?? k[2]) as string;
      for (const ns of namespaces) {
        if (ns === null) {
          uses.exact.add(key);
          uses.suffixes.add(key);
        } else uses.exact.add(join(ns, key));
      }
    }
  }
  for (const m of raw.matchAll(PRAGMA))
    for (const prefix of (m[1] as string).split(",").map((s) => s.trim()))
      if (prefix) {
        uses.exact.add(prefix);
        uses.prefixes.add(`${prefix}.`);
      }
  return uses;
}

/** Whether `key` (a full, dotted message key) is used according to `uses`. */
export function isKeyUsed(key: string, uses: KeyUses): boolean {
  // The key itself, or a subtree containing it (t.raw("nav")).
  const parts = key.split(".");
  for (let n = parts.length; n > 0; n--) if (uses.exact.has(parts.slice(0, n).join("."))) return true;
  for (const prefix of uses.prefixes) if (key.startsWith(prefix)) return true;
  for (const suffix of uses.suffixes) if (key === suffix || key.endsWith(`.${suffix}`)) return true;
  for (const infix of uses.infixes) if (key.startsWith(infix) || key.includes(`.${infix}`)) return true;
  return false;
}

const SOURCE = /\.(ts|tsx|mts|cts|js|mjs)$/;
const SKIP = /(^|\/)(node_modules|generated|\.next[^/]*)(\/|$)|\.test\.tsx?$|\.d\.ts$/;

/** Every source file under `dirs` (relative to `root`), tests and generated code left out. */
export function sourceFiles(root: string, dirs: readonly string[]): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      const full = path.join(dir, e.name);
      const rel = path.relative(root, full);
      if (SKIP.test(rel)) continue;
      if (e.isDirectory()) walk(full);
      else if (SOURCE.test(e.name)) out.push(full);
    }
  };
  for (const d of dirs) walk(path.join(root, d));
  return out;
}

/** The key uses of the app's code: app/, components/, lib/, scripts/. */
export function scanCode(root: string, dirs: readonly string[] = ["app", "components", "lib", "scripts"]): KeyUses {
  const uses = emptyUses();
  for (const file of sourceFiles(root, dirs)) scanSource(readFileSync(file, "utf8"), uses);
  return uses;
}
