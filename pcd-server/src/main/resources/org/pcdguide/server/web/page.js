"use strict";
const $ = (id) => document.getElementById(id);
const el = (tag, attrs, ...children) => {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, v);
  for (const c of children) e.append(c instanceof Node ? c : document.createTextNode(String(c)));
  return e;
};
$("load-example").addEventListener("click", () => { $("case").value = $("example").innerHTML.replace(/&amp;/g, "&"); $("case").focus(); });
$("file").addEventListener("change", async (ev) => { const f = ev.target.files[0]; if (f) $("case").value = await f.text(); });
// the date a report link's call was assessed as of; editing the case forgets it
let asOf = null;
$("case").addEventListener("input", () => { asOf = null; });
$("case-form").addEventListener("submit", async (ev) => {
  ev.preventDefault();
  const text = $("case").value;
  const type = text.trim().startsWith("{") ? "application/json" : "application/yaml";
  const query = "format=json" + (asOf ? "&as-of=" + encodeURIComponent(asOf) : "");
  const r = await fetch("/api/assess?" + query, { method: "POST", headers: { "Content-Type": type }, body: text });
  const body = await r.json();
  render(r.ok ? body : null, r.ok ? null : body);
});
function evidence(list) {
  const d = el("details", {}, el("summary", {}, "Evidence (" + list.length + ")"));
  for (const e of list) {
    const li = el("div", {}, el("span", { class: "badge grade-" + e.grade }, "grade " + e.grade), " ",
      e.title + " (" + e.kind.replace(/-/g, " ") + "; " + e.population + "), " + e.locator);
    for (const l of e.labels || []) li.append(" ", el("span", { class: "badge warn" }, l));
    if (e.quote) li.append(el("blockquote", {}, "\u201c" + e.quote + "\u201d"));
    d.append(li);
  }
  return d;
}
function item(i) {
  const box = el("div", { class: "item" }, el("h3", {}, (i.rank ? i.rank + ". " : "") + (i.title || i.id) + " [" + i.id + "]"));
  for (const l of i.labels || []) box.append(el("span", { class: "badge" + (/veterinary|different entity|proposal|unsupported/.test(l) ? " warn" : "") }, l));
  for (const g of [...new Set((i.evidence || []).map((e) => e.grade))]) box.append(el("span", { class: "badge grade-" + g }, "grade " + g));
  box.append(el("p", {}, i.statement + (i.strength ? " (" + i.strength + ")" : "")));
  if (i.conditional) box.append(el("p", { class: "conditional" }, "Conditional: " + i.conditional));
  if (i.because && i.because.length) box.append(el("p", { class: "because" }, "Because: " + i.because.join("; ")));
  for (const d of i.disagreements || []) box.append(el("p", { class: "because" }, "Sources disagree (" + d.source + ", grade " + d.grade + "): " + d.statement));
  box.append(evidence(i.evidence || []));
  return box;
}
function section(title, items) {
  const s = el("section", {}, el("h2", {}, title));
  if (!items.length) s.append(el("p", {}, "None for this patient."));
  items.forEach((i) => s.append(item(i)));
  return s;
}
function render(a, problem) {
  const out = $("report");
  out.replaceChildren();
  if (problem) {
    const p = el("div", { class: "problem", role: "alert" }, el("strong", {}, problem.title + ": "), problem.detail);
    const ul = el("ul", {});
    for (const e of problem.errors || []) ul.append(el("li", {}, (e.path ? e.path + ": " : "") + e.detail));
    p.append(ul);
    out.append(p);
    return;
  }
  // the one-screen summary, worded by the server (JSON "summary"), shown first and as given
  const summary = el("section", { id: "summary", "aria-label": "Summary" }, el("h2", {}, "Summary"));
  const lines = el("ul", {});
  for (const l of a.summary || []) lines.append(el("li", { class: l.kind }, l.text));
  summary.append(lines);
  out.append(summary);
  out.append(el("div", { id: "headline" }, a.headline.statement));
  const flags = el("div", { id: "flags", role: "alert" });
  for (const f of a.headline.flags || []) {
    flags.append(el("div", { class: "flag" + (f.severity === "critical" ? "" : " caution") },
      f.statement + " [" + f.entries.join(", ") + "]"));
  }
  out.append(flags);
  const dx = a.diagnosis;
  out.append(el("p", {}, "Diagnosis: " + (dx.id || "none") + ", " + dx.status + (a.extent !== "not-assessed" ? "; extent: " + a.extent : "")));
  out.append(section("Recommended options (ranked)", a.recommendations));
  out.append(section("Agents and approaches to avoid", a.avoid));
  out.append(section("Pitfalls", a.pitfalls));
  out.append(section("Monitoring", a.monitoring));
  out.append(section("Expected response timeline", a.timeline));
  if (a.context.length) out.append(section("Context (background)", a.context));
  const m = el("section", { id: "missing" }, el("h2", {}, "Missing data that would change the answer"));
  if (!a["missing-data"].length) m.append(el("p", {}, "None."));
  for (const d of a["missing-data"]) m.append(el("div", { class: "missing" }, el("strong", {}, d.finding + ": "), d.statement));
  out.append(m);
  out.append(el("p", { class: "because" }, "Knowledge pack " + a.knowledge.version + " (" + a.knowledge.hash + ")"));
  $("headline").setAttribute("tabindex", "-1");
  $("headline").focus();
}
// A CDS Hooks card's "full report" link names the recorded call by a random token in the URL
// fragment (#report=...), which the page exchanges for the call's report (shown as it is: opening
// a link assesses nothing new) and its resources (in the case box, to edit and assess again).
// Links made before report tokens (#call=...) carry the call itself: raw-deflated, base64url.
async function fromFragment() {
  if (location.hash.startsWith("#report=")) {
    const token = location.hash.slice("#report=".length);
    // the token goes in a header, never in a request path that access logs would keep
    const r = await fetch("/api/reports", { headers: { "X-PCD-Report-Token": token } });
    const body = await r.json();
    if (!r.ok) { render(null, body); return; }
    $("case").value = JSON.stringify(body.bundle, null, 2);
    asOf = body.asOf;
    render(body.assessment, null);
    return;
  }
  if (!location.hash.startsWith("#call=")) return;
  const b64 = location.hash.slice("#call=".length).replace(/-/g, "+").replace(/_/g, "/");
  const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
  const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("deflate-raw"));
  const call = JSON.parse(await new Response(stream).text());
  const resources = (call.resources || []).concat(call.draftOrders || []);
  const bundle = { resourceType: "Bundle", type: "collection", entry: resources.map((r) => ({ resource: r })) };
  $("case").value = JSON.stringify(bundle, null, 2);
  asOf = call.asOf || null;
  $("case-form").requestSubmit();
}
fromFragment().catch((e) => render(null, { title: "The report link could not be read", detail: String(e) }));
