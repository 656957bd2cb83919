// Network page: the graph around one entity (Cytoscape.js), an as-of slider that hides the relations not
// holding at that date, type filters, click-through to profiles, and the centre organization's leaders
// as of the slider's date.
import { api, debounce, el, entityLink, fill, label, period, showError } from "/static/dossier.js";

const main = document.querySelector("main");
const centre = Number(main.dataset.centre);
const depth = Number(main.dataset.depth) || 1;
const slider = document.getElementById("as-of");
const sliderLabel = document.getElementById("as-of-label");
const filters = document.getElementById("filters");

// ---- dates: partial ISO dates compared as query.holds compares them ----------------------------

function iso(time) {
  return new Date(time).toISOString().slice(0, 10);
}

/** The first and last day a partial date can mean; approx widens it by one unit each way. */
function bounds(value, approx = false) {
  const [y, m, d] = value.split("-").map(Number);
  const a = approx ? 1 : 0;
  if (!m) return [iso(Date.UTC(y - a, 0, 1)), iso(Date.UTC(y + a, 11, 31))];
  if (!d) return [iso(Date.UTC(y, m - 1 - a, 1)), iso(Date.UTC(y, m + a, 0))];
  return [iso(Date.UTC(y, m - 1, d - a)), iso(Date.UTC(y, m - 1, d + a))];
}

/** Whether a relation with these (partial, maybe missing) ends can hold on the partial date asOf. */
function holds(start, end, asOf, approx) {
  const [lo, hi] = bounds(asOf);
  if (start && bounds(start, approx)[0] > hi) return false;
  if (end && bounds(end, approx)[1] < lo) return false;
  return true;
}

/** Every month from the first date of the span to the last, as YYYY-MM. */
function months(span) {
  if (!span || !span.first || !span.last) return [];
  const [fy, fm] = span.first.split("-").map(Number);
  const [ly, lm] = span.last.split("-").map(Number);
  const out = [];
  for (let y = fy, m = fm || 1; y < ly || (y === ly && m <= (lm || 12)); m === 12 ? (y++, m = 1) : m++) {
    out.push(`${y}-${String(m).padStart(2, "0")}`);
  }
  return out;
}

// ---- the graph ------------------------------------------------------------------------------

const STYLE = [
  { selector: "node", style: { label: "data(name)", "font-size": 10, "text-valign": "bottom", "text-margin-y": 3,
                              width: 18, height: 18, "background-color": "#5b6672" } },
  { selector: "node[type = 'person']", style: { "background-color": "#2f7d5b" } },
  { selector: "node[type = 'organization']", style: { "background-color": "#1f5fa8", shape: "round-rectangle" } },
  { selector: "node[type = 'location']", style: { "background-color": "#a8641f", shape: "diamond" } },
  { selector: "node[distance = 0]", style: { width: 30, height: 30, "font-weight": "bold", "font-size": 12 } },
  { selector: "edge", style: { width: 1.5, "line-color": "#aab4bf", "target-arrow-color": "#aab4bf",
                              "target-arrow-shape": "triangle", "curve-style": "bezier", label: "data(label)",
                              "font-size": 8, color: "#5b6672", "text-rotation": "autorotate" } },
];

function elements(graph) {
  const nodes = graph.nodes.map((n) => ({ data: { id: `n${n.id}`, entity: n.id, name: n.name, type: n.type,
                                                   distance: n.distance } }));
  const edges = graph.edges.map((e, i) => ({ data: { id: `e${e.id ?? i}`, source: `n${e.source}`, target: `n${e.target}`,
                                                      type: e.type, label: label(e.type), start: e.start, end: e.end,
                                                      approx: e.approx } }));
  return [...nodes, ...edges];
}

