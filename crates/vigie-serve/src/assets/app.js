// Vigie dashboard. Every value from the API is untrusted text: it reaches the
// page through textContent or SVG attributes, never as HTML.
"use strict";

const SVG = "http://www.w3.org/2000/svg";
const main = () => document.getElementById("main");

// Only web addresses become links: a stored "javascript:" or "data:" URL stays text.
function webLink(url) {
  return typeof url === "string" && /^https?:\/\//i.test(url);
}

/** An element with attributes and children (strings become text nodes). */
function el(tag, attrs, ...children) {
  const node = tag.startsWith("svg:") ? document.createElementNS(SVG, tag.slice(4)) : document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v !== null && v !== undefined) node.setAttribute(k, String(v));
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined) continue;
    node.appendChild(typeof c === "string" || typeof c === "number" ? document.createTextNode(String(c)) : c);
  }
  return node;
}

async function api(path) {
  const response = await fetch(path, { headers: { Accept: "application/json" } });
  const body = await response.json();
  if (!response.ok) throw new Error(body.error || response.statusText);
  return body;
}

function show(...nodes) {
  const m = main();
  m.replaceChildren(...nodes);
}

function fail(error) {
  show(el("p", { class: "error" }, "Error: " + error.message));
}

const fmt = (n) => (n === null || n === undefined ? "–" : Number(n).toLocaleString("en"));

/** A small line of daily values. */
function sparkline(points) {
  const svg = el("svg:svg", { class: "spark", viewBox: "0 0 100 24", preserveAspectRatio: "none", role: "img", "aria-label": "toll by day" });
  if (!points || points.length < 2) return svg;
  const max = Math.max(...points.map((p) => p.value)) || 1;
  const step = 100 / (points.length - 1);
  const d = points.map((p, i) => `${i ? "L" : "M"}${(i * step).toFixed(1)},${(22 - (p.value / max) * 20).toFixed(1)}`).join(" ");
  svg.appendChild(el("svg:path", { d, class: "line s0" }));
  return svg;
}

async function storyList(params) {
  const query = new URLSearchParams(params);
  const data = await api("/api/stories?" + query.toString());
  const rows = data.stories.map((s) =>
    el("tr", {},
      el("td", {}, el("a", { href: "#/story/" + encodeURIComponent(s.id) }, s.title || s.id)),
      el("td", {}, s.first || "–", " → ", s.last || "–"),
      el("td", {}, s.languages.join(", ")),
      el("td", { class: "num" }, s.articles),
      el("td", { class: "num" }, s.killed ? `${fmt(s.killed.latest)} (${fmt(s.killed.low)}–${fmt(s.killed.high)})` : "–"),
      el("td", {}, sparkline(s.sparkline)),
    ));
  show(
    el("h1", {}, "Stories"),
    el("p", { class: "muted" }, `${data.total} stories, largest first`),
    el("table", { id: "stories" },
      el("thead", {}, el("tr", {}, ["Story", "Dates", "Languages", "Articles", "Killed: latest (low–high)", "Toll by day"].map((h) => el("th", {}, h)))),
      el("tbody", {}, rows)),
  );
}

/** One line per source for the killed total, with conflicts marked. */
function tollChart(report) {
  const claims = report.claims.filter((c) => c.metric === "killed" && c.group === "total" && c.scope === "story" && c.as_of);
  const width = 640, height = 260, left = 56, bottom = 30, top = 12, right = 12;
  const svg = el("svg:svg", { id: "toll-chart", viewBox: `0 0 ${width} ${height}`, role: "img", "aria-label": "killed toll by day and source" });
  if (!claims.length) {
    svg.appendChild(el("svg:text", { x: 20, y: 40, class: "label" }, "No dated killed toll in this story."));
    return { svg, legend: el("div") };
  }
  const days = [...new Set(claims.map((c) => c.as_of))].sort();
  const max = Math.max(...claims.map((c) => c.high || c.value));
  const x = (day) => left + (days.length === 1 ? (width - left - right) / 2 : (days.indexOf(day) / (days.length - 1)) * (width - left - right));
  const y = (v) => height - bottom - (v / max) * (height - bottom - top);
  for (let i = 0; i <= 4; i++) {
    const v = (max * i) / 4;
    svg.appendChild(el("svg:line", { x1: left, x2: width - right, y1: y(v), y2: y(v), class: "gridline" }));
    svg.appendChild(el("svg:text", { x: 4, y: y(v) + 4, class: "label" }, fmt(Math.round(v))));
  }
  svg.appendChild(el("svg:line", { x1: left, x2: width - right, y1: height - bottom, y2: height - bottom, class: "axis" }));
  days.forEach((d) => svg.appendChild(el("svg:text", { x: x(d) - 18, y: height - 10, class: "label" }, d.slice(5))));
  const sources = [...new Set(claims.map((c) => c.source || "outlets"))];
  const legend = el("div", { class: "legend" });
  sources.forEach((source, i) => {
    const series = claims.filter((c) => (c.source || "outlets") === source).sort((a, b) => (a.as_of < b.as_of ? -1 : a.as_of > b.as_of ? 1 : a.value - b.value));
    const cls = "s" + (i % 8);
    const d = series.map((c, k) => `${k ? "L" : "M"}${x(c.as_of).toFixed(1)},${y(c.value).toFixed(1)}`).join(" ");
    svg.appendChild(el("svg:path", { d, class: "line " + cls }));
    for (const c of series) {
      const dot = el("svg:circle", { cx: x(c.as_of), cy: y(c.value), r: c.change === "conflict" ? 5 : 3, class: c.change === "conflict" ? "conflict" : cls });
      dot.appendChild(el("svg:title", {}, `${c.as_of}: ${fmt(c.value)} (${source}, ${c.change})`));
      svg.appendChild(dot);
    }
    legend.appendChild(el("span", {}, el("span", { class: "swatch " + cls }), source));
  });
  legend.appendChild(el("span", {}, el("span", { class: "swatch conflict" }), "conflict"));
  return { svg, legend };
}

