// A clearance as its holder and the vetting officer see it: profile, attesting organization,
// state, dates, the stable link (read-only text, selectable without JavaScript) and its QR code.
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { ClearanceCard as Card } from "~/modules/credentials/index.server.ts";

export function ClearanceCard({
  clearance: c,
  lang,
  children,
}: {
  clearance: Card;
  lang: string;
  children?: ReactNode;
}) {
  const { t } = useTranslation("credentials");
  const headingId = `clearance-${c.id}`;
  return (
    <article className="holder-card" aria-labelledby={headingId} data-clearance-state={c.state}>
      <h3 id={headingId}>
        {c.profile} <span className="muted">({c.org})</span>
      </h3>
      <p>
        <span className="badge">{t(`clearance.state.${c.state}`)}</span> · {t("clearance.issuedOn", { date: c.issued })}{" "}
        · {t("clearance.validUntilOn", { date: c.expires })}
      </p>
      <div className="holder-share-body">
        <div>
          <p>
            <a href={`${c.url}?lang=${lang}`}>{t("clearance.link")}</a>
          </p>
          <label>
            {t("clearance.link")}
            <input type="text" readOnly value={c.url} className="break-anywhere" size={40} />
          </label>
          {children}
        </div>
        <svg
          className="holder-qr"
          role="img"
          aria-label={t("clearance.qrLabel", { profile: c.profile })}
          viewBox={`-4 -4 ${c.qr.size + 8} ${c.qr.size + 8}`}
          width="148"
          height="148"
          shapeRendering="crispEdges"
        >
          <rect x="-4" y="-4" width={c.qr.size + 8} height={c.qr.size + 8} fill="#fff" />
          <path d={c.qr.path} fill="#000" />
        </svg>
      </div>
    </article>
  );
}
