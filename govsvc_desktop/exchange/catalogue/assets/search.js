/* The index page's offline search: reads the catalogue from search-data.js (a script, so
   it also works when the site is opened from a folder), folds Persian like the program,
   and matches every word as the start of a word (or the words written together), then
   narrows by audience, nature, electronic delivery and province. */
(function () {
  "use strict";
  var F = window.GovsvcFold;
  var DATA = window.GOVSVC_CATALOGUE;
  var PAGE = 25;
  var records = [];
  var shown = PAGE;
  var last = [];

  function prepare() {
    records = DATA.services.map(function (r) {
      return {
        page: r[0], title: r[1], sid: r[2], agency: DATA.agencies[r[3]], place: DATA.places[r[4]],
        audience: r[8], nature: r[9], electronic: r[10], province: r[11], element: null,
        hay: " " + F.indexText([r[1], r[2], DATA.agencies[r[3]], DATA.places[r[4]], r[5], r[6], r[7]]) + " "
      };
    });
  }

  /* Indices of the records matching the query and filters, in catalogue order. */
  function search(query, filters) {
    var terms = F.searchTerms(query || "");
    var joined = terms.length > 1 ? " " + terms.join("") : null;
    var needles = terms.map(function (t) { return " " + t; });
    var audience = filters.audience ? (1 << DATA.audiences.indexOf(filters.audience)) : 0;
    var nature = filters.nature ? DATA.natures.indexOf(filters.nature) : -1;
    var electronic = filters.electronic === "yes" ? 1 : (filters.electronic === "no" ? 0 : -1);
    var province = filters.province ? DATA.provinces.indexOf(filters.province) : -1;
    var found = [];
    for (var i = 0; i < records.length; i++) {
      var r = records[i];
      if (audience && !(r.audience & audience)) { continue; }
      if (nature >= 0 && r.nature !== nature) { continue; }
      if (electronic >= 0 && r.electronic !== electronic) { continue; }
      if (province >= 0 && r.province !== province) { continue; }
      if (needles.length) {
        var all = true;
        for (var k = 0; k < needles.length; k++) {
          if (r.hay.indexOf(needles[k]) < 0) { all = false; break; }
        }
        if (!all && !(joined && r.hay.indexOf(joined) >= 0)) { continue; }
      }
      found.push(i);
    }
    return found;
  }

  function el(id) { return document.getElementById(id); }

  function filters() {
    return { audience: el("f-audience").value, nature: el("f-nature").value,
             electronic: el("f-electronic").value, province: el("f-province").value };
  }

  function item(r) {
    if (r.element) { return r.element; }  /* drawn once, shown again by later searches */
    var li = document.createElement("li");
    var a = document.createElement("a");
    a.href = "services/" + r.page;
    a.textContent = r.title;
    var h = document.createElement("h3");
    h.appendChild(a);
    li.appendChild(h);
    var meta = document.createElement("p");
    meta.className = "meta";
    meta.textContent = r.agency + " \u2014 " + r.place +
      (r.sid ? " \u2014 " + DATA.labels.sid + " " + F.persianDigits(r.sid) : "");
    li.appendChild(meta);
    var tag = document.createElement("p");
    tag.className = "tags";
    tag.textContent = (r.electronic ? DATA.labels.electronic : DATA.labels.nonElectronic) +
      (r.nature >= 0 ? " \u2014 " + DATA.natureLabels[r.nature] : "");
    li.appendChild(tag);
    r.element = li;
    return li;
  }

  function render() {
    var list = el("results");
    list.textContent = "";
    var fragment = document.createDocumentFragment();
    var upto = Math.min(shown, last.length);
    for (var i = 0; i < upto; i++) { fragment.appendChild(item(records[last[i]])); }
    list.appendChild(fragment);
    el("count").textContent = DATA.labels.count.replace("{n}", F.persianDigits(last.length));
    var more = el("more");
    more.hidden = upto >= last.length;
    more.textContent = DATA.labels.more.replace("{n}", F.persianDigits(Math.min(PAGE, last.length - upto)));
  }

  var FIELDS = { q: "q", a: "f-audience", n: "f-nature", e: "f-electronic", p: "f-province" };

  /* The search lives in the address (#q=…&e=yes), so going back to the list, reloading or
     sharing the link shows the same results. */
  function remember() {
    var parts = [];
    Object.keys(FIELDS).forEach(function (key) {
      var value = el(FIELDS[key]).value;
      if (value) { parts.push(key + "=" + encodeURIComponent(value)); }
    });
    var hash = parts.length ? "#" + parts.join("&") : "";
    if (hash !== window.location.hash) {
      window.history.replaceState(null, "", window.location.pathname + window.location.search + hash);
    }
  }

  function recall() {
    window.location.hash.replace(/^#/, "").split("&").forEach(function (part) {
      var pair = part.split("=");
      var id = FIELDS[pair[0]];
      if (id && pair.length === 2) {
        try { el(id).value = decodeURIComponent(pair[1]); } catch (e) { /* a damaged link */ }
      }
    });
  }

  function update() {
    last = search(el("q").value, filters());
    shown = PAGE;
    render();
    remember();
  }

  function start() {
    prepare();
    recall();
    var form = el("search");
    form.addEventListener("submit", function (e) { e.preventDefault(); update(); });
    el("q").addEventListener("input", update);
    ["f-audience", "f-nature", "f-electronic", "f-province"].forEach(function (id) {
      el(id).addEventListener("change", update);
    });
    el("reset").addEventListener("click", function () {
      window.setTimeout(update, 0);
    });
    el("more").addEventListener("click", function () {
      var first = Math.min(shown, last.length);
      shown += PAGE;
      render();
      var next = el("results").children[first];
      if (next) { next.querySelector("a").focus(); }
    });
    el("search-area").hidden = false;
    update();
  }

  window.GovsvcSearch = { search: search, records: function () { return records.length; } };
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
  window.addEventListener("pageshow", function (e) { if (e.persisted) { update(); } });
})();
