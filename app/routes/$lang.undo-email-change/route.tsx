import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Notice } from "~/components/forms.tsx";
import { peekToken, undoEmailChange } from "~/modules/auth/index.server.ts";
import { readForm } from "~/modules/web/index.server.ts";
import { requireLang, titleMeta } from "~/modules/web/index.ts";
import { getFixedT } from "~/modules/i18n/index.server.ts";

// Opening the link only shows a button: mail scanners follow links, and undoing signs
// everyone out and disables the password, so it needs a deliberate POST.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const lang = requireLang(params);
  const t = await getFixedT(lang);
  const token = new URL(request.url).searchParams.get("token") ?? "";
  const valid = await peekToken(token, "undo-email-change");
  return data({ token, valid, title: t("auth:undo.title") }, { status: valid ? 200 : 400 });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => titleMeta(data);

export async function action({ request, params }: ActionFunctionArgs) {
  requireLang(params);
  const token = (await readForm(request)).get("token");
  const undone = typeof token === "string" ? await undoEmailChange(token) : null;
  if (!undone) return data({ invalid: true }, { status: 400 });
  throw redirect(`/${undone.language}/reset-password?token=${encodeURIComponent(undone.resetToken)}`);
}

export default function UndoEmailChange() {
  const { token, valid } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("auth");
  return (
    <div className="page page--narrow">
      <h1>{t("undo.title")}</h1>
      {!valid || actionData?.invalid ? (
        <Notice tone="error">{t("undo.invalid")}</Notice>
      ) : (
        <Form method="post" className="stack">
          <p>{t("undo.intro")}</p>
          <input type="hidden" name="token" value={token} />
          <button type="submit" className="button">
            {t("undo.submit")}
          </button>
        </Form>
      )}
    </div>
  );
}
