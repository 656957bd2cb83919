// Shared by the pages: fetching the JSON API and building DOM with text only (never innerHTML of data).

export const vocabulary = JSON.parse(document.getElementById("vocabulary").textContent);

/** An element with attributes (functions become event listeners) and children (strings become text). */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (typeof value === "function") node.addEventListener(key, value);
    else node.setAttribute(key, value === true ? "" : String(value));
  }
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

/** The JSON of an API call; an Error carrying the API's one-line reason when it fails. */
export async function api(path, options = {}) {
  const response = await fetch(path, { credentials: "same-origin", ...options });
  const body = await response.json().catch(() => null);
  if (!response.ok) {
    const detail = body && body.detail;
    throw new Error(typeof detail === "string" ? detail : `${response.status} ${response.statusText} from ${path}`);
  }
  return body;
}

/** POST a JSON body to the API. */
export function post(path, body) {
  return api(path, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
}

/** Show an error in the page's alert line. */
export function showError(error) {
  const line = document.getElementById("error");
  line.textContent = error instanceof Error ? error.message : String(error);
  line.hidden = false;
}

/** A link only to the web (http/https); any other scheme from a document is shown as text. */
export function safeUrl(url) {
  return typeof url === "string" && /^https?:\/\//i.test(url) ? url : null;
}

/** "2019-04 – 2020-05", "since 2019", "until 2020", "undated"; "c." when approximate. */
export function period(start, end, approx = false) {
  const c = approx ? "c. " : "";
  if (start && end) return start === end ? c + start : `${c}${start} – ${end}`;
  if (start) return `${c}since ${start}`;
  if (end) return `${c}until ${end}`;
  return "undated";
}

/** The label of a relation or event type. */
export function label(type) {
  return vocabulary.relations[type] || vocabulary.events[type] || type.replaceAll("_", " ");
}

/** A link to an entity's profile, with its type. */
export function entityLink(entity) {
  const id = entity.entity_id ?? entity.id;
  return el("span", {}, el("a", { href: `/entity/${id}` }, entity.name), " ",
            el("span", { class: `type ${entity.type}` }, entity.type));
}

/** One source cited by an evidence sentence: its title (linked to its URL) and publisher, date. */
export function sourceLine(source) {
  const title = source.title || source.publisher || source.url || `source ${source.id}`;
  const url = safeUrl(source.url);
  const details = [source.publisher, source.date].filter(Boolean).join(", ");
  return el("span", { class: "source" },
            url ? el("a", { href: url, rel: "noreferrer noopener", target: "_blank" }, title) : title,
            details && title !== details ? ` (${details})` : "");
}

/** Evidence sentences, each with its document (linked at the sentence) and the sources it cites. */
export function evidenceList(evidence) {
  return el("ul", { class: "evidence" }, evidence.map((e) => el("li", {},
    el("q", {}, e.sentence), " — ",
    el("a", { href: `/documents/${e.document_id}#at-${e.start}` }, e.document),
    (e.sources || []).length
      ? el("span", { class: "cites" }, " [", e.sources.map((s, i) => [i ? "; " : "", sourceLine(s)]), "]")
      : "")));
}

/** Evidence sentences, and how many more state the same when the API left some out. */
export function evidenceOf(fact) {
  return [evidenceList(fact.evidence || []),
          fact.more_evidence ? el("p", { class: "muted" }, `and ${fact.more_evidence} more sentences`) : null];
}

/** Clear an element and fill it with nodes. */
export function fill(container, ...nodes) {
  container.replaceChildren(...nodes.flat(Infinity).filter(Boolean));
}

/** Call fn once input has settled for `ms`. */
export function debounce(fn, ms = 200) {
  let timer;
  return (...args) => { clearTimeout(timer); timer = setTimeout(() => fn(...args), ms); };
}
