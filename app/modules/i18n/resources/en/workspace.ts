export const workspace = {
  placeholder: "—",
} as const;
