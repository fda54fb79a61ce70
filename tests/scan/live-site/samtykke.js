// A consent banner: Google Analytics only after "Godta"; the choice is kept in the cookie 'samtykke'.
(function () {
  function choice() {
    var m = document.cookie.match(/(?:^|; )samtykke=(ja|nei)/);
    return m ? m[1] : "";
  }
  function loadAnalytics() {
    var s = document.createElement("script");
    s.src = "https://www.googletagmanager.com/gtag/js?id=G-TEST123";
    document.head.appendChild(s);
  }
  function remember(value) {
    document.cookie = "samtykke=" + value + "; max-age=15552000; path=/";
  }
  document.addEventListener("DOMContentLoaded", function () {
    var banner = document.getElementById("banner");
    if (choice() === "ja") { loadAnalytics(); return; }
    if (choice() === "nei") { return; }
    banner.hidden = false;
    document.getElementById("godta").onclick = function () { remember("ja"); banner.hidden = true; loadAnalytics(); };
    document.getElementById("avvis").onclick = function () {
      remember("nei"); banner.hidden = true;
      if (window.AVVIS_VIRKER_IKKE) { loadAnalytics(); }  // the defect of the second site
    };
  });
})();
