import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { readForm } from "~/modules/web/index.server.ts";
import { formatDateTime } from "~/modules/i18n/index.ts";
import { getFixedT } from "~/modules/i18n/index.server.ts";
import { answerProblems, openAttemptFromParams, saveAnswers } from "~/modules/quiz/index.server.ts";
import { orNotFound } from "~/modules/web/index.ts";

// The attempt page's autosave posts here with fetch(), so it can tell a refused answer (400,
// shown beside its question) from a closed attempt (409) and from a server that is busy or
// unreachable (kept on the device and sent again). Without JavaScript the page's own form saves.
export async function action({ request, params }: ActionFunctionArgs) {
  const { lang, user, attempt } = orNotFound(await openAttemptFromParams(request, params));
  const form = await readForm(request);
  const fields = [...form.entries()].filter((e): e is [string, string] => typeof e[1] === "string");
  const saved = await saveAnswers({ attemptId: attempt.id, userId: user.id, fields });
  const t = await getFixedT(lang);
  if (saved.ok) return Response.json({ ok: true, savedAt: formatDateTime(saved.savedAt, lang, user.timeZone) });
  if (saved.reason === "invalid")
    return Response.json({ ok: false, problems: answerProblems(t, saved.errors) }, { status: 400 });
  return Response.json(
    { ok: false, problems: [{ key: null, message: t(`quiz:errors.${saved.reason}`) }] },
    { status: saved.reason === "notFound" ? 404 : 409 },
  );
}

// Nothing to show here: a person who opens the address lands on the attempt itself.
export function loader({ request }: LoaderFunctionArgs) {
  throw redirect(new URL(request.url).pathname.replace(/\/answers\/?$/, ""));
}
