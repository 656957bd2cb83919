// Search page: every name and alias, as you type, with type filters.
import { api, debounce, el, fill, showError } from "/static/dossier.js";

const form = document.getElementById("search");
const results = document.getElementById("results");
const summary = document.getElementById("summary");


function result(hit) {
  const aliases = (hit.aliases || []).filter((a) => a !== hit.name);
  return el("li", {},
    el("a", { href: `/entity/${hit.id}` }, hit.name), " ",
    el("span", { class: `type ${hit.type}` }, hit.type),
    hit.matched && hit.matched !== hit.name ? el("span", { class: "muted" }, " matched ", el("q", {}, hit.matched)) : "",
    aliases.length ? el("div", { class: "muted" }, "also: ", aliases.join("; ")) : "");
}

async function search() {
  const q = form.elements.q.value.trim();
  const params = new URLSearchParams({ q });
  if (form.elements.type.value) params.set("type", form.elements.type.value);
  history.replaceState(null, "", `/?${params}`);
  if (!q) { fill(results); summary.textContent = ""; return; }
  try {
    const hits = await api(`/api/search?${params}&limit=50`);
    summary.textContent = hits.length ? `${hits.length} found for “${q}”` : `nothing found for “${q}”`;
    fill(results, hits.map(result));
  } catch (error) {
    showError(error);
  }
}

form.addEventListener("submit", (event) => { event.preventDefault(); search(); });
form.elements.q.addEventListener("input", debounce(search));
form.addEventListener("change", search);
if (form.elements.q.value.trim()) search();
