// Search page: Pagefind's index of this page's language, narrowed by content
// type (the section a result's address starts with). Without JavaScript the
// page shows how to browse by section instead.
window.addEventListener("DOMContentLoaded", async function () {
  var app = document.getElementById("search-app");
  if (!app) return;
  var pagefind = await import(app.dataset.bundle + "pagefind.js");
  var form = app.querySelector("form");
  var status = app.querySelector("[role=status]");
  var list = app.querySelector("ol");
  document.getElementById("search-fallback").hidden = true;
  app.hidden = false;

  async function run() {
    var query = form.q.value.trim();
    var prefix = form.type.value;
    list.replaceChildren();
    status.textContent = "";
    if (!query) return;
    var search = await pagefind.search(query);
    var pages = await Promise.all(search.results.slice(0, 100).map(function (r) { return r.data(); }));
    pages = pages.filter(function (page) { return !prefix || page.url.indexOf(prefix) === 0; });
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
    status.textContent = pages.length ? app.dataset.found.replace("{count}", pages.length) : app.dataset.none;
  }

  var params = new URLSearchParams(window.location.search);
  form.q.value = params.get("q") || "";
  form.type.value = params.get("type") || "";
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var next = new URLSearchParams({ q: form.q.value, type: form.type.value });
    window.history.replaceState(null, "", "?" + next.toString());
    run();
  });
  run();
});
