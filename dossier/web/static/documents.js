// Documents page: every stored document, linked to its reader.
import { api, el, fill, showError } from "/static/dossier.js";

async function load() {
  try {
    const docs = await api("/api/documents");
    fill(document.getElementById("documents"), docs.map((d) => el("tr", {},
      el("td", {}, el("a", { href: `/documents/${d.id}` }, d.title || d.name)), el("td", {}, d.name),
      el("td", {}, d.date || ""))));
  } catch (error) {
    showError(error);
  }
}

load();
