// Upload page: send the chosen files, then follow the ingest job until it is done.
import { api, el, fill, showError } from "/static/dossier.js";

const form = document.getElementById("upload");
const bar = document.getElementById("progress");
const state = document.getElementById("state");
const outcomes = document.getElementById("outcomes");
const POLL_MS = 400;

/** POST the files with XMLHttpRequest, whose upload events drive the bar; resolves to the job. */
function send(files) {
  return new Promise((resolve, reject) => {
    const body = new FormData();
    for (const file of files) body.append("files", file);
    const request = new XMLHttpRequest();
    request.open("POST", "/api/upload");
    request.responseType = "json";
    request.upload.addEventListener("progress", (event) => {
      if (event.lengthComputable) { bar.max = event.total; bar.value = event.loaded; }
    });
    request.addEventListener("load", () => {
      if (request.status >= 200 && request.status < 300) resolve(request.response);
      else reject(new Error((request.response && request.response.detail) || `upload failed: ${request.status}`));
    });
    request.addEventListener("error", () => reject(new Error("upload failed: the server did not answer")));
    request.send(body);
  });
}

function outcome(result) {
  return el("li", {}, el("strong", {}, result.status), " ", result.file, result.message ? ` — ${result.message}` : "");
}

async function follow(job) {
  const status = await api(`/api/jobs/${encodeURIComponent(job)}`);
  bar.max = Math.max(status.total || 0, 1);
  bar.value = status.done || 0;
  state.textContent = `${status.state}: ${status.done || 0} of ${status.total || 0} files`
    + (status.message ? ` — ${status.message}` : "");
  fill(outcomes, (status.results || []).map(outcome));
  form.dataset.state = status.state;
  if (status.state === "done" || status.state === "failed") {
    form.querySelector("button").disabled = false;
    return;
  }
  setTimeout(() => follow(job).catch(showError), POLL_MS);
}

form.addEventListener("submit", async (event) => {
  event.preventDefault();
  const files = form.elements.files.files;
  if (!files.length) { state.textContent = "choose one or more files first"; return; }
  form.querySelector("button").disabled = true;
  form.dataset.state = "uploading";
  state.textContent = `uploading ${files.length} file(s)…`;
  try {
    const { job } = await send(files);
    await follow(job);
  } catch (error) {
    form.querySelector("button").disabled = false;
    form.dataset.state = "failed";
    showError(error);
  }
});
