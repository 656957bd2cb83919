// Document reader: the text with its mentions highlighted (linked to profiles), footnote markers linked
// to the sources list, and the sentence a profile's evidence points to (#at-OFFSET) marked.
import { api, el, fill, showError, sourceLine } from "/static/dossier.js";

const id = document.querySelector("main").dataset.document;

/** Mentions and footnote markers by start, without overlaps (the earlier, then longer, wins). */
function marks(doc) {
  const all = [
    ...(doc.mentions || []).map((m) => ({ ...m, kind: "mention" })),
    ...(doc.footnotes || []).map((f) => ({ ...f, kind: "footnote" })),
  ].sort((a, b) => a.start - b.start || (a.end > a.start) - (b.end > b.start) || b.end - a.end);
  const kept = [];
  for (const m of all) if (!kept.length || m.start >= kept[kept.length - 1].end) kept.push(m);
  return kept;
}

function markNode(mark, text) {
  if (mark.kind === "mention") {
    return el("a", { class: "mention", href: `/entity/${mark.entity_id}`, title: `${mark.name} (${mark.type})` }, text);
  }
  const first = (mark.source_ids || [])[0];  // the reader takes the marker out of the text: show it again
  return el("a", { class: "footnote", href: first != null ? `#source-${first}` : null,
                   title: `source ${(mark.source_ids || []).join(", ")}` }, text || mark.marker);
}

/** The text between two offsets as nodes, with the marks that start inside it (cut at its end). */
function segment(text, from, to, cursor) {
  const nodes = [];
  let pos = from;
  while (cursor.i < cursor.marks.length && cursor.marks[cursor.i].start < to) {
    const mark = cursor.marks[cursor.i++];
    if (mark.start < pos) continue;
    const end = Math.min(mark.end, to);
    nodes.push(text.slice(pos, mark.start), markNode(mark, text.slice(mark.start, end)));
    pos = end;
  }
  nodes.push(text.slice(pos, to));
  return nodes;
}

function renderText(doc) {
  const text = doc.text;
  const cursor = { marks: marks(doc), i: 0 };
  const sentences = [...(doc.sentences || [])].sort((a, b) => a.start - b.start);
  const nodes = [];
  let pos = 0;
  for (const s of sentences) {
    if (s.start < pos) continue;
    nodes.push(...segment(text, pos, s.start, cursor));
    nodes.push(el("span", { class: "sentence", id: `at-${s.start}`, "data-end": s.end },
                  ...segment(text, s.start, s.end, cursor)));
    pos = s.end;
  }
  nodes.push(...segment(text, pos, text.length, cursor));
  return nodes;
}

function sourceItem(source) {
  return el("li", { id: `source-${source.id}`, value: /^\d+$/.test(source.local_id || "") ? source.local_id : null },
            sourceLine(source), source.note ? el("div", { class: "muted" }, source.note) : "");
}

/** Mark and scroll to the sentence holding the offset in #at-OFFSET. */
function showTarget() {
  const match = /^#at-(\d+)$/.exec(location.hash);
  document.querySelectorAll(".sentence.target").forEach((s) => s.classList.remove("target"));
  if (!match) return;
  const offset = Number(match[1]);
  const sentence = [...document.querySelectorAll(".sentence")]
    .find((s) => Number(s.id.slice(3)) <= offset && offset < Number(s.dataset.end));
  if (sentence) {
    sentence.classList.add("target");
    sentence.scrollIntoView({ block: "center" });
  }
}

async function load() {
  try {
    const doc = await api(`/api/documents/${id}`);
    document.title = `${doc.title || doc.name} — dossier`;
    document.getElementById("title").textContent = doc.title || doc.name;
    document.getElementById("meta").textContent = [doc.name, doc.date].filter(Boolean).join(", ");
    fill(document.getElementById("text"), renderText(doc));
    fill(document.getElementById("sources"), (doc.sources || []).map(sourceItem));
    showTarget();
  } catch (error) {
    showError(error);
  }
}

window.addEventListener("hashchange", showTarget);
load();
