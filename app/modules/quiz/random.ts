// Randomness is injected so tests can make draws and shuffles repeatable.
export type Random = () => number;

export function shuffle<T>(items: readonly T[], random: Random): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}

/** Shuffles until the order differs from the given one, so a scrambled list is never the answer. */
export function scramble<T>(items: readonly T[], random: Random): T[] {
  if (items.length < 2) return [...items];
  for (let tries = 0; tries < 20; tries++) {
    const candidate = shuffle(items, random);
    if (candidate.some((item, i) => item !== items[i])) return candidate;
  }
  return [...items.slice(1), items[0]!];
}

export function opaqueIds(count: number, random: Random): string[] {
  const ids = new Set<string>();
  while (ids.size < count) {
    ids.add(Array.from({ length: 8 }, () => "abcdefghijkmnpqrstuvwxyz23456789"[Math.floor(random() * 32)]).join(""));
  }
  return [...ids];
}
