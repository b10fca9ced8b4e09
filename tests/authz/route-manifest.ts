import { createRequire } from "node:module";
import path from "node:path";
import remixConfig from "../../remix.config.js";

/**
 * The app's routes as Remix itself reads them from app/routes (the same
 * function and ignore patterns the Vite plugin uses), so a new route file
 * shows up here without anyone listing it.
 */
interface ManifestRoute {
  id: string;
  path?: string;
  index?: boolean;
  parentId?: string;
  file: string;
}

const require = createRequire(import.meta.url);
const { flatRoutes } = require("@remix-run/dev/dist/config/flat-routes.js") as {
  flatRoutes: (appDirectory: string, ignored: string[]) => Record<string, ManifestRoute>;
};

export function appRoutes(): ManifestRoute[] {
  const appDirectory = path.resolve(remixConfig.appDirectory ?? "app");
  return Object.values(flatRoutes(appDirectory, remixConfig.ignoredRouteFiles ?? []));
}

/** Full URL path template of a route, e.g. "/settings/people/:userId". */
export function fullPath(route: ManifestRoute, all: ManifestRoute[]): string {
  const segments: string[] = [];
  let current: ManifestRoute | undefined = route;
  while (current) {
    if (current.path) segments.unshift(current.path);
    current = all.find((candidate) => candidate.id === current!.parentId);
  }
  return `/${segments.join("/")}`;
}
