export const privacy = {
  title: "Privacy notice",
} as const;
