import { useTranslation } from "react-i18next";
import { listDatasets } from "../api/imports";
import { useResource } from "../api/use-resource";
import { Loaded } from "../components/Feedback";
import { PageHeader } from "../components/Layout";
import { CourseImport } from "../features/imports/CourseImport";
import { DatasetImport } from "../features/imports/DatasetImport";
import "../styles/staff.css";

/** Admins bring content in: a course file, or a public ASSISTments dataset (as a background job). */
export function ImportsPage() {
  const { t } = useTranslation();
  const datasets = useResource((signal) => listDatasets(signal), []);
  return (
    <>
      <PageHeader title={t("imports.title")} lead={t("imports.lead")} />
      <div className="stack">
        <CourseImport />
        <Loaded resource={datasets}>{(data) => <DatasetImport datasets={data} />}</Loaded>
      </div>
    </>
  );
}
