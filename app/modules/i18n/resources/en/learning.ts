export const learning = {
  placeholder: "—",
} as const;