let world = null;
/** The story's places on country outlines (Natural Earth, embedded: no tile server). */
async function placeMap(report) {
  if (!world) world = await (await fetch("/world.json")).json();
  const places = report.places.filter((p) => p.place);
  const width = 480, height = 300;
  const svg = el("svg:svg", { id: "map", viewBox: `0 0 ${width} ${height}`, role: "img", "aria-label": "map of the story's places" });
  let [minLon, maxLon, minLat, maxLat] = [-180, 180, -60, 80];
  if (places.length) {
    const lons = places.map((p) => p.place.lon), lats = places.map((p) => p.place.lat);
    const pad = 4;
    minLon = Math.min(...lons) - pad; maxLon = Math.max(...lons) + pad;
    minLat = Math.min(...lats) - pad; maxLat = Math.max(...lats) + pad;
    // Keep the aspect ratio of the drawing.
    const wantRatio = width / height, ratio = (maxLon - minLon) / (maxLat - minLat);
    if (ratio < wantRatio) { const extra = ((maxLat - minLat) * wantRatio - (maxLon - minLon)) / 2; minLon -= extra; maxLon += extra; }
    else { const extra = ((maxLon - minLon) / wantRatio - (maxLat - minLat)) / 2; minLat -= extra; maxLat += extra; }
  }
  const px = (lon) => ((lon - minLon) / (maxLon - minLon)) * width;
  const py = (lat) => ((maxLat - lat) / (maxLat - minLat)) * height;
  const ring = (r) => r.map(([lon, lat], i) => `${i ? "L" : "M"}${px(lon).toFixed(1)},${py(lat).toFixed(1)}`).join("") + "Z";
  for (const f of world.features) {
    const polys = f.geometry.type === "Polygon" ? [f.geometry.coordinates] : f.geometry.coordinates;
    const path = el("svg:path", { d: polys.map((p) => p.map(ring).join("")).join(""), class: "country" });
    path.appendChild(el("svg:title", {}, f.properties.name));
    svg.appendChild(path);
  }
  for (const p of places) {
    const dot = el("svg:circle", { cx: px(p.place.lon), cy: py(p.place.lat), r: 3 + Math.min(6, p.articles), class: "place" });
    dot.appendChild(el("svg:title", {}, `${p.name} (${p.articles} articles)`));
    svg.appendChild(dot);
  }
  return svg;
}

function estimatesPanel(report) {
  const claim = (i) => report.claims[i];
  return el("div", { class: "panels", id: "estimates" }, report.estimates.map((e) =>
    el("div", { class: "panel" },
      el("div", {}, `${e.metric} · ${e.group}`),
      el("div", { class: "big" }, fmt(e.best.value)),
      el("div", { class: "muted" }, `latest ${fmt(e.latest.value)}${e.as_of ? " on " + e.as_of : ""}`),
      el("dl", {}, [["low", e.low], ["best", e.best], ["high", e.high]].flatMap(([name, pick]) => {
        const c = claim(pick.claims[0]);
        return [el("dt", {}, `${name} ${fmt(pick.value)}`), el("dd", {}, `${pick.rule}; ${c.source || "outlets"}${c.as_of ? ", " + c.as_of : ""}`)];
      })),
    )));
}

function claimsTable(report) {
  const rows = report.claims.filter((c) => c.scope === "story").map((c) => {
    const r = c.reports[0];
    return el("tr", {},
      el("td", {}, c.as_of || "undated"),
      el("td", {}, `${c.metric} · ${c.group}`),
      el("td", { class: "num" }, fmt(c.value)),
      el("td", {}, c.qualifier),
      el("td", {}, c.source || "–"),
      el("td", { class: "change-" + (c.change || "") }, c.change || "–"),
      el("td", {}, "“" + r.quote + "”"),
      el("td", {}, webLink(r.url) ? el("a", { href: r.url, rel: "noopener noreferrer", target: "_blank" }, r.outlet || r.article) : el("a", { href: "#/article/" + encodeURIComponent(r.article) }, r.outlet || r.article),
        c.reports.length > 1 ? el("span", { class: "muted" }, ` +${c.reports.length - 1} (${c.independent} independent)`) : null),
    );
  });
  return el("table", { id: "claims" },
    el("thead", {}, el("tr", {}, ["Day", "Metric", "Value", "Qualifier", "Source", "Change", "Quote", "Outlet"].map((h) => el("th", {}, h)))),
    el("tbody", {}, rows));
}

