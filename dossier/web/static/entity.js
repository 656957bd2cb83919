// Profile page: names, relations with periods, events and conflicts, each with its evidence and sources.
import { api, el, entityLink, evidenceList, evidenceOf, fill, label, period, showError } from "/static/dossier.js";

const { entity: id, asOf } = document.querySelector("main").dataset;

function nameItem(use) {
  return el("li", {}, use.name, el("span", { class: "muted" }, "  ", use.documents.join(", "),
                                   use.more_documents ? ` and ${use.more_documents} more` : ""));
}

function reviewMark(review) {
  return review ? el("span", { class: "muted" }, ` (${review})`) : "";
}

/** "leader of ISKP" when the entity is the subject; "Aslam Farooqi leader of ISKP" when it is the object. */
function relationFact(r, name) {
  const what = [label(r.type), r.role ? ` (${r.role})` : ""];
  const sentence = r.direction === "in" ? [entityLink(r.other), " ", what, " ", name] : [what, " ", entityLink(r.other)];
  return el("div", { class: "fact relation" },
    el("div", { class: "head" }, sentence, " ", el("span", { class: "period muted" }, period(r.start, r.end, r.approx)),
       reviewMark(r.review)),
    evidenceOf(r));
}

function participants(event) {
  return (event.participants || []).map((p, i) => [i ? ", " : "", `${p.role}: `, entityLink(p)]);
}

function eventFact(e) {
  const numbers = [e.killed != null ? `${e.killed} killed` : "", e.count != null ? `${e.count} people` : ""]
    .filter(Boolean).join(", ");
  return el("div", { class: "fact event" },
    el("div", { class: "head" }, e.date ? `${e.approx ? "c. " : ""}${e.date} ` : "undated ", label(e.type),
       e.location ? ` in ${e.location}` : "", numbers ? ` (${numbers})` : "", reviewMark(e.review)),
    el("div", {}, participants(e)),
    evidenceOf(e));
}

function side(claim) {
  const when = claim.date || period(claim.start, claim.end, claim.approx);
  const who = (claim.parties || []).map((p, i) => [i ? ", " : "", entityLink(p)]);
  return el("div", { class: "fact" }, el("div", { class: "head" }, label(claim.type), " ", when, " "), who,
            evidenceList(claim.evidence || []));
}

function conflictItem(c) {
  return el("div", { class: "conflict" }, el("p", {}, el("strong", {}, c.kind || "conflict"), ": ", c.about || ""),
            c.first ? side(c.first) : "", c.second ? side(c.second) : "");
}

function none(what) {
  return el("p", { class: "muted" }, `No ${what}.`);
}

async function load() {
  try {
    const p = await api(`/api/entities/${id}${asOf ? `?as_of=${encodeURIComponent(asOf)}` : ""}`);
    document.title = `${p.name} — dossier`;
    document.getElementById("name").textContent = p.name;
    document.getElementById("kind").textContent = p.type;
    fill(document.getElementById("names"), (p.names || []).map(nameItem));
    const relations = p.relations || [], events = p.events || [], conflicts = p.conflicts || [];
    fill(document.getElementById("relations"), relations.length ? relations.map((r) => relationFact(r, p.name)) : none("relations"));
    fill(document.getElementById("events"), events.length ? events.map(eventFact) : none("events"));
    fill(document.getElementById("conflicts"), conflicts.length ? conflicts.map(conflictItem) : none("conflicts"));
  } catch (error) {
    showError(error);
  }
}

load();
