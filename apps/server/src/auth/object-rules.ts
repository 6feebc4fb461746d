import { asId, type ClassId, type CourseId, type ItemId, type UserId } from "@pathwise/domain";
import type { Repositories } from "@pathwise/storage";
import type { ObjectRule } from "./policy-table";
import type { Principal } from "./principal";

export type Decision = "allow" | "forbidden" | "not_found";

type Rule = (repos: Repositories, principal: Principal, params: Record<string, string>) => Promise<Decision>;

/** The object rules named in the policy table, as a registry (no switch on the rule name). */
export const OBJECT_RULES: Readonly<Record<ObjectRule, Rule>> = {
  async learner(repos, { user }, params) {
    const learnerId = asId<UserId>(params.learnerId ?? "");
    const learner = await repos.users.get(learnerId);
    if (!learner || learner.tenantId !== user.tenantId) return "not_found";
    if (learner.id === user.id) return "allow";
    const related = {
      admin: async () => true,
      teacher: () => repos.classes.teaches(user.id, learner.id),
      guardian: () => repos.users.isGuardianOf(user.id, learner.id),
      learner: async () => false,
    }[user.role];
    return (await related()) ? "allow" : "forbidden";
  },
  async class(repos, { user }, params) {
    const schoolClass = await repos.classes.get(asId<ClassId>(params.classId ?? ""));
    if (!schoolClass || schoolClass.tenantId !== user.tenantId) return "not_found";
    if (user.role === "admin") return "allow";
    return (await repos.classes.isEnrolled(schoolClass.id, user.id)) ? "allow" : "forbidden";
  },
  async course(repos, { user }, params) {
    const course = await repos.content.getCourse(user.tenantId, asId<CourseId>(params.courseId ?? ""));
    return course ? "allow" : "not_found";
  },
  async item(repos, { user }, params) {
    const item = await repos.content.getItem(user.tenantId, asId<ItemId>(params.itemId ?? ""));
    return item ? "allow" : "not_found";
  },
  async goal(repos, principal, params) {
    const goal = await repos.goals.get(principal.user.tenantId, params.goalId ?? "");
    if (!goal) return "not_found";
    return OBJECT_RULES.learner(repos, principal, { learnerId: goal.learnerId });
  },
  async job(repos, { user }, params) {
    const job = await repos.jobs.get(params.jobId ?? "");
    return job && job.tenantId === user.tenantId ? "allow" : "not_found";
  },
  async user(repos, { user }, params) {
    const target = await repos.users.get(asId<UserId>(params.userId ?? ""));
    return target && target.tenantId === user.tenantId ? "allow" : "not_found";
  },
  async model(repos, { user }, params) {
    const model = await repos.models.get(user.tenantId, params.modelId ?? "");
    return model ? "allow" : "not_found";
  },
};