async function storyPage(id) {
  const r = await api("/api/stories/" + encodeURIComponent(id));
  const { svg, legend } = tollChart(r);
  const map = await placeMap(r);
  const articles = el("ul", { id: "articles" }, r.articles.map((a) =>
    el("li", {}, el("a", { href: "#/article/" + encodeURIComponent(a.id) }, a.title || a.id), el("span", { class: "muted" }, ` ${a.outlet || ""} ${a.published || ""} ${a.lang || ""}`))));
  const conflicts = r.conflicts.map((i) => r.claims[i]);
  show(
    el("h1", { id: "story-title" }, r.title || r.id),
    el("p", { class: "muted" }, `${r.first || "?"} → ${r.last || "?"} · ${r.articles.length} articles · ${r.languages.join(", ")}`),
    el("p", {}, r.places.map((p) => el("span", { class: "tag" }, p.name)), r.actors.map((a) => el("span", { class: "tag" }, a.name))),
    el("div", { class: "row" },
      el("div", {}, el("h2", {}, "Killed toll by day and source"), svg, legend),
      el("div", {}, el("h2", {}, "Places"), map)),
    el("h2", {}, "Headline figures"),
    estimatesPanel(r),
    conflicts.length ? el("div", {}, el("h2", {}, "Open conflicts"), el("ul", {}, conflicts.map((c) => el("li", {}, `${c.as_of || "undated"}: ${c.source || "outlets"} says ${fmt(c.value)} ${c.metric} (${c.group})`)))) : null,
    el("h2", {}, "Claims"),
    claimsTable(r),
    el("h2", {}, "Articles"),
    articles,
  );
}

async function articlePage(id) {
  const data = await api("/api/articles/" + encodeURIComponent(id));
  const a = data.article;
  const text = a.original;
  const spans = data.figures.map((f) => [f.start, f.end, f]).sort((x, y) => x[0] - y[0]);
  const body = el("div", { class: "text", id: "article-text" });
  let at = 0;
  for (const [start, end, f] of spans) {
    if (start < at) continue;
    body.appendChild(document.createTextNode(text.slice(at, start)));
    body.appendChild(el("mark", { title: `${f.metric} ${f.value} ${f.group} (${f.source || "outlet"})` }, text.slice(start, end)));
    at = end;
  }
  body.appendChild(document.createTextNode(text.slice(at)));
  show(
    el("h1", { id: "article-title" }, a.title || a.id),
    el("p", { class: "muted" }, `${a.outlet || ""} · ${a.published || "undated"} · ${a.lang || ""} · `,
      data.story ? el("a", { href: "#/story/" + encodeURIComponent(data.story) }, "story") : "no story"),
    body,
  );
}

async function searchPage(q) {
  const data = await api("/api/search?q=" + encodeURIComponent(q));
  const snippet = (s) => s.split(/(\[[^\]]*\])/).map((part) => (part.startsWith("[") && part.endsWith("]") ? el("mark", {}, part.slice(1, -1)) : part));
  show(
    el("h1", {}, `Search: ${q}`),
    el("ol", { id: "hits" }, data.hits.map((h) => el("li", {},
      el("a", { href: "#/article/" + encodeURIComponent(h.id) }, h.title || h.id),
      h.story ? el("span", {}, " · ", el("a", { href: "#/story/" + encodeURIComponent(h.story) }, "story")) : null,
      el("div", { class: "muted" }, snippet(h.snippet))))),
  );
}

function route() {
  const hash = location.hash.slice(1) || "/";
  const [path, query] = hash.split("?");
  const params = Object.fromEntries(new URLSearchParams(query || ""));
  const parts = path.split("/").filter(Boolean).map(decodeURIComponent);
  let page;
  if (parts[0] === "story" && parts[1]) page = storyPage(parts[1]);
  else if (parts[0] === "article" && parts[1]) page = articlePage(parts[1]);
  else if (parts[0] === "search" && params.q) page = searchPage(params.q);
  else page = storyList(params);
  page.catch(fail);
}

document.addEventListener("DOMContentLoaded", () => {
  document.getElementById("search").addEventListener("submit", (event) => {
    event.preventDefault();
    const q = document.getElementById("q").value.trim();
    if (q) location.hash = "#/search?q=" + encodeURIComponent(q);
  });
  window.addEventListener("hashchange", route);
  route();
});
