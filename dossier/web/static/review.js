// Review page: extracted claims to accept, reject or edit (start, end, role); merge and split entities.
import { api, el, entityLink, evidenceList, fill, label, period, post, showError } from "/static/dossier.js";

const main = document.querySelector("main");
const status = main.dataset.status;
const list = document.getElementById("claims");
const more = document.getElementById("more");
const PAGE = 25;
let offset = 0;

function when(claim) {
  return claim.kind === "event" ? (claim.date || "undated") : period(claim.start, claim.end, claim.approx);
}

/** The fields an analyst may edit: the period and role of a relation, the date of an event. */
function editable(claim) {
  return claim.kind === "event" ? ["date"] : ["start", "end", "role"];
}

function editForm(claim, card) {
  const fields = editable(claim);
  const form = el("form", { class: "edit", hidden: true },
    fields.map((f) => el("input", { name: f, value: claim[f] || "", placeholder: f, "aria-label": f })),
    el("button", { type: "submit" }, "Save"));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const changes = {};
    for (const field of fields) {
      const value = form.elements[field].value.trim();
      if (value !== (claim[field] || "")) changes[field] = value || null;
    }
    decide(claim, card, "edit", changes);
  });
  return form;
}

async function decide(claim, card, verdict, changes) {
  try {
    const body = verdict === "edit" ? { verdict, changes } : { verdict };
    await post(`/api/claims/${claim.id}/review`, body);
    const reviewed = { accept: "accepted", reject: "rejected", edit: "edited" }[verdict];
    card.dataset.verdict = reviewed;
    card.querySelector(".verdict").textContent = reviewed;
    card.querySelectorAll("button").forEach((b) => { b.disabled = true; });
  } catch (error) {
    showError(error);
  }
}

function claimCard(item) {
  const claim = item.reviewed;
  const card = el("div", { class: "claim", "data-claim": claim.id, "data-verdict": item.status });
  const form = editForm(claim, card);
  const parties = (claim.parties || []).map((p, i) => [i ? ", " : "", p.role ? `${p.role}: ` : "", entityLink(p)]);
  card.append(
    el("div", {}, el("strong", {}, label(claim.type)), " ", el("span", { class: "muted" }, when(claim)),
       claim.role ? ` (${claim.role})` : "", " ", el("span", { class: "verdict" }, item.status),
       item.note ? el("span", { class: "muted" }, ` — ${item.note}`) : ""),
    el("div", {}, parties),
    evidenceList(claim.evidence || []),
    el("div", { class: "buttons" },
       el("button", { type: "button", class: "accept", click: () => decide(claim, card, "accept") }, "Accept"), " ",
       el("button", { type: "button", class: "reject", click: () => decide(claim, card, "reject") }, "Reject"), " ",
       el("button", { type: "button", class: "edit", click: () => { form.hidden = !form.hidden; } }, "Edit"), " ",
       form));
  return card;
}

async function loadPage() {
  try {
    const page = await api(`/api/review?status=${encodeURIComponent(status)}&limit=${PAGE}&offset=${offset}`);
    if (!page.total) fill(list, el("p", { class: "muted" }, `No ${status} claims.`));
    else list.append(...page.items.map(claimCard));
    offset += page.items.length;
    more.hidden = offset >= page.total;
  } catch (error) {
    showError(error);
  }
}

function decisionForm(id, path, fields) {
  const form = document.getElementById(id);
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const body = Object.fromEntries(fields.map((f) => [f, form.elements[f].value.trim()]));
    if (!body.note) delete body.note;
    try {
      const decision = await post(path, body);
      const line = document.getElementById("decision");
      line.textContent = decision.text;
      form.reset();
    } catch (error) {
      showError(error);
    }
  });
}

more.addEventListener("click", loadPage);
decisionForm("merge", "/api/merge", ["a", "b", "note"]);
decisionForm("split", "/api/split", ["name", "alias", "note"]);
loadPage();
