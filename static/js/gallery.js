// Progressive enhancement of the gallery block: the thumbnail links work without
// JavaScript (they open the large image); with it, the large image opens in a dialog on
// the page. Self-hosted, no dependencies.
(function () {
  "use strict";
  if (window.portalGallery) return;
  window.portalGallery = true;

  function open(link) {
    var gallery = link.closest(".gallery-block");
    var thumbnail = link.querySelector("img");
    var figure = link.closest("figure");
    var caption = figure && figure.querySelector("figcaption");
    var dialog = document.createElement("dialog");
    dialog.className = "gallery-dialog";
    dialog.setAttribute("aria-label", thumbnail ? thumbnail.alt : "");
    var close = document.createElement("button");
    close.type = "button";
    close.className = "kern-btn kern-btn--secondary gallery-dialog__close";
    var label = document.createElement("span");
    label.className = "kern-label";
    label.textContent = gallery.getAttribute("data-close-label") || "×";
    close.appendChild(label);
    close.addEventListener("click", function () { dialog.close(); });
    var image = document.createElement("img");
    image.src = link.href;
    image.alt = thumbnail ? thumbnail.alt : "";
    image.className = "gallery-dialog__image";
    dialog.appendChild(close);
    dialog.appendChild(image);
    if (caption) dialog.appendChild(caption.cloneNode(true));
    dialog.addEventListener("close", function () { dialog.remove(); link.focus(); });
    dialog.addEventListener("click", function (event) { if (event.target === dialog) dialog.close(); });
    document.body.appendChild(dialog);
    dialog.showModal();
    close.focus();
  }

  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest(".gallery-block__link");
    if (!link || typeof HTMLDialogElement === "undefined") return;
    event.preventDefault();
    open(link);
  });
})();
