import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import fastifyCookie from "@fastify/cookie";
import fastifyRateLimit from "@fastify/rate-limit";
import fastifyStatic from "@fastify/static";
import fastifySwagger from "@fastify/swagger";
import fastifySwaggerUi from "@fastify/swagger-ui";
import Fastify, { type FastifyInstance } from "fastify";
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from "fastify-type-provider-zod";
import type { AppDeps } from "./deps";
import { installAuthorization } from "./http/authorize";
import { errorBody, handleError } from "./http/errors";
import { registerAdminRoutes } from "./routes/admin";
import { registerAuthRoutes } from "./routes/auth";
import { registerContentRoutes } from "./routes/content";
import { registerEventRoutes } from "./routes/events";
import { registerGoalRoutes } from "./routes/goals";
import { registerHealthRoutes } from "./routes/health";
import { registerImportRoutes } from "./routes/imports";
import { registerJobRoutes } from "./routes/jobs";
import { registerLearningRoutes } from "./routes/learning";
import { registerModelRoutes } from "./routes/models";
import { registerPredictionRoutes } from "./routes/predictions";
import { registerProgressRoutes } from "./routes/progress";

/** Security headers for every response (TRUST #16); Swagger UI needs its own inline assets. */
function installSecurityHeaders(app: FastifyInstance): void {
  app.addHook("onSend", async function securityHeaders(request, reply) {
    reply.header("x-content-type-options", "nosniff");
    reply.header("referrer-policy", "no-referrer");
    if (!request.url.startsWith("/docs")) {
      reply.header(
        "content-security-policy",
        "default-src 'self'; object-src 'none'; frame-ancestors 'none'; base-uri 'self'",
      );
    }
    if (request.url.startsWith("/api")) reply.header("cache-control", "no-store");
  });
}

/** Serves the web app build at `/` with SPA fallback, when it has been built (apps/web/dist). */
async function installWebApp(app: FastifyInstance, webDist: string): Promise<boolean> {
  const root = resolve(webDist);
  if (!existsSync(join(root, "index.html"))) return false;
  await app.register(fastifyStatic, { root, wildcard: false, index: ["index.html"] });
  return true;
}

/**
 * Builds the HTTP app from its dependencies (nothing global): error catalogue, policy-table
 * authorization, OpenAPI at /docs, the API routes under /api, and the web app at /.
 */
export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const app = Fastify({
    logger: {
      level: deps.config.logLevel,
      redact: ["req.headers.authorization", "req.headers.cookie", 'res.headers["set-cookie"]'],
    },
    bodyLimit: deps.config.bodyLimitBytes,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(handleError);
  // JSON only: a text/plain body would otherwise reach the validators as a string.
  app.removeContentTypeParser("text/plain");

  await app.register(fastifyCookie);
  await app.register(fastifyRateLimit, { global: false });
  await app.register(fastifySwagger, {
    openapi: {
      info: {
        title: "Pathwise API",
        version: "0.1.0",
        description: "See docs/api.md for authentication and error codes.",
      },
      components: {
        securitySchemes: {
          session: { type: "apiKey", in: "cookie", name: "pathwise_session" },
          bearer: { type: "http", scheme: "bearer" },
        },
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: "/docs" });

  app.addHook("onClose", async () => deps.modelServing.close());
  installSecurityHeaders(app);
  installAuthorization(app, deps);
  registerHealthRoutes(app, deps);
  registerAuthRoutes(app, deps);
  registerAdminRoutes(app, deps);
  registerContentRoutes(app, deps);
  registerEventRoutes(app, deps);
  registerLearningRoutes(app, deps);
  registerPredictionRoutes(app, deps);
  registerGoalRoutes(app, deps);
  registerJobRoutes(app, deps);
  registerProgressRoutes(app, deps);
  registerModelRoutes(app, deps);
  registerImportRoutes(app, deps);

  const servesWeb = await installWebApp(app, deps.config.webDist);
  app.setNotFoundHandler(function notFound(request, reply) {
    const isPage =
      request.method === "GET" && !request.url.startsWith("/api") && !request.url.startsWith("/docs");
    if (servesWeb && isPage) return reply.type("text/html").sendFile("index.html");
    return reply
      .status(404)
      .send(errorBody("route_not_found", `No endpoint ${request.method} ${request.url.split("?")[0]}`));
  });
  return app;
}
