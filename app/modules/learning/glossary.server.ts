// The glossary page: every term in both languages, filtered accent- and case-insensitively.
import { listGlossary, type Jurisdiction } from "~/modules/content/index.server.ts";
import { INTL_LOCALE, type Lang, otherLang } from "~/modules/i18n/index.ts";
import { findRanges, matchesAll, queryWords, type Range } from "~/modules/text/index.ts";

type Marked = { text: string; marks: Range[] };

export type GlossaryEntry = {
  id: string;
  jurisdiction: Jurisdiction;
  /** Page language first, then the other language. */
  versions: { lang: Lang; term: Marked; definition: Marked }[];
  see: { id: string; term: string }[];
};

// The unfiltered list is the same for every reader of a language: built once per content load.
const unfiltered = new WeakMap<readonly unknown[], Map<Lang, GlossaryEntry[]>>();

export function glossaryView(lang: Lang, query: string): { entries: GlossaryEntry[]; total: number } {
  const all = listGlossary();
  const words = queryWords(query);
  if (words.length === 0) {
    let byLang = unfiltered.get(all);
    if (!byLang) {
      byLang = new Map();
      unfiltered.set(all, byLang);
    }
    let entries = byLang.get(lang);
    if (!entries) {
      entries = buildEntries(lang, words);
      byLang.set(lang, entries);
    }
    return { entries, total: all.length };
  }
  return { entries: buildEntries(lang, words), total: all.length };
}

function buildEntries(lang: Lang, words: string[]): GlossaryEntry[] {
  const all = listGlossary();
  const names = new Map(all.map((term) => [term.id, term[lang].term]));
  const collator = new Intl.Collator(INTL_LOCALE[lang], { sensitivity: "base" });
  const entries = all
    .filter(
      (term) =>
        words.length === 0 || matchesAll(words, [term.en.term, term.en.definition, term.es.term, term.es.definition]),
    )
    // Terms whose name matches come before those matched only in a definition.
    .map((term) => ({ term, nameMatch: words.length > 0 && matchesAll(words, [term.en.term, term.es.term]) }))
    .sort((a, b) => Number(b.nameMatch) - Number(a.nameMatch) || collator.compare(a.term[lang].term, b.term[lang].term))
    .map(({ term }) => term)
    .map((term) => ({
      id: term.id,
      jurisdiction: term.jurisdiction,
      versions: [lang, otherLang(lang)].map((l) => ({
        lang: l,
        term: { text: term[l].term, marks: findRanges(term[l].term, words) },
        definition: { text: term[l].definition, marks: findRanges(term[l].definition, words) },
      })),
      see: term.see.flatMap((id) => (names.has(id) ? [{ id, term: names.get(id) ?? id }] : [])),
    }));
  return entries;
}
