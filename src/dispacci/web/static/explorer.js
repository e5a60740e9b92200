// The explorer's behaviour: layer toggles, span explanations, and the
// "analyse an article" box. Text from articles only ever enters the page
// through textContent, never as HTML.
"use strict";

(function () {
  var marks = {};

  function readMarks() {
    var data = document.getElementById("marks-data");
    if (!data) { return {}; }
    try { return JSON.parse(data.textContent); } catch (e) { return {}; }
  }

  function wireToggles() {
    var box = document.getElementById("layers");
    if (!box) { return; }
    box.addEventListener("change", function (event) {
      var input = event.target;
      var layer = input.getAttribute("data-layer");
      var text = document.getElementById("article-text");
      if (layer && text) { text.classList.toggle("hide-" + layer, !input.checked); }
    });
  }

  function safeActorHref(href) {
    return typeof href === "string" && href.indexOf("/actors/") === 0 ? href : null;
  }

  function showPopup(target) {
    var popup = document.getElementById("popup");
    if (!popup) { return; }
    var keys = (target.getAttribute("data-marks") || "").split(" ");
    popup.replaceChildren();
    keys.forEach(function (key) {
      var info = marks[key];
      if (!info) { return; }
      var item = document.createElement("div");
      item.className = "popup-item";
      var layer = document.createElement("span");
      layer.className = "popup-layer";
      layer.textContent = info.layer;
      item.appendChild(layer);
      var label;
      var href = safeActorHref(info.href);
      if (href) {
        label = document.createElement("a");
        label.href = href;
      } else {
        label = document.createElement("span");
      }
      label.className = "popup-label";
      label.textContent = info.label;
      item.appendChild(label);
      (info.details || []).forEach(function (detail) {
        var d = document.createElement("div");
        d.className = "popup-detail";
        d.textContent = detail;
        item.appendChild(d);
      });
      popup.appendChild(item);
    });
    if (!popup.childNodes.length) { popup.hidden = true; return; }
    var rect = target.getBoundingClientRect();
    popup.style.left = Math.max(8, rect.left + window.scrollX) + "px";
    popup.style.top = (rect.bottom + window.scrollY + 6) + "px";
    popup.hidden = false;
  }

  function wireSpans() {
    var text = document.getElementById("article-text");
    if (!text) { return; }
    text.addEventListener("click", function (event) {
      var span = event.target.closest("[data-marks]");
      if (span) { showPopup(span); }
    });
    text.addEventListener("mouseover", function (event) {
      var span = event.target.closest("[data-marks]");
      if (span) { showPopup(span); }
    });
    document.addEventListener("click", function (event) {
      var popup = document.getElementById("popup");
      if (popup && !popup.contains(event.target) && !text.contains(event.target)) { popup.hidden = true; }
    });
  }

  function flash(key, on) {
    document.querySelectorAll("#article-text [data-marks]").forEach(function (span) {
      if ((" " + span.getAttribute("data-marks") + " ").indexOf(" " + key + " ") >= 0) {
        span.classList.toggle("flash", on);
      }
    });
  }

  function wireEventList() {
    document.querySelectorAll("[data-mark]").forEach(function (item) {
      var key = item.getAttribute("data-mark");
      item.addEventListener("mouseenter", function () { flash(key, true); });
      item.addEventListener("mouseleave", function () { flash(key, false); });
    });
  }

  // --- the analyse box: the same view, built in the browser from the API's record ---

  function recordMarks(record) {
    var found = [];
    var colours = {};
    var n = 0;
    function add(key, css, span, info) {
      if (span && span.start < span.end && span.end <= record.text.length) {
        found.push({key: key, css: css, start: span.start, end: span.end});
        marks[key] = info;
      }
    }
    if (record.dateline) {
      add("d0", "dl", record.dateline, {layer: "dateline", label: record.dateline.place, details: [record.dateline.date || ""]});
    }
    (record.not_body || []).forEach(function (item, i) {
      add("n" + i, "nb", item, {layer: "not body", label: item.why, details: []});
    });
    (record.entities || []).forEach(function (e, i) {
      var actor = e.actor || e.canonical;
      add("e" + i, "ent ent-" + e.kind, e, {layer: "entity (" + e.kind + ")", label: e.canonical || e.text,
        details: [e.country || "", (e.roles || []).join(", ")].filter(Boolean),
        href: actor ? "/actors/" + encodeURIComponent(actor) : null});
    });
    (record.quotes || []).forEach(function (q, i) {
      var who = q.speaker_actor || q.speaker || "?";
      if (!(who in colours)) { colours[who] = n++ % 8; }
      add("q" + i, "qt q-s" + colours[who] + (q.direct === false ? " qt-reported" : ""), q, {layer: q.direct ? "quote" : "reported speech",
        label: "said by " + (q.speaker || "unknown speaker"), details: q.cue ? ["cue: " + q.cue] : []});
    });
    (record.credits || []).forEach(function (c, i) {
      add("c" + i, "cred", c, {layer: "credit (" + c.role + ")", label: c.name, details: [(c.chain || []).join(" → ")]});
    });
    (record.events || []).forEach(function (e, i) {
      var target = e.target ? (e.target.name || e.target.actor || "?") : "";
      add("v" + i, "evd", e.evidence, {layer: "event evidence",
        label: (e.source.name || e.source.actor || "?") + " —" + (e.plover || e.cameo) + "→ " + target,
        details: ["CAMEO " + e.cameo]});
    });
    return found;
  }

  function renderText(container, text, found) {
    var cuts = {0: true};
    cuts[text.length] = true;
    found.forEach(function (m) { cuts[m.start] = true; cuts[m.end] = true; });
    var bounds = Object.keys(cuts).map(Number).sort(function (a, b) { return a - b; });
    container.replaceChildren();
    for (var i = 0; i + 1 < bounds.length; i++) {
      var left = bounds[i], right = bounds[i + 1];
      var covering = found.filter(function (m) { return m.start <= left && m.end >= right; });
      var piece = text.slice(left, right);
      if (!covering.length) { container.appendChild(document.createTextNode(piece)); continue; }
      var span = document.createElement("span");
      span.className = covering.map(function (m) { return m.css; }).join(" ");
      span.setAttribute("data-marks", covering.map(function (m) { return m.key; }).join(" "));
      span.textContent = piece;
      container.appendChild(span);
    }
  }

  function listItem(text) {
    var li = document.createElement("li");
    li.textContent = text;
    return li;
  }

  function showRecord(record) {
    marks = {};
    var found = recordMarks(record);
    document.getElementById("result-title").textContent = record.title || "(untitled)";
    document.getElementById("result-meta").textContent = [record.language, record.source && record.source.published,
      (record.entities || []).length + " entities", (record.quotes || []).length + " quotes",
      (record.events || []).length + " events"].filter(Boolean).join(" · ");
    renderText(document.getElementById("article-text"), record.text, found);
    var events = document.getElementById("result-events");
    events.replaceChildren();
    (record.events || []).forEach(function (e, i) {
      var li = listItem((e.source.name || "?") + " " + (e.plover || e.cameo) + " " + (e.target ? (e.target.name || "?") : ""));
      li.setAttribute("data-mark", "v" + i);
      events.appendChild(li);
    });
    var credits = document.getElementById("result-credits");
    credits.replaceChildren();
    (record.credits || []).forEach(function (c) { credits.appendChild(listItem(c.role + ": " + c.name)); });
    document.getElementById("analyze-result").hidden = false;
    wireEventList();
  }

  function wireAnalyze() {
    var form = document.getElementById("analyze-form");
    if (!form) { return; }
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var data = new FormData(form);
      var body = {};
      var isHtml = data.get("is_html") === "on";
      body[isHtml ? "html" : "text"] = data.get("text");
      ["title", "url", "published", "language"].forEach(function (name) {
        var value = (data.get(name) || "").trim();
        if (value) { body[name] = value; }
      });
      var error = document.getElementById("analyze-error");
      error.hidden = true;
      var button = document.getElementById("analyze-go");
      button.disabled = true;
      fetch("/api/analyze", {method: "POST", headers: {"Content-Type": "application/json"}, body: JSON.stringify(body)})
        .then(function (response) {
          return response.json().then(function (json) { return {ok: response.ok, json: json}; });
        })
        .then(function (answer) {
          if (answer.ok) { showRecord(answer.json); return; }
          error.textContent = (answer.json.error && answer.json.error.message) || "analysis failed";
          error.hidden = false;
        })
        .catch(function (failure) { error.textContent = String(failure); error.hidden = false; })
        .finally(function () { button.disabled = false; });
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    marks = readMarks();
    wireToggles();
    wireSpans();
    wireEventList();
    wireAnalyze();
  });
}());
