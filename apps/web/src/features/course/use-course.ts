import {
  type ConceptGraph,
  type CourseView,
  conceptGraph,
  type ItemView,
  listCourses,
  listItems,
} from "../../api/courses";
import { useResource } from "../../api/use-resource";

export interface CourseData {
  course: CourseView;
  graph: ConceptGraph;
  items: ItemView[];
}

/** Items fetched for one course: enough for the demo course (92) and any course a school imports today. */
const ITEM_LIMIT = 500;

/**
 * The learner's course: the first course of their school, with its concept graph and items.
 * Undefined data means the school has no course yet (a page shows that, not an error).
 */
export function useCourse() {
  return useResource<CourseData | undefined>(async (signal) => {
    const [course] = await listCourses(signal);
    if (!course) return undefined;
    const [graph, items] = await Promise.all([
      conceptGraph(course.id, signal),
      listItems(course.id, ITEM_LIMIT, signal),
    ]);
    return { course, graph, items };
  }, []);
}
