// Progressive enhancement of the search boxes: while the reader types, titles and contact
// names from this district come as suggestions (the browser's own <datalist>, so keyboard
// and screen-reader use is the browser's). Picking one opens it; the search works without.
(function () {
  "use strict";
  if (window.portalSearchSuggest || !window.fetch) return;
  window.portalSearchSuggest = true;

  function enhance(input) {
    var list = document.createElement("datalist");
    list.id = input.id + "-suggestions";
    input.parentNode.appendChild(list);
    input.setAttribute("list", list.id);
    var urls = {};
    var timer = null;
    var last = "";

    function fill(suggestions) {
      urls = {};
      list.textContent = "";
      suggestions.forEach(function (suggestion) {
        var option = document.createElement("option");
        option.value = suggestion.label;
        list.appendChild(option);
        if (suggestion.url) urls[suggestion.label] = suggestion.url;
      });
    }

    function load() {
      var value = input.value.trim();
      if (value === last) return;
      last = value;
      if (value.length < 2) { fill([]); return; }
      var url = input.getAttribute("data-suggest-url") + "?q=" + encodeURIComponent(value);
      fetch(url, { headers: { Accept: "application/json" }, credentials: "omit" })
        .then(function (response) { return response.ok ? response.json() : { suggestions: [] }; })
        .then(function (data) { if (input.value.trim() === value) fill(data.suggestions || []); })
        .catch(function () { fill([]); });
    }

    input.addEventListener("input", function (event) {
      var picked = urls[input.value];
      if (picked && (!event.inputType || event.inputType === "insertReplacementText")) {
        window.location.href = picked;
        return;
      }
      window.clearTimeout(timer);
      timer = window.setTimeout(load, 200);
    });
  }

  function init() {
    var inputs = document.querySelectorAll("input[data-suggest-url]");
    for (var i = 0; i < inputs.length; i++) enhance(inputs[i]);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
