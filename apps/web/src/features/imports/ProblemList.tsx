import { useTranslation } from "react-i18next";

/** A course file's problems, each with where it is in the file, so an author can fix them in one pass. */
export function ProblemList({
  filename,
  problems,
}: {
  filename: string;
  problems: readonly { readonly field: string; readonly message: string }[];
}) {
  const { t } = useTranslation();
  return (
    <div className="alert alert--error" role="alert">
      <p>{t("imports.problems", { count: problems.length, file: filename })}</p>
      <ul className="problem-list">
        {problems.map((problem, index) => (
          // The same path may carry several problems; the position keeps rows apart.
          // biome-ignore lint/suspicious/noArrayIndexKey: the list is replaced whole, never reordered
          <li key={index}>
            <code>{problem.field}</code> {problem.message}
          </li>
        ))}
      </ul>
    </div>
  );
}
