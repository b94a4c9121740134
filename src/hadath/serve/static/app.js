// hadath dashboard: plain DOM, no libraries, nothing fetched from elsewhere.
// Every piece of data goes into the page as text (textContent, createTextNode or an
// attribute value), never as markup.
"use strict";
(function () {
  const view = document.getElementById("view");
  const SVGNS = "http://www.w3.org/2000/svg";
  const PAGE = 20;
  const PLOVER = {
    AGREE: "اتفاق", CONSULT: "تشاور", SUPPORT: "دعم", CONCEDE: "تنازل", COOPERATE: "تعاون",
    AID: "مساعدة", RETREAT: "تراجع", INVESTIGATE: "تحقيق", DEMAND: "مطالبة", DISAPPROVE: "استنكار",
    REJECT: "رفض", THREATEN: "تهديد", PROTEST: "احتجاج", CRIME: "جريمة", SANCTION: "عقوبات",
    MOBILIZE: "تعبئة", COERCE: "إكراه", ASSAULT: "اعتداء",
  };
  const QUAD = { 1: "تعاون لفظي", 2: "تعاون مادي", 3: "صراع لفظي", 4: "صراع مادي" };
  const TYPES = { PER: "شخص", ORG: "منظمة", GPE: "دولة/مدينة", LOC: "مكان", NORP: "جماعة" };
  const FILTERS = ["actor", "country", "plover", "cameo", "start", "end", "source", "every_report"];
  let worldOutline = null;
  let sources = [];

  // ---- DOM helpers -------------------------------------------------------------
  function setAttrs(node, attrs) {
    for (const [key, value] of Object.entries(attrs || {})) {
      if (value === null || value === undefined || value === false) continue;
      if (key === "text") node.textContent = String(value);
      else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
      else node.setAttribute(key, String(value));
    }
  }
  function append(node, children) {
    for (const child of children.flat(Infinity)) {
      if (child === null || child === undefined || child === false) continue;
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return node;
  }
  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    setAttrs(node, attrs);
    return append(node, children);
  }
  function svg(tag, attrs, ...children) {
    const node = document.createElementNS(SVGNS, tag);
    setAttrs(node, attrs);
    return append(node, children);
  }
  function safeUrl(url) { return typeof url === "string" && /^https?:\/\//i.test(url) ? url : null; }
  function show(...nodes) { view.replaceChildren(...nodes.flat().filter(Boolean)); }
  function fail(error) { show(el("p", { class: "error", text: "خطأ: " + error.message })); }
  function fmt(x, digits) { return x === null || x === undefined ? "" : Number(x).toFixed(digits); }

  async function api(path, params) {
    const query = new URLSearchParams();
    for (const [k, v] of Object.entries(params || {})) if (v !== null && v !== undefined && v !== "") query.set(k, v);
    const response = await fetch(path + (query.toString() ? "?" + query : ""), { headers: { Accept: "application/json" } });
    const body = await response.json().catch(() => ({}));
    if (!response.ok) {
      const detail = typeof body.detail === "string" ? body.detail : JSON.stringify(body.detail || response.status);
      throw new Error(detail);
    }
    return body;
  }

  // ---- routing: #/view?params ---------------------------------------------------------
  function route() {
    const hash = location.hash.replace(/^#\/?/, "");
    const [path, query] = hash.split("?");
    return { parts: path.split("/").filter(Boolean), params: new URLSearchParams(query || "") };
  }
  function go(path, params) {
    const query = new URLSearchParams();
    for (const [k, v] of Object.entries(params || {})) if (v !== null && v !== undefined && v !== "") query.set(k, v);
    location.hash = "#/" + path + (query.toString() ? "?" + query : "");
  }
  function pick(params, names) {
    const out = {};
    for (const n of names) if (params.get(n)) out[n] = params.get(n);
    return out;
  }

  async function render() {
    const { parts, params } = route();
    const name = parts[0] || "search";
    for (const link of document.querySelectorAll("nav a")) link.classList.toggle("active", link.dataset.view === name);
    const views = { search, article, events, timeline, network, map, quotes, entities, stories, story };
    try {
      await (views[name] || search)(params, parts);
    } catch (error) {
      fail(error);
    }
  }

  function pager(total, params, path) {
    const offset = Number(params.get("offset") || 0);
    const box = el("div", { class: "pager" });
    const base = Object.fromEntries(params.entries());
    if (offset > 0) box.append(el("button", { type: "button", text: "السابق", onclick: () => go(path, { ...base, offset: Math.max(0, offset - PAGE) }) }));
    box.append(el("span", { class: "meta", text: `${total ? offset + 1 : 0}–${Math.min(offset + PAGE, total)} من ${total}` }));
    if (offset + PAGE < total) box.append(el("button", { type: "button", text: "التالي", onclick: () => go(path, { ...base, offset: offset + PAGE }) }));
    return box;
  }

  // ---- search -------------------------------------------------------------------------
  async function search(params) {
    const q = params.get("q") || "";
    const input = el("input", { type: "search", name: "q", value: q, placeholder: "ابحث في نصوص الأخبار… (Search)", "aria-label": "بحث" });
    const form = el("form", { class: "bar", role: "search", onsubmit: (e) => { e.preventDefault(); go("", { q: input.value.trim() }); } },
      input, el("button", { type: "submit", text: "ابحث" }));
    show(form, el("p", { class: "meta", text: "…" }));
    const data = await api("/api/articles", { q, limit: PAGE, offset: params.get("offset") || 0 });
    const list = data.items.map((a) => el("article", { class: "card result" },
      el("h3", {}, el("a", { href: `#/article/${a.store_id}`, text: a.title || a.id })),
      el("div", { class: "meta" }, [a.source, a.published, `${a.n_events} أحداث · ${a.n_quotes} اقتباسات · ${a.n_entities} كيانات`].filter(Boolean).join(" · ")),
      el("p", { class: "snippet", text: a.snippet })));
    show(form, el("p", { class: "meta", text: q ? `${data.total} نتيجة لـ «${q}»` : `${data.total} مقالاً` }),
      list.length ? list : el("p", { class: "empty", text: "لا نتائج" }), pager(data.total, params, ""));
    input.focus();
  }

  // ---- one article with its annotations highlighted ----------------------------------------
  async function article(params, parts) {
    const id = Number(parts[1]);
    if (!Number.isInteger(id) || id < 0) throw new Error("رقم مقال غير صالح");
    const doc = await api(`/api/articles/${id}`);
    const text = doc.text;
    const marks = [];
    const clamp = (x) => Math.max(0, Math.min(text.length, x));
    doc.entities.forEach((e) => e.mentions.forEach(([s, t]) =>
      marks.push({ s: clamp(s), t: clamp(t), cls: `ent ent-${e.type}`, title: e.name + (e.latin ? " · " + e.latin : "") + ` (${e.type})` })));
    doc.quotes.forEach((q, i) => marks.push({ s: clamp(q.span[0]), t: clamp(q.span[1]), cls: "quote", quote: i, title: "اقتباس: " + (q.speaker_name || "؟") }));
    doc.events.forEach((ev, i) => marks.push({ s: clamp(ev.trigger[0]), t: clamp(ev.trigger[1]), cls: "trigger", event: i, title: `${ev.plover} ${ev.cameo}` }));
    const cuts = [...new Set([0, text.length, ...marks.flatMap((m) => [m.s, m.t])])].sort((a, b) => a - b);
    const body = el("div", { class: "text", id: "article-text" });
    const firstOf = {};
    for (let k = 0; k + 1 < cuts.length; k++) {
      const a = cuts[k], b = cuts[k + 1];
      const piece = text.slice(a, b);
      const covering = marks.filter((m) => m.s <= a && m.t >= b && m.s < m.t);
      if (!covering.length) { body.append(document.createTextNode(piece)); continue; }
      const span = el("span", { class: [...new Set(covering.flatMap((m) => m.cls.split(" ")))].join(" "),
                                title: covering.map((m) => m.title).join(" | "), text: piece });
      const ev = covering.find((m) => m.event !== undefined);
      if (ev) {
        span.dataset.event = ev.event;
        span.setAttribute("role", "button");
        span.tabIndex = 0;
        span.addEventListener("click", () => showEvent(ev.event));
        span.addEventListener("keydown", (e) => { if (e.key === "Enter") showEvent(ev.event); });
        if (!firstOf["ev" + ev.event]) { span.id = "ev-" + ev.event; firstOf["ev" + ev.event] = true; }
      }
      const q = covering.find((m) => m.quote !== undefined);
      if (q) {
        span.dataset.quote = q.quote;
        if (!firstOf["q" + q.quote]) { span.id = span.id || "q-" + q.quote; firstOf["q" + q.quote] = true; }
      }
      body.append(span);
    }
    const entityName = (entityId) => {
      const found = doc.entities.find((e) => e.id === entityId);
      return found ? found.name : null;
    };
    const detail = el("section", { class: "eventbox", id: "event-detail" }, el("h4", { text: "الحدث" }),
      el("p", { class: "empty", text: doc.events.length ? "انقر على حدث مظلّل في النص لعرض تفاصيله." : "لا أحداث في هذا المقال." }));
    function actorText(actor) {
      if (!actor) return "—";
      return [actor.text, actor.actor, actor.country].filter(Boolean).join(" · ");
    }
    function showEvent(i) {
      const ev = doc.events[i];
      for (const node of body.querySelectorAll(".trigger")) node.classList.toggle("selected", node.dataset.event === String(i));
      const rows = [
        ["النوع (PLOVER)", `${PLOVER[ev.plover] || ""} ${ev.plover}` + (ev.mode ? ` / ${ev.mode}` : "")],
        ["CAMEO", ev.cameo], ["غولدستين", fmt(ev.goldstein, 1)], ["الفئة", `${QUAD[ev.quad_class] || ""} (${ev.quad_class})`],
        ["المحفِّز", text.slice(ev.trigger[0], ev.trigger[1])],
        ["الفاعل", actorText(ev.source)], ["المفعول به", actorText(ev.target)],
        ["التاريخ", ev.date || (doc.published ? doc.published + " (تاريخ النشر)" : "—")],
        ["المكان", entityName(ev.location) || "—"],
        ["منفي", ev.negated ? "نعم" : "لا"],
        ["على لسان", entityName(ev.reported_by) || "—"],
        ["الثقة", fmt(ev.confidence, 2)],
        ["الجملة", text.slice(ev.sentence[0], ev.sentence[1])],
      ];
      detail.replaceChildren(el("h4", { text: `الحدث ${i + 1}: ${PLOVER[ev.plover] || ev.plover}` }),
        el("dl", {}, rows.map(([k, v]) => [el("dt", { text: k }), el("dd", { class: "ev-" + k, text: v })])));
    }
    const scrollTo = (id) => { const node = document.getElementById(id); if (node) node.scrollIntoView({ block: "center" }); };
    const side = el("div", { class: "side" }, detail,
      el("section", {}, el("h4", { text: `الأحداث (${doc.events.length})` }),
        el("ul", {}, doc.events.map((ev, i) => el("li", {}, el("a", { href: "#", text: `${PLOVER[ev.plover] || ev.plover}: ${text.slice(ev.trigger[0], ev.trigger[1])}`,
          onclick: (e) => { e.preventDefault(); showEvent(i); scrollTo("ev-" + i); } }))))),
      el("section", {}, el("h4", { text: `الاقتباسات (${doc.quotes.length})` }),
        el("ul", {}, doc.quotes.map((q, i) => el("li", {}, el("a", { href: "#", text: `${q.speaker_name || "؟"}: «${q.text.slice(0, 80)}${q.text.length > 80 ? "…" : ""}»`,
          onclick: (e) => { e.preventDefault(); scrollTo("q-" + i); } }))))),
      el("section", {}, el("h4", { text: `الكيانات (${doc.entities.length})` }),
        el("ul", {}, doc.entities.map((e) => el("li", {}, el("span", { class: `ent ent-${e.type}`, text: e.name }),
          " ", el("span", { class: "meta", text: [TYPES[e.type] || e.type, e.latin, e.actor, `×${e.mentions.length}`].filter(Boolean).join(" · ") }))))));
    const url = safeUrl(doc.url);
    show(el("h2", { text: doc.title || doc.id }),
      el("p", { class: "meta" }, [doc.source, doc.published, doc.id].filter(Boolean).join(" · "), url ? " · " : "", url ? el("a", { href: url, rel: "noopener noreferrer", text: "المصدر" }) : null),
      el("p", { class: "legend" }, el("span", { class: "quote", text: "اقتباس" }), el("span", { class: "trigger", text: "حدث" }),
        Object.entries(TYPES).map(([k, v]) => el("span", { class: `ent ent-${k}`, text: v }))),
      el("div", { class: "article" }, body, side));
  }

  // ---- event filters, shared by the event table, the network and the map ---------------------------
  function filterForm(params, path, extra) {
    const inputs = {
      actor: el("input", { name: "actor", value: params.get("actor") || "", placeholder: "SYRGOV", size: 9 }),
      country: el("input", { name: "country", value: params.get("country") || "", placeholder: "SYR", size: 5 }),
      plover: el("select", { name: "plover" }, el("option", { value: "", text: "الكل" }),
        Object.entries(PLOVER).map(([k, v]) => el("option", { value: k, text: `${v} ${k}`, selected: params.get("plover") === k }))),
      cameo: el("input", { name: "cameo", value: params.get("cameo") || "", placeholder: "19", size: 4 }),
      start: el("input", { name: "start", type: "date", value: params.get("start") || "" }),
      end: el("input", { name: "end", type: "date", value: params.get("end") || "" }),
      source: el("select", { name: "source" }, el("option", { value: "", text: "الكل" }),
        sources.map((s) => el("option", { value: s.source, text: s.source, selected: params.get("source") === s.source }))),
      // Off: reports of one event (same story, type, actors, place, date ±1 day) count once.
      every_report: el("input", { name: "every_report", type: "checkbox", value: "true", checked: params.get("every_report") === "true" }),
    };
    const labels = { actor: "الفاعل (CAMEO)", country: "الدولة (ISO)", plover: "النوع (PLOVER)", cameo: "رمز CAMEO",
                     start: "من", end: "إلى", source: "المصدر", every_report: "كل التقارير" };
    return el("form", { class: "bar", onsubmit: (e) => {
      e.preventDefault();
      const values = {};
      for (const [k, node] of Object.entries(inputs)) values[k] = node.type === "checkbox" ? (node.checked ? "true" : "") : node.value.trim();
      go(path, { ...(extra ? extra() : {}), ...values });
    } }, FILTERS.map((k) => el("label", {}, labels[k], inputs[k])), el("button", { type: "submit", text: "تصفية" }));
  }

  async function events(params) {
    const form = filterForm(params, "events");
    show(form, el("p", { class: "meta", text: "…" }));
    const data = await api("/api/events", { ...pick(params, FILTERS), limit: PAGE, offset: params.get("offset") || 0 });
    const head = ["التاريخ", "النوع", "CAMEO", "الفاعل", "المفعول به", "المحفِّز", "المكان", "المصدر", "غولدستين", "مقالات / مصادر"];
    const rows = data.items.map((ev) => el("tr", { class: "link", onclick: () => go(`article/${ev.article_id}`) },
      el("td", { text: ev.event_date || "" }),
      el("td", { class: "q" + ev.quad_class, text: `${PLOVER[ev.plover] || ""} ${ev.plover}` }),
      el("td", { text: ev.cameo }),
      el("td", { text: [ev.src_name, ev.src_actor].filter(Boolean).join(" · ") }),
      el("td", { text: [ev.tgt_name, ev.tgt_actor].filter(Boolean).join(" · ") }),
      el("td", { text: ev.trigger_text || "" }),
      el("td", { text: ev.location_name || "" }),
      el("td", { text: ev.outlet || "" }),
      el("td", { text: fmt(ev.goldstein, 1) }),
      el("td", {}, ev.story_id
        ? el("a", { href: `#/story/${encodeURIComponent(ev.story_id)}`, onclick: (e) => e.stopPropagation(), text: `${ev.num_articles} / ${ev.num_sources}` })
        : `${ev.num_articles} / ${ev.num_sources}`)));
    const filters = pick(params, FILTERS);
    show(form,
      el("p", { class: "meta" }, `${data.total} حدثاً · `,
        el("a", { href: "#/network?" + new URLSearchParams(filters), text: "الشبكة" }), " · ",
        el("a", { href: "#/map?" + new URLSearchParams(filters), text: "الخريطة" })),
      el("table", { id: "events-table" }, el("thead", {}, el("tr", {}, head.map((h) => el("th", { text: h })))), el("tbody", {}, rows)),
      pager(data.total, params, "events"));
  }

  // ---- stories: the reports of one story, and its de-duplicated events ---------------------------------
  async function stories(params) {
    const q = params.get("q") || "";
    const input = el("input", { type: "search", name: "q", value: q, placeholder: "ابحث في القصص… (Stories)", "aria-label": "بحث في القصص" });
    const form = el("form", { class: "bar", role: "search", onsubmit: (e) => { e.preventDefault(); go("stories", { q: input.value.trim() }); } },
      input, el("button", { type: "submit", text: "ابحث" }));
    show(form, el("p", { class: "meta", text: "…" }));
    const data = await api("/api/stories", { q, limit: PAGE, offset: params.get("offset") || 0 });
    const list = data.items.map((s) => el("article", { class: "card result story" },
      el("h3", {}, el("a", { href: `#/story/${encodeURIComponent(s.story_id)}`, text: s.title || s.story_id })),
      el("div", { class: "meta" }, [s.first_seen === s.last_seen ? s.first_seen : `${s.first_seen} – ${s.last_seen}`,
        `${s.num_articles} مقالات من ${s.num_sources} مصادر` + (s.num_reports > s.num_articles ? ` (+${s.num_reports - s.num_articles} نسخ)` : ""),
        `${s.num_events} أحداث`, s.sources.join("، ")].filter(Boolean).join(" · "))));
    show(form, el("p", { class: "meta", text: `${data.total} قصة` }),
      list.length ? list : el("p", { class: "empty", text: "لا قصص (تُحسب القصص عند كل إدخال)" }), pager(data.total, params, "stories"));
  }

  async function story(params, parts) {
    const s = await api(`/api/stories/${encodeURIComponent(parts[1] || "")}`);
    const side = (a) => [a.name, a.actor].filter(Boolean).join(" · ");
    const byId = Object.fromEntries(s.articles.map((a) => [a.store_id, a]));
    const articles = el("ul", {}, s.articles.map((a) => el("li", {},
      el("a", { href: `#/article/${a.store_id}`, text: a.title || a.id }), " ",
      el("span", { class: "meta", text: [a.source, a.published].filter(Boolean).join(" · ") +
        (a.duplicate_of !== null ? ` · نسخة من «${(byId[a.duplicate_of] || {}).title || a.duplicate_of}»` : "") }))));
    const head = ["التاريخ", "النوع", "الفاعل", "المفعول به", "المكان", "مقالات", "مصادر", "الإشارات"];
    const rows = s.events.map((ev) => el("tr", {},
      el("td", { text: ev.event_date || "" }),
      el("td", { class: "q" + ev.quad_class, text: `${PLOVER[ev.plover] || ""} ${ev.plover}` + (ev.negated ? " (منفي)" : "") }),
      el("td", { text: side({ name: ev.src_name, actor: ev.src_actor }) }),
      el("td", { text: side({ name: ev.tgt_name, actor: ev.tgt_actor }) }),
      el("td", { text: ev.location_name || "" }),
      el("td", { text: ev.num_articles }), el("td", { text: ev.num_sources }),
      el("td", {}, ev.mentions.map((m, i) => [i ? " " : "", el("a", { href: `#/article/${m.article}`, title: m.source || "", text: `${i + 1}` })]))));
    show(el("h2", { text: s.title || s.story_id }),
      el("p", { class: "meta", text: [`${s.first_seen} – ${s.last_seen}`, `${s.num_articles} مقالات من ${s.num_sources} مصادر`,
        s.num_reports > s.num_articles ? `${s.num_reports - s.num_articles} نسخ مكررة` : null, s.sources.join("، ")].filter(Boolean).join(" · ") }),
      el("section", {}, el("h4", { text: `المقالات (${s.articles.length})` }), articles),
      el("section", {}, el("h4", { text: `الأحداث بعد دمج التكرار (${s.events.length})` }),
        el("table", { id: "story-events" }, el("thead", {}, el("tr", {}, head.map((h) => el("th", { text: h })))), el("tbody", {}, rows))),
      el("section", {}, el("h4", { text: `الاقتباسات (${s.quotes.length})` }),
        el("ul", {}, s.quotes.map((q) => el("li", { text: `${q.speaker_name || "؟"}: «${q.text}» (${q.num_articles})` })))),
      el("section", {}, el("h4", { text: `الكيانات (${s.entities.length})` }),
        el("ul", {}, s.entities.slice(0, 40).map((e) => el("li", {}, el("span", { class: `ent ent-${e.type}`, text: e.name }), " ",
          el("span", { class: "meta", text: [e.latin, e.actor, `${e.num_articles} مقالات`].filter(Boolean).join(" · ") }))))));
  }

  // ---- cooperation against conflict for a pair of countries -----------------------------------------
  async function timeline(params) {
    const top = await api("/api/dyads/top", { limit: 30 });
    const a = params.get("a") || (top[0] && top[0].a) || "";
    const b = params.get("b") || (top[0] && top[0].b) || "";
    const interval = params.get("interval") || "month";
    const inA = el("input", { name: "a", value: a, size: 5, placeholder: "RUS" });
    const inB = el("input", { name: "b", value: b, size: 5, placeholder: "CHN" });
    const inInterval = el("select", { name: "interval" }, [["day", "يوم"], ["week", "أسبوع"], ["month", "شهر"]]
      .map(([k, v]) => el("option", { value: k, text: v, selected: k === interval })));
    const pairs = el("select", { "aria-label": "أكثر الأزواج أحداثاً", onchange: (e) => {
      const [x, y] = e.target.value.split("-"); inA.value = x; inB.value = y; } },
      el("option", { value: "", text: "أكثر الأزواج أحداثاً…" }),
      top.map((p) => el("option", { value: `${p.a}-${p.b}`, text: `${p.a} – ${p.b} (${p.events})` })));
    const form = el("form", { class: "bar", onsubmit: (e) => { e.preventDefault();
      go("timeline", { a: inA.value.trim().toUpperCase(), b: inB.value.trim().toUpperCase(), interval: inInterval.value }); } },
      el("label", {}, "الزوج", pairs), el("label", {}, "الدولة أ", inA), el("label", {}, "الدولة ب", inB),
      el("label", {}, "الفترة", inInterval), el("button", { type: "submit", text: "اعرض" }));
    if (!a || !b) { show(form, el("p", { class: "empty", text: "لا أحداث بين دولتين بعد." })); return; }
    const data = await api("/api/dyads", { a, b, interval });
    const series = data.series;
    if (!series.length) { show(form, el("p", { class: "empty", text: `لا أحداث بين ${a} و${b}.` })); return; }
    const W = 1000, H = 360, pad = 40, mid = H / 2;
    const most = Math.max(1, ...series.map((s) => Math.max(s.cooperation, s.conflict)));
    const step = (W - 2 * pad) / series.length;
    const scale = (n) => (n / most) * (mid - pad);
    const chart = svg("svg", { class: "chart", id: "timeline-chart", viewBox: `0 0 ${W} ${H}`, direction: "ltr", role: "img",
      "aria-label": `تعاون وصراع بين ${a} و${b}` });
    chart.append(svg("line", { x1: pad, x2: W - pad, y1: mid, y2: mid, stroke: "#999" }));
    const points = [];
    series.forEach((s, i) => {
      const x = pad + i * step;
      const w = Math.max(1, step * 0.7);
      chart.append(svg("rect", { x, y: mid - scale(s.cooperation), width: w, height: scale(s.cooperation), fill: "#1a7f37", class: "bar-coop" },
        svg("title", { text: `${s.period}: تعاون ${s.cooperation}` })));
      chart.append(svg("rect", { x, y: mid, width: w, height: scale(s.conflict), fill: "#c62828", class: "bar-conf" },
        svg("title", { text: `${s.period}: صراع ${s.conflict}` })));
      if (s.goldstein_mean !== null) points.push(`${x + w / 2},${mid - (s.goldstein_mean / 10) * (mid - pad)}`);
      if (i % Math.ceil(series.length / 10) === 0)
        chart.append(svg("text", { x, y: H - 8, "font-size": 11, fill: "#555", text: s.period }));
    });
    chart.append(svg("polyline", { points: points.join(" "), fill: "none", stroke: "#1d2330", "stroke-width": 1.5 }));
    chart.append(svg("text", { x: pad, y: 16, "font-size": 12, fill: "#1a7f37", text: `تعاون (QuadClass 1+2), أقصى ${most}` }));
    chart.append(svg("text", { x: pad, y: H - 24, "font-size": 12, fill: "#c62828", text: "صراع (QuadClass 3+4)" }));
    chart.append(svg("text", { x: W - pad - 200, y: 16, "font-size": 12, fill: "#1d2330", text: "— متوسط غولدستين (-10..10)" }));
    const table = el("table", {}, el("thead", {}, el("tr", {}, ["الفترة", "تعاون لفظي", "تعاون مادي", "صراع لفظي", "صراع مادي", "متوسط غولدستين"].map((h) => el("th", { text: h })))),
      el("tbody", {}, series.map((s) => el("tr", {}, [s.period, s.quad["1"], s.quad["2"], s.quad["3"], s.quad["4"], fmt(s.goldstein_mean, 2)].map((v) => el("td", { text: v }))))));
    show(form, el("h3", { text: `${a} – ${b}` }), chart, table);
  }

  // ---- network of actors (force layout drawn in SVG) -----------------------------------------------------
  async function network(params) {
    const form = filterForm(params, "network");
    const data = await api("/api/network", { ...pick(params, FILTERS), limit: 80 });
    if (!data.nodes.length) { show(form, el("p", { class: "empty", text: "لا أحداث بين فاعلين." })); return; }
    const W = 1000, H = 640;
    const nodes = data.nodes.map((n, i) => {
      const angle = (2 * Math.PI * i) / data.nodes.length;
      return { ...n, x: W / 2 + (W / 3) * Math.cos(angle), y: H / 2 + (H / 3) * Math.sin(angle) };
    });
    const index = Object.fromEntries(nodes.map((n, i) => [n.id, i]));
    // Fruchterman-Reingold with a pull to the centre (keeps separate groups together),
    // then scaled to fit the drawing.
    const k = Math.sqrt((W * H) / nodes.length) * 0.35;
    for (let iter = 0, temp = W / 8; iter < 300; iter++, temp *= 0.985) {
      const dx = new Float64Array(nodes.length), dy = new Float64Array(nodes.length);
      for (let i = 0; i < nodes.length; i++) for (let j = i + 1; j < nodes.length; j++) {
        const x = nodes[i].x - nodes[j].x, y = nodes[i].y - nodes[j].y, d = Math.max(1, Math.hypot(x, y));
        const f = (k * k) / d;
        dx[i] += (x / d) * f; dy[i] += (y / d) * f; dx[j] -= (x / d) * f; dy[j] -= (y / d) * f;
      }
      for (const e of data.edges) {
        const i = index[e.source], j = index[e.target];
        const x = nodes[i].x - nodes[j].x, y = nodes[i].y - nodes[j].y, d = Math.max(1, Math.hypot(x, y));
        const f = (d * d) / k;
        dx[i] -= (x / d) * f; dy[i] -= (y / d) * f; dx[j] += (x / d) * f; dy[j] += (y / d) * f;
      }
      nodes.forEach((n, i) => {
        dx[i] += (W / 2 - n.x) * 0.1; dy[i] += (H / 2 - n.y) * 0.1;
        const d = Math.max(1, Math.hypot(dx[i], dy[i]));
        n.x += (dx[i] / d) * Math.min(d, temp);
        n.y += (dy[i] / d) * Math.min(d, temp);
      });
    }
    const xs = nodes.map((n) => n.x), ys = nodes.map((n) => n.y);
    const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
    nodes.forEach((n) => {
      n.x = 40 + ((n.x - x0) / Math.max(1, x1 - x0)) * (W - 140);
      n.y = 30 + ((n.y - y0) / Math.max(1, y1 - y0)) * (H - 60);
    });
    const most = Math.max(...data.edges.map((e) => e.events));
    const chart = svg("svg", { class: "chart", id: "network-chart", viewBox: `0 0 ${W} ${H}`, direction: "ltr" });
    for (const e of data.edges) {
      const a = nodes[index[e.source]], b = nodes[index[e.target]];
      chart.append(svg("line", { x1: a.x, y1: a.y, x2: b.x, y2: b.y, "stroke-width": 1 + 5 * (e.events / most),
        stroke: e.goldstein_mean >= 0 ? "#1a7f37" : "#c62828", "stroke-opacity": 0.5 },
        svg("title", { text: `${e.source} → ${e.target}: ${e.events} أحداث، غولدستين ${fmt(e.goldstein_mean, 1)}` })));
    }
    const biggest = Math.max(...nodes.map((n) => n.events));
    for (const n of nodes) {
      chart.append(svg("g", { class: "node", cursor: "pointer", onclick: () => go("events", /^[A-Z]{3,15}$/.test(n.id) ? { actor: n.id } : {}) },
        svg("circle", { cx: n.x, cy: n.y, r: 4 + 12 * Math.sqrt(n.events / biggest), fill: "#2f6fdf", "fill-opacity": 0.8 }),
        svg("text", { x: n.x + 8, y: n.y - 8, "font-size": 12, fill: "#1d2330", text: n.id }),
        svg("title", { text: `${n.id}: ${n.events}` })));
    }
    show(form, el("p", { class: "meta", text: "الأخضر تعاون والأحمر صراع (متوسط غولدستين)؛ انقر على فاعل لعرض أحداثه." }), chart);
  }

  // ---- map of event places over the bundled world outline ---------------------------------------------
  async function map(params) {
    const form = filterForm(params, "map");
    if (!worldOutline) worldOutline = await fetch("/static/world.json").then((r) => r.json());
    const places = await api("/api/places", { ...pick(params, FILTERS), limit: 300 });
    const W = 1000, H = 500;
    const project = ([lon, lat]) => [((lon + 180) / 360) * W, ((90 - lat) / 180) * H];
    const chart = svg("svg", { class: "chart", id: "map-chart", viewBox: `0 0 ${W} ${H}`, direction: "ltr" });
    chart.append(svg("rect", { x: 0, y: 0, width: W, height: H, fill: "#eaf2f8" }));
    for (const feature of worldOutline.features) {
      const d = feature.geometry.coordinates.map((polygon) => polygon.map((ring) =>
        "M" + ring.map((p) => project(p).map((v) => v.toFixed(1)).join(",")).join("L") + "Z").join("")).join("");
      chart.append(svg("path", { d, fill: "#f8f5ee", stroke: "#b8b2a7", "stroke-width": 0.5 },
        svg("title", { text: feature.properties.name || "" })));
    }
    const most = Math.max(1, ...places.map((p) => p.events));
    for (const p of places) {
      const [x, y] = project([p.lon, p.lat]);
      chart.append(svg("circle", { cx: x, cy: y, r: 2 + 10 * Math.sqrt(p.events / most), class: "place",
        fill: p.goldstein_mean >= 0 ? "#1a7f37" : "#c62828", "fill-opacity": 0.6, stroke: "#fff" },
        svg("title", { text: `${p.name || ""} (${p.country || ""}): ${p.events} أحداث` })));
    }
    show(form, el("p", { class: "meta", text: `${places.length} مكاناً` }), chart);
  }

  // ---- quotations and entities ---------------------------------------------------------------------
  async function quotes(params) {
    const input = el("input", { type: "search", value: params.get("speaker") || "", placeholder: "اسم المتحدث" });
    const form = el("form", { class: "bar", onsubmit: (e) => { e.preventDefault(); go("quotes", { speaker: input.value.trim() }); } },
      el("label", {}, "المتحدث", input), el("button", { type: "submit", text: "ابحث" }));
    const data = await api("/api/quotes", { speaker: params.get("speaker"), limit: PAGE, offset: params.get("offset") || 0 });
    show(form, el("p", { class: "meta", text: `${data.total} اقتباساً` }),
      data.items.map((q) => el("div", { class: "card" },
        el("blockquote", { class: "quote", text: q.text }),
        el("div", { class: "meta" }, `${q.speaker_name || "؟"}${q.speaker_role ? " (" + q.speaker_role + ")" : ""} · `,
          el("a", { href: `#/article/${q.article_id}`, text: q.article_title || "المقال" }), ` · ${q.article_published || ""}`))),
      pager(data.total, params, "quotes"));
  }

  async function entities(params) {
    const input = el("input", { type: "search", value: params.get("name") || "", placeholder: "الاسم بالعربية أو اللاتينية" });
    const type = el("select", {}, el("option", { value: "", text: "الكل" }),
      Object.entries(TYPES).map(([k, v]) => el("option", { value: k, text: `${v} ${k}`, selected: params.get("type") === k })));
    const form = el("form", { class: "bar", onsubmit: (e) => { e.preventDefault(); go("entities", { name: input.value.trim(), type: type.value }); } },
      el("label", {}, "الاسم", input), el("label", {}, "النوع", type), el("button", { type: "submit", text: "ابحث" }));
    const data = await api("/api/entities", { name: params.get("name"), type: params.get("type"), limit: PAGE, offset: params.get("offset") || 0 });
    show(form, el("p", { class: "meta", text: `${data.total} كياناً` }),
      el("table", {}, el("thead", {}, el("tr", {}, ["الاسم", "Latin", "النوع", "الدولة", "CAMEO", "مقالات", "إشارات"].map((h) => el("th", { text: h })))),
        el("tbody", {}, data.items.map((e) => el("tr", {}, [e.name, e.latin, TYPES[e.type] || e.type, e.country, e.actor, e.articles, e.mentions]
          .map((v) => el("td", { text: v === null ? "" : v })))))),
      pager(data.total, params, "entities"));
  }

  async function start() {
    window.addEventListener("hashchange", render);
    try {
      const overview = await api("/api/overview");
      sources = overview.sources;
      const c = overview.counts;
      document.getElementById("counts").textContent =
        `${c.articles} مقالاً · ${c.events} حدثاً · ${c.quotes} اقتباساً · ${c.entities} كياناً`;
    } catch (error) {
      document.getElementById("counts").textContent = "تعذّر الاتصال بالمخزن";
    }
    await render();
  }
  start();
})();
