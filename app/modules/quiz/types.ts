// An attempt's snapshot: the drawn items, their order, per-attempt opaque ids and the answer
// keys, frozen when the attempt starts so a content update never changes it. It lives only
// on the server; the browser gets the PublicItem view.
import type { Localized } from "~/modules/content/index.ts";

export type Choice = { id: string; sourceId: string; text: Localized };

type ItemBase = { key: string; itemId: string; topic: string; prompt: Localized; explanation: Localized };

export type SnapshotItem =
  | (ItemBase & { type: "single" | "multiple"; options: (Choice & { correct: boolean })[] })
  | (ItemBase & { type: "true-false"; answer: boolean })
  | (ItemBase & { type: "matching"; lefts: Choice[]; rights: Choice[]; pairs: Record<string, string> })
  | (ItemBase & { type: "ordering"; steps: Choice[]; correctOrder: string[] })
  | (ItemBase & { type: "numeric"; answer: number; tolerance: number; unit: Localized | null })
  | (ItemBase & { type: "short-text"; accepted: { en: string[]; es: string[] } });

export type SnapshotUnit = {
  caseId: string | null;
  scenario: Localized | null;
  casePrompt: Localized | null;
  items: SnapshotItem[];
};

export type AttemptSnapshot = { quizId: string; contentVersion: string; units: SnapshotUnit[] };

export type ItemType = SnapshotItem["type"];

/** What an answer looks like once parsed; ids are the attempt's opaque ids. */
export type Answer =
  | { type: "single"; choice: string }
  | { type: "multiple"; choices: string[] }
  | { type: "true-false"; value: boolean }
  | { type: "matching"; matches: Record<string, string> }
  | { type: "ordering"; order: string[] }
  | { type: "numeric"; value: number }
  | { type: "short-text"; text: string };

type PublicChoice = { id: string; text: string };

/** The browser's view of an item before submission: no keys, no explanations, no source ids. */
export type PublicItem = { key: string; prompt: string } & (
  | { type: "single" | "multiple"; options: PublicChoice[] }
  | { type: "true-false" }
  | { type: "matching"; lefts: PublicChoice[]; rights: PublicChoice[] }
  | { type: "ordering"; steps: PublicChoice[] }
  | { type: "numeric"; unit: string | null }
  | { type: "short-text" }
);

export type PublicUnit = { scenario: string | null; casePrompt: string | null; items: PublicItem[] };
