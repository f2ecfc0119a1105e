let namesToCode: Map<string, string> | null = null;

// Exports write the recipient country as a name in the export's language ("United States",
// "Vietnam", 日本, 美国); build the reverse of Intl's region names once instead of keeping a
// hand-written list in sync. The first code to claim a name keeps it: Intl also names the
// reserved "UK" "United Kingdom", which must stay GB.
function buildNameIndex(): Map<string, string> {
  const map = new Map<string, string>();
  const A = 65;
  for (const locale of ["en", "zh-Hans", "ja"]) {
    const names = new Intl.DisplayNames([locale], { type: "region", fallback: "none" });
    for (let i = 0; i < 26; i++) {
      for (let j = 0; j < 26; j++) {
        const code = String.fromCharCode(A + i, A + j);
        const name = names.of(code)?.toLowerCase();
        if (name && !map.has(name)) map.set(name, code);
      }
    }
  }
  const aliases: Record<string, string> = {
    usa: "US",
    "united states of america": "US",
    "u.s.a.": "US",
    uk: "GB",
    "great britain": "GB",
    england: "GB",
    "viet nam": "VN",
    "việt nam": "VN",
    turkey: "TR",
    türkiye: "TR",
    "south korea": "KR",
  };
  for (const [name, code] of Object.entries(aliases)) map.set(name, code);
  return map;
}

/** ISO-2 code for a code or English country name; other text is returned unchanged, empty as null. */
export function toCountryCode(text: string): string | null {
  const s = text.trim();
  if (s === "") return null;
  if (/^[A-Za-z]{2}$/.test(s)) return s.toUpperCase();
  namesToCode ??= buildNameIndex();
  return namesToCode.get(s.toLowerCase()) ?? s;
}
