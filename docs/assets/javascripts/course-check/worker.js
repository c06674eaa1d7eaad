// The course check in a Web Worker, so that the tab never freezes on a large file: the page posts data.json once,
// then {id, name, bytes} per file; the answer is {id, result} (checkCourse's) or {id, error}. A worker has no XML
// parser (DOMParser), so the page reads workbooks itself (bounded by the limits of compliance/limits.py).
import { checkCourse } from "./check.js";

let bundle = null;

self.addEventListener("message", async (event) => {
  const { id, name, bytes } = event.data;
  if (event.data.bundle) {
    bundle = event.data.bundle;
    return;
  }
  try {
    self.postMessage({ id, result: await checkCourse(bundle, name, bytes) });
  } catch (e) {
    self.postMessage({ id, error: String(e && e.message ? e.message : e) });
  }
});
