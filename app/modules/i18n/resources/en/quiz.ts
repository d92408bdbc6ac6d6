export const quiz = {
  placeholder: "—",
} as const;
