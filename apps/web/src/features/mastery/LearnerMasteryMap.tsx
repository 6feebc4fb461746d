import { learnerMastery, type Mastery } from "../../api/learning";
import { type Resource, useResource } from "../../api/use-resource";
import { Loaded } from "../../components/Feedback";
import type { CourseData } from "../course/use-course";
import { MasteryMap } from "./MasteryMap";

/** One learner's mastery of the course, asked for once the course is known (none when the school has no course). */
export function useLearnerMastery(learnerId: string, course: Resource<CourseData | undefined>) {
  const courseId = course.status === "ready" ? course.data?.course.id : undefined;
  return useResource(
    (signal) => (courseId ? learnerMastery(learnerId, courseId, signal) : Promise.resolve(undefined)),
    [learnerId, courseId],
  );
}

/** The learner's knowledge map coloured by mastery, or where its data stands (loading, failed). */
export function LearnerMasteryMap({
  course,
  mastery,
  label,
}: {
  course: CourseData | undefined;
  mastery: Resource<Mastery | undefined>;
  label: string;
}) {
  return (
    <Loaded resource={mastery}>
      {(data) => data && course && <MasteryMap course={course} mastery={data} label={label} />}
    </Loaded>
  );
}
