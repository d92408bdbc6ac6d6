// Words around lesson content: callout names, jurisdictions, and the small labels the rendered
// lesson HTML carries (glossary popovers, wide tables, footnotes). The lesson renderer reads
// them on the server; the glossary page reads the jurisdictions in the browser.
export const content = {
  callout: {
    "red-flag": "Red flag",
    "legal-note": "Legal note",
    example: "Example",
    "key-point": "Key point",
  },
  jurisdiction: {
    us: "United States",
    mx: "Mexico",
    intl: "International",
    both: "United States and Mexico",
  },
  render: {
    otherLanguageTerm: "In Spanish:",
    jurisdiction: "Jurisdiction:",
    close: "Close",
    scrollableTable: "Table (scrolls sideways)",
    footnotes: "Sources cited",
    backToReference: "Back to reference {{n}}",
  },
} as const;
