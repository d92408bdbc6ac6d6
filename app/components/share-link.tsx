// The share block of a credential's and a clearance's card: what to share above (links, say),
// the link as read-only text (selectable without JavaScript; with it, a copy button where
// `copy` is given), anything below it (the officer's revoke form), and the link's QR code.
import { useEffect, useState, type ReactNode } from "react";

type Qr = { size: number; path: string };

export function ShareLink({
  id,
  url,
  label,
  qr,
  qrLabel,
  copy,
  links,
  children,
}: {
  /** Makes the field's id (`link-<id>`), unique on the page. */
  id: string;
  url: string;
  label: string;
  qr: Qr;
  qrLabel: string;
  /** The copy button's words and what it says after trying; no button without them. */
  copy?: { button: string; copied: string; failed: string };
  links?: ReactNode;
  children?: ReactNode;
}) {
  return (
    <div className="holder-share-body">
      <div>
        {links}
        <div className="holder-copy">
          <label htmlFor={`link-${id}`}>{label}</label>
          <input id={`link-${id}`} type="text" readOnly value={url} className="holder-url" size={40} />
          {copy ? <CopyButton url={url} words={copy} /> : null}
        </div>
        {children}
      </div>
      <svg
        className="holder-qr"
        role="img"
        aria-label={qrLabel}
        viewBox={`-4 -4 ${qr.size + 8} ${qr.size + 8}`}
        width="148"
        height="148"
        shapeRendering="crispEdges"
      >
        <rect x="-4" y="-4" width={qr.size + 8} height={qr.size + 8} fill="#fff" />
        <path d={qr.path} fill="#000" />
      </svg>
    </div>
  );
}

/** Shown once the browser offers the clipboard; the status line says what happened. */
function CopyButton({ url, words }: { url: string; words: NonNullable<Parameters<typeof ShareLink>[0]["copy"]> }) {
  const [canCopy, setCanCopy] = useState(false);
  const [message, setMessage] = useState("");
  useEffect(() => setCanCopy(typeof navigator !== "undefined" && Boolean(navigator.clipboard)), []);
  const copy = () =>
    navigator.clipboard.writeText(url).then(
      () => setMessage(words.copied),
      () => setMessage(words.failed),
    );
  return (
    <>
      {canCopy ? (
        <button type="button" className="button button--small" onClick={copy}>
          {words.button}
        </button>
      ) : null}
      <span role="status" className="holder-copy-status">
        {message}
      </span>
    </>
  );
}
