import * as fs from "fs";
import * as path from "path";

/** True if `p` is an existing regular file we may execute. */
export function isExecutableFile(p: string): boolean {
  try {
    fs.accessSync(p, fs.constants.X_OK);
    return fs.statSync(p).isFile();
  } catch {
    return false;
  }
}

/** Minimal `which`: absolute path of executable `name` on PATH, or null. */
export function whichSync(name: string): string | null {
  if (name.includes(path.sep)) return isExecutableFile(name) ? path.resolve(name) : null;
  for (const dir of (process.env.PATH ?? "").split(path.delimiter)) {
    if (!dir) continue;
    const candidate = path.join(dir, name);
    if (isExecutableFile(candidate)) return candidate;
  }
  return null;
}
