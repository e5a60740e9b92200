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
    popup.setAttribute("role", "dialog");
    popup.setAttribute("aria-label", "about these words");
    popup.hidden = false;
  }

  var hideTimer = null;
  var openedFrom = null;

  function hidePopup(restoreFocus) {
    var popup = document.getElementById("popup");
    if (!popup || popup.hidden) { return; }
    popup.hidden = true;
    if (restoreFocus && openedFrom) { openedFrom.focus(); }
    openedFrom = null;
  }

  function laterHide() {
    window.clearTimeout(hideTimer);
    hideTimer = window.setTimeout(function () { hidePopup(false); }, 400);
  }

  function open(span) {
    window.clearTimeout(hideTimer);
    openedFrom = span;
    showPopup(span);
  }

  function wireSpans() {
    var text = document.getElementById("article-text");
    var popup = document.getElementById("popup");
    if (!text) { return; }
    text.addEventListener("click", function (event) {
      var span = event.target.closest("[data-marks]");
      if (span) { open(span); }
    });
    text.addEventListener("mouseover", function (event) {
      var span = event.target.closest("[data-marks]");
      if (span) { open(span); }
    });
    // the popup goes when the pointer leaves both the words and the popup
    text.addEventListener("mouseout", function (event) {
      if (!event.relatedTarget || !(popup && popup.contains(event.relatedTarget))) { laterHide(); }
    });
    if (popup) {
      popup.addEventListener("mouseover", function () { window.clearTimeout(hideTimer); });
      popup.addEventListener("mouseleave", laterHide);
    }
    // from the keyboard: Tab reaches each highlighted stretch, Enter or Space explains it, Esc closes
    text.addEventListener("focusin", function (event) {
      var span = event.target.closest("[data-marks]");
      if (span) { open(span); }
    });
    text.addEventListener("keydown", function (event) {
      var span = event.target.closest("[data-marks]");
      if (span && (event.key === "Enter" || event.key === " ")) { event.preventDefault(); open(span); }
    });
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape" || event.key === "Esc") { hidePopup(true); }
    });
    document.addEventListener("click", function (event) {
      if (popup && !popup.contains(event.target) && !text.contains(event.target)) { hidePopup(false); }
    });
  }

  function flash(key, on) {
    document.querySelectorAll("#article-text [data-marks]").forEach(function (span) {
      if ((" " + span.getAttribute("data-marks") + " ").indexOf(" " + key + " ") >= 0) {
        span.classList.toggle("flash", on);
      }
    });
  }

  // A link from the events or quotes browser names one span: #v3 (an event) or
  // #span-120-164 (a quote's offsets). Its words are flashed and scrolled to.
  function focusFromHash() {
    var hash = (window.location.hash || "").slice(1);
    var key = null;
    if (/^[vqecdn]\d+$/.test(hash) && marks[hash]) {
      key = hash;
    } else {
      var found = /^span-(\d+)-(\d+)$/.exec(hash);
      if (found) {
        Object.keys(marks).forEach(function (k) {
          if (!key && String(marks[k].start) === found[1] && String(marks[k].end) === found[2]) { key = k; }
        });
      }
    }
    if (!key) { return; }
    flash(key, true);
    var first = document.querySelector("#article-text .flash");
    if (first) { first.scrollIntoView({block: "center"}); first.focus({preventScroll: true}); }
    var item = document.querySelector("[data-mark='" + key + "']");
    if (item) { item.classList.add("chosen"); }
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
      add("e" + i, "ent ent-" + e.kind + (e.actor ? "" : " unresolved"), e, {layer: "entity (" + e.kind + ")",
        label: e.canonical || e.text,
        details: [e.country || "", (e.roles || []).join(", "),
                  e.actor ? "" : "unresolved: no actor in the actor base stands for this name"].filter(Boolean),
        href: e.actor ? "/actors/" + encodeURIComponent(e.actor) : null});
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
      var flags = [e.negated ? "negated" : "", e.hypothetical ? "hypothetical" : ""].filter(Boolean);
      add("v" + i, "evd", e.evidence, {layer: "event evidence",
        label: (e.source.name || e.source.actor || "?") + " —" + (e.plover || e.cameo) + "→ " + target,
        details: ["CAMEO " + e.cameo].concat(flags)});
      eventParts(record, e, i).forEach(function (part) { add(part.key, part.css, part.span, part.info); });
    });
    return found;
  }

  // The same parts as the server's highlight.event_parts: source, trigger, target.
  function actorSpan(record, who, evidence, afterFirst) {
    if (!who || !(who.actor || who.name)) { return null; }
    var named = (record.entities || []).filter(function (e) {
      return who.actor ? e.actor === who.actor : e.text === who.name;
    });
    var inside = named.filter(function (e) { return evidence.start <= e.start && e.end <= evidence.end; });
    var before = named.filter(function (e) { return evidence.start - 160 <= e.start && e.end <= evidence.start; });
    var after = named.filter(function (e) { return evidence.end <= e.start && e.start <= evidence.end + 160; });
    var order = afterFirst ? [inside[0], after[0], before[before.length - 1]] : [inside[0], before[before.length - 1], after[0]];
    return order.filter(Boolean)[0] || null;
  }

  function eventParts(record, e, i) {
    var ev = e.evidence, text = record.text, what = e.plover || e.cameo, parts = [];
    var source = actorSpan(record, e.source, ev, false), target = actorSpan(record, e.target, ev, true);
    var left = source && source.end > ev.start ? source.end : ev.start;
    var right = target && left < target.start && target.start <= ev.end ? target.start : ev.end;
    var word = /[\p{L}\p{N}]/u;
    while (left < right && !word.test(text[left])) { left++; }
    while (right > left && !word.test(text[right - 1])) { right--; }
    if (source) { parts.push({key: "v" + i + "s", css: "evt-src", span: source,
      info: {layer: "event source", label: "source of " + what + ": " + (e.source.name || source.text), details: []}}); }
    if (right > left) { parts.push({key: "v" + i + "t", css: "evt-trigger", span: {start: left, end: right},
      info: {layer: "event trigger", label: what + " (CAMEO " + e.cameo + ")", details: []}}); }
    if (target) { parts.push({key: "v" + i + "o", css: "evt-tgt", span: target,
      info: {layer: "event target", label: "target of " + what + ": " + (e.target.name || target.text), details: []}}); }
    return parts;
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
      span.setAttribute("tabindex", "0");
      span.setAttribute("role", "button");
      span.setAttribute("aria-label", piece + " — " + covering.map(function (m) {
        var info = marks[m.key] || {};
        return (info.layer || "") + ": " + (info.label || "");
      }).join("; "));
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
    focusFromHash();
    window.addEventListener("hashchange", function () {
      document.querySelectorAll("#article-text .flash").forEach(function (s) { s.classList.remove("flash"); });
      focusFromHash();
    });
  });
}());
