// The API's endpoints and parameters, read from /openapi.json (no external viewer needed).
"use strict";
(async function () {
  const main = document.getElementById("api");
  const el = (tag, text, cls) => { const n = document.createElement(tag); if (text !== undefined) n.textContent = text; if (cls) n.className = cls; return n; };
  const spec = await fetch("/openapi.json").then((r) => r.json());
  main.append(el("p", spec.info.description || "", "meta"));
  for (const [path, methods] of Object.entries(spec.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      const card = el("section", undefined, "card");
      card.append(el("h3", `${method.toUpperCase()} ${path}`), el("p", op.summary || ""));
      const params = op.parameters || [];
      if (params.length) {
        const table = el("table");
        const head = el("tr");
        for (const h of ["parameter", "in", "required", "description"]) head.append(el("th", h));
        table.append(head);
        for (const p of params) {
          const row = el("tr");
          for (const v of [p.name, p.in, p.required ? "yes" : "", p.description || ""]) row.append(el("td", v));
          table.append(row);
        }
        card.append(table);
      }
      main.append(card);
    }
  }
})();
