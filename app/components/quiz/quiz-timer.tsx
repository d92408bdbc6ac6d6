import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";

function remainingMs(deadline: number, skew: number) {
  return Math.max(0, deadline - (Date.now() + skew));
}

function mmss(ms: number) {
  const total = Math.ceil(ms / 1000);
  return `${Math.floor(total / 60)}:${String(total % 60).padStart(2, "0")}`;
}

/**
 * Counts down to the server's deadline (corrected for clock skew), announces warnings at
 * 5 minutes and 1 minute (WCAG 2.2.1), and calls onExpire once. The server enforces the
 * deadline whatever this clock shows.
 */
export function QuizTimer({
  deadline,
  serverNow,
  onExpire,
}: {
  deadline: string;
  serverNow: string;
  onExpire: () => void;
}) {
  const { t } = useTranslation("quiz");
  const deadlineMs = Date.parse(deadline);
  const skew = useRef(Date.parse(serverNow) - Date.now());
  const [left, setLeft] = useState(() => deadlineMs - Date.parse(serverNow));
  const [stage, setStage] = useState(0);
  const expired = useRef(false);

  useEffect(() => {
    const tick = () => {
      const ms = remainingMs(deadlineMs, skew.current);
      setLeft(ms);
      // 0: quiet, 1: five minutes left, 2: one minute left, 3: time is up.
      setStage(ms === 0 ? 3 : ms <= 60_000 ? 2 : ms <= 5 * 60_000 ? 1 : 0);
      if (ms === 0 && !expired.current) {
        expired.current = true;
        onExpire();
      }
    };
    tick();
    const id = window.setInterval(tick, 1000);
    return () => window.clearInterval(id);
  }, [deadlineMs, onExpire]);

  const warning = ["", t("attempt.warning5"), t("attempt.warning1"), t("attempt.timeUp")][stage];

  return (
    <div className="quiz-timer">
      <span>{t("attempt.timeLeft")}: </span>
      <span
        role="timer"
        aria-live="off"
        className={left <= 60_000 ? "quiz-timer__value quiz-timer__value--low" : "quiz-timer__value"}
      >
        {mmss(left)}
      </span>
      <p role="alert" aria-live="assertive" className="quiz-timer__warning">
        {warning}
      </p>
    </div>
  );
}
