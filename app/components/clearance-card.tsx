// A clearance as its holder and the vetting officer see it: profile, attesting organization,
// state, dates, the stable link (read-only text, selectable without JavaScript; a copy button
// with it, in the same words as a credential's) and its QR code.
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { ClearanceCard as Card } from "~/modules/credentials/index.server.ts";
import { ShareLink } from "./share-link.tsx";

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
      <ShareLink
        id={c.id}
        url={c.url}
        label={t("clearance.link")}
        qr={c.qr}
        qrLabel={t("clearance.qrLabel", { profile: c.profile })}
        copy={{
          button: t("holder.share.copy"),
          copied: t("holder.share.copied"),
          failed: t("holder.share.copyFailed"),
        }}
        links={
          <p>
            <a href={`${c.url}?lang=${lang}`}>{t("clearance.link")}</a>
          </p>
        }
      >
        {children}
      </ShareLink>
    </article>
  );
}
