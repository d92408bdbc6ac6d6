// A quiz with every item type, for the quiz unit tests and the attempt integration tests.
import type { Quiz } from "~/modules/content/index.ts";

const L = (en: string, es: string) => ({ en, es });

export const sampleQuiz: Quiz = {
  id: "sample-quiz",
  moduleId: "m-sample",
  title: L("Sample", "Muestra"),
  settings: { passMark: 80, maxAttempts: 3, cooldownMinutes: 60, shuffleOptions: true, reviewPolicy: "always" },
  items: [
    {
      id: "s-single",
      type: "single",
      topic: "a",
      prompt: L("Which stage?", "¿Qué etapa?"),
      explanation: L("Integration, because…", "Integración, porque…"),
      options: [
        { id: "a", text: L("Placement", "Colocación") },
        { id: "b", text: L("Integration", "Integración"), correct: true },
        { id: "c", text: L("Layering", "Estratificación") },
      ],
    },
    {
      id: "s-multi",
      type: "multiple",
      topic: "a",
      prompt: L("Red flags?", "¿Señales de alerta?"),
      explanation: L("Both structuring signs.", "Ambas son señales."),
      options: [
        { id: "a", text: L("Deposits of USD 9,500", "Depósitos de USD 9,500"), correct: true },
        { id: "b", text: L("Asks about the form", "Pregunta por el formato"), correct: true },
        { id: "c", text: L("Pays a utility bill", "Paga la luz") },
        { id: "d", text: L("Has a passport", "Tiene pasaporte") },
      ],
    },
    {
      id: "s-tf",
      type: "true-false",
      topic: "b",
      prompt: L("R.20 covers cash?", "¿La R.20 cubre efectivo?"),
      explanation: L("No.", "No."),
      answer: false,
    },
    {
      id: "s-match",
      type: "matching",
      topic: "b",
      prompt: L("Match", "Relacione"),
      explanation: L("FIUs.", "UIF."),
      pairs: [
        { id: "p1", left: L("FinCEN", "FinCEN"), right: L("US FIU", "UIF de EE. UU.") },
        { id: "p2", left: L("UIF", "UIF"), right: L("MX FIU", "UIF de México") },
        { id: "p3", left: L("CNBV", "CNBV"), right: L("Bank supervisor", "Supervisor bancario") },
      ],
    },
    {
      id: "s-order",
      type: "ordering",
      topic: "c",
      prompt: L("Order", "Ordene"),
      explanation: L("Stages.", "Etapas."),
      steps: [
        { id: "s1", text: L("Placement", "Colocación") },
        { id: "s2", text: L("Layering", "Estratificación") },
        { id: "s3", text: L("Integration", "Integración") },
        { id: "s4", text: L("Spending", "Gasto") },
      ],
    },
    {
      id: "s-num",
      type: "numeric",
      topic: "c",
      prompt: L("CTR threshold?", "¿Umbral del CTR?"),
      explanation: L("10,000", "10,000"),
      answer: 10000,
      tolerance: 0,
      unit: L("USD", "USD"),
    },
    {
      id: "s-short",
      type: "short-text",
      topic: "d",
      prompt: L("Mexico's FIU?", "¿La UIF de México?"),
      explanation: L("UIF", "UIF"),
      accepted: { en: ["UIF", "Financial Intelligence Unit"], es: ["UIF", "Unidad de Inteligencia Financiera"] },
    },
    {
      id: "s-case",
      type: "case",
      topic: "d",
      prompt: L("Read the case.", "Lea el caso."),
      explanation: L("Case summary.", "Resumen del caso."),
      scenario: L("A bank on 1 March…", "Un banco el 1 de marzo…"),
      items: [
        {
          id: "s-case-a",
          type: "true-false",
          prompt: L("SAR due?", "¿Procede SAR?"),
          explanation: L("Yes.", "Sí."),
          answer: true,
        },
        {
          id: "s-case-b",
          type: "numeric",
          prompt: L("Days?", "¿Días?"),
          explanation: L("60", "60"),
          answer: 60,
          tolerance: 0,
        },
      ],
    },
  ],
};

/** A seeded random source (mulberry32) so draws and shuffles repeat in tests. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
