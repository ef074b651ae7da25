/**
 * The project folder (where package.json is), found from this file's own folder: the CLI runs both
 * from its sources (src/cli, under tsx and in the tests) and from its build (build/cli/src/cli, what
 * bin/atertag.js runs), so a fixed number of "../" would be right in only one of them.
 */
import * as fs from "fs";
import * as path from "path";

export function packageRoot(): string {
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, "package.json"))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`no package.json above ${__dirname}`);
  }
}
