// Remember the visitor's theme.
document.addEventListener("DOMContentLoaded", function () {
  localStorage.setItem("theme", "light");
});
