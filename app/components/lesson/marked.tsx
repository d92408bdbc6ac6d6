import { pieces, type Range } from "~/modules/text/index.ts";

/** Text with the matched ranges wrapped in <mark>. */
export function Marked({ text, marks }: { text: string; marks: readonly Range[] }) {
  if (marks.length === 0) return <>{text}</>;
  return (
    <>
      {pieces(text, marks).map((piece, i) =>
        piece.mark ? <mark key={i}>{piece.text}</mark> : <span key={i}>{piece.text}</span>,
      )}
    </>
  );
}
