// Search page: Pagefind's index of this page's language, narrowed with
// Pagefind's own filters (content type, year, body; data-pagefind-filter in
// the templates), so that counts and filters cover every hit, not a first
// slice. Results come a page at a time; "Show more" adds the next page and
// moves focus to its first result. Without JavaScript the page shows how to
// browse by section instead.
var PAGE_SIZE = 20;
var FACETS = ["type", "year", "body"];

window.addEventListener("DOMContentLoaded", async function () {
  var app = document.getElementById("search-app");
  if (!app) return;
  var pagefind = await import(app.dataset.bundle + "pagefind.js");
  var form = app.querySelector("form");
  var status = app.querySelector("[role=status]");
  var list = app.querySelector("ol");
  var more = app.querySelector(".search-more");
  var results = [];
  document.getElementById("search-fallback").hidden = true;
  app.hidden = false;

  // Year and body choices are the values the index holds, newest year first.
  var available = await pagefind.filters();
  ["year", "body"].forEach(function (facet) {
    var values = Object.keys(available[facet] || {}).sort();
    if (facet === "year") values.reverse();
    values.forEach(function (value) { form[facet].add(new Option(value, value)); });
  });

  function chosenFilters() {
    var filters = {};
    FACETS.forEach(function (facet) { if (form[facet].value) filters[facet] = form[facet].value; });
    return filters;
  }

  async function showNext() {
    var start = list.children.length;
    var pages = await Promise.all(results.slice(start, start + PAGE_SIZE).map(function (r) { return r.data(); }));
    pages.forEach(function (page) {
      var item = document.createElement("li");
      item.className = "item-summary";
      var link = document.createElement("a");
      link.href = page.url;
      link.textContent = page.meta.title;
      var title = document.createElement("h2");
      title.className = "item-title";
      title.appendChild(link);
      var excerpt = document.createElement("p");
      excerpt.innerHTML = page.excerpt; // Pagefind escapes the text and adds <mark>
      item.append(title, excerpt);
      list.appendChild(item);
    });
    more.hidden = list.children.length >= results.length;
    status.textContent = results.length
      ? app.dataset.found.replace("{count}", results.length).replace("{shown}", list.children.length)
      : app.dataset.none;
    return pages.length && list.children[start].querySelector("a");
  }

  async function run() {
    var query = form.q.value.trim();
    var filters = chosenFilters();
    list.replaceChildren();
    results = [];
    more.hidden = true;
    status.textContent = "";
    if (!query && !Object.keys(filters).length) return;
    var search = await pagefind.search(query || null, { filters: filters });
    results = search.results;
    await showNext();
  }

  var params = new URLSearchParams(window.location.search);
  form.q.value = params.get("q") || "";
  FACETS.forEach(function (facet) { form[facet].value = params.get(facet) || ""; });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var next = new URLSearchParams({ q: form.q.value });
    FACETS.forEach(function (facet) { if (form[facet].value) next.set(facet, form[facet].value); });
    window.history.replaceState(null, "", "?" + next.toString());
    run();
  });
  more.addEventListener("click", async function () {
    var first = await showNext();
    if (first) first.focus();
  });
  run();
});