function draw(graph) {
  const cy = cytoscape({
    container: document.getElementById("graph"),
    elements: elements(graph),
    style: STYLE,
    minZoom: 0.2,
    maxZoom: 2,
    layout: { name: "concentric", concentric: (n) => 10 - n.data("distance"), levelWidth: () => 1,
              minNodeSpacing: 30, animate: false },
  });
  cy.on("tap", "node", (event) => { location.href = `/entity/${event.target.data("entity")}`; });
  window.dossierGraph = cy;  // for the browser tests and the console
  return cy;
}

// ---- filters and panels ---------------------------------------------------------------------

function chosenTypes() {
  return new Set([...filters.querySelectorAll("input[name=type]:checked")].map((box) => box.value));
}

function applyFilters(cy, asOf) {
  const types = chosenTypes();
  cy.batch(() => {
    cy.edges().forEach((edge) => {
      const shown = (!asOf || holds(edge.data("start"), edge.data("end"), asOf, edge.data("approx")))
        && types.has(edge.source().data("type")) && types.has(edge.target().data("type"));
      edge.style("display", shown ? "element" : "none");
    });
    cy.nodes().forEach((node) => {
      const linked = node.data("distance") === 0
        || node.connectedEdges().some((edge) => edge.style("display") !== "none");
      node.style("display", types.has(node.data("type")) && linked ? "element" : "none");
    });
  });
  const shown = cy.nodes().filter((n) => n.style("display") !== "none")
    .sort((a, b) => a.data("distance") - b.data("distance") || a.data("name").localeCompare(b.data("name")));
  fill(document.getElementById("in-view"), shown.map((n) => el("li", {},
    entityLink({ id: n.data("entity"), name: n.data("name"), type: n.data("type") }))));
}

let leadersAsked = 0;

async function showLeaders(asOf) {
  const panel = document.getElementById("leaders-panel");
  const asked = ++leadersAsked;
  const query = asOf ? `?as_of=${encodeURIComponent(asOf)}` : "";
  try {
    const tenures = await api(`/api/entities/${centre}/leaders${query}`);
    if (asked !== leadersAsked) return;  // the slider has moved on
    document.getElementById("leaders-date").textContent = asOf || "any date";
    fill(document.getElementById("leaders"), tenures.length
      ? tenures.map((t) => el("li", {}, entityLink(t.person), " ",
                              el("span", { class: "muted" }, period(t.start, t.end, t.approx), t.role ? ` (${t.role})` : "")))
      : el("li", { class: "muted" }, "no leader known"));
    panel.dataset.asOf = asOf || "";
  } catch (error) {
    showError(error);
  }
}

async function load() {
  if (typeof cytoscape === "undefined") {  // the page says so when the file is missing; this is for a broken one
    if (!document.getElementById("no-library")) showError("The graph library (Cytoscape.js) did not load.");
    return;
  }
  try {
    const graph = await api(`/api/graph?centre=${centre}&depth=${depth}`);
    const me = graph.nodes.find((n) => n.id === centre);
    if (me) {
      document.getElementById("centre-name").textContent = me.name;
      document.title = `Network of ${me.name} — dossier`;
    }
    document.getElementById("limited").hidden = !graph.limited;
    const cy = draw(graph);
    const dates = months(graph.span);
    const isOrganization = me && me.type === "organization";
    document.getElementById("leaders-panel").hidden = !isOrganization;
    const asOf = () => (dates.length ? dates[Number(slider.value)] : null);
    const update = () => {
      sliderLabel.textContent = asOf() || "no dated relations";
      applyFilters(cy, asOf());
    };
    const updateLeaders = debounce(() => { if (isOrganization) showLeaders(asOf()); }, 150);
    if (dates.length) {
      slider.max = String(dates.length - 1);
      slider.value = slider.max;
      slider.disabled = false;
    }
    slider.addEventListener("input", () => { update(); updateLeaders(); });
    filters.addEventListener("change", update);
    update();
    if (isOrganization) showLeaders(asOf());
    main.dataset.ready = "true";
  } catch (error) {
    showError(error);
  }
}

load();
