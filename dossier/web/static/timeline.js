// Timeline page: dated events and the starts and ends of relations, oldest first.
import { api, el, entityLink, evidenceOf, fill, label, showError } from "/static/dossier.js";

const id = document.querySelector("main").dataset.entity;
const WHAT = { start: "begins", end: "ends" };

/** "X leader of Y (begins)" for a relation; "arrest — agent: X, patient: Y" for an event. */
function what(m) {
  const parties = m.parties || [];
  if (m.kind === "relation" && parties.length === 2) {
    return [entityLink(parties[0]), ` ${label(m.type)} `, entityLink(parties[1]), ` (${WHAT[m.what]})`];
  }
  return [label(m.type), parties.length ? " — " : "",
          parties.map((p, i) => [i ? ", " : "", p.role ? `${p.role}: ` : "", entityLink(p)])];
}

function moment(m) {
  return el("li", {}, el("strong", {}, m.date ? `${m.approx ? "c. " : ""}${m.date}` : "undated"), " ", what(m),
            evidenceOf(m));
}

async function load() {
  try {
    const [profile, moments] = await Promise.all([api(`/api/entities/${id}`), api(`/api/entities/${id}/timeline`)]);
    document.getElementById("name").textContent = profile.name;
    document.title = `Timeline of ${profile.name} — dossier`;
    const list = Array.isArray(moments) ? moments : moments.moments || [];
    fill(document.getElementById("timeline"), list.length ? list.map(moment) : el("li", { class: "muted" }, "Nothing dated."));
  } catch (error) {
    showError(error);
  }
}

load();
